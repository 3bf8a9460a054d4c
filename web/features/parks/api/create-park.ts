import type { z } from 'zod';
import { createParkRequest, parkDetail, type ParkDetail } from '../../../../shared/contracts/parks';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';

/** Adds a park (admin); the server fills the defaults (no focus, no area). */
export function createPark(body: z.input<typeof createParkRequest>): Promise<ParkDetail> {
  return apiRequest('/api/parks', { method: 'POST', body, schema: parkDetail });
}

export function useCreatePark() {
  return useApiMutation(createPark, ['parks']);
}
