import { useMutation, useQueryClient } from '@tanstack/react-query';
import { parkDetail, type ParkDetail, type UpdateParkRequest } from '../../../../shared/contracts/parks';
import { apiRequest } from '../../../lib/api-client';
import type { Versioned } from '../../../lib/versioned';

/** Edits a park (admin). */
export function updatePark({ id, body }: { id: number; body: UpdateParkRequest & Versioned }): Promise<ParkDetail> {
  return apiRequest(`/api/parks/${id}`, { method: 'PATCH', body, schema: parkDetail });
}

export function useUpdatePark() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updatePark, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['parks'] }) });
}
