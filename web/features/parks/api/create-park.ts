import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { createParkRequest, parkDetail, type ParkDetail } from '../../../../shared/contracts/parks';
import { apiRequest } from '../../../lib/api-client';

/** Adds a park (admin); the server fills the defaults (no focus, no area). */
export function createPark(body: z.input<typeof createParkRequest>): Promise<ParkDetail> {
  return apiRequest('/api/parks', { method: 'POST', body, schema: parkDetail });
}

export function useCreatePark() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createPark, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['parks'] }) });
}
