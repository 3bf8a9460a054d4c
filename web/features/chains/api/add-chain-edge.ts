import { useMutation, useQueryClient } from '@tanstack/react-query';
import { chainEdge, type AddEdgeRequest, type ChainEdge } from '../../../../shared/contracts/chains';
import { apiRequest } from '../../../lib/api-client';

/** Adds a "feeds" edge between two nodes of the chain. */
export function addChainEdge({ code, body }: { code: string; body: AddEdgeRequest }): Promise<ChainEdge> {
  return apiRequest(`/api/chains/${encodeURIComponent(code)}/edges`, { method: 'POST', body, schema: chainEdge });
}

export function useAddChainEdge() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: addChainEdge, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['chains', 'detail'] }) });
}
