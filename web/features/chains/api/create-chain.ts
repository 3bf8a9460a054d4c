import type { z } from 'zod';
import { chainDetail, createChainRequest, type ChainDetail } from '../../../../shared/contracts/chains';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';

/** Adds a chain to the city's list (admin); the server fills the defaults. */
export function createChain(body: z.input<typeof createChainRequest>): Promise<ChainDetail> {
  return apiRequest('/api/chains', { method: 'POST', body, schema: chainDetail });
}

export function useCreateChain() {
  return useApiMutation(createChain, ['chains']);
}
