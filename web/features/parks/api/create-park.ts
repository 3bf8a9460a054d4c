import { useMutation, useQueryClient } from '@tanstack/react-query';
import { parkDetail, type CreateParkRequest, type ParkDetail } from '../../../../shared/contracts/parks';
import { apiRequest } from '../../../lib/api-client';

/** Adds a park (admin). */
export function createPark(body: CreateParkRequest): Promise<ParkDetail> {
  return apiRequest('/api/parks', { method: 'POST', body, schema: parkDetail });
}

export function useCreatePark() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createPark, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['parks'] }) });
}
