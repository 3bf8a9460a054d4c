import { useMutation, useQueryClient } from '@tanstack/react-query';
import { chainDetail, type ChainDetail, type CreateChainRequest } from '../../../../shared/contracts/chains';
import { apiRequest } from '../../../lib/api-client';

/** Adds a chain to the city's list (admin). */
export function createChain(body: CreateChainRequest): Promise<ChainDetail> {
  return apiRequest('/api/chains', { method: 'POST', body, schema: chainDetail });
}

export function useCreateChain() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createChain, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['chains'] }) });
}
