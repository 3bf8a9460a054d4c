import { chainEdge, type AddEdgeRequest, type ChainEdge } from '../../../../shared/contracts/chains';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';

/** Adds a "feeds" edge between two nodes of the chain. */
export function addChainEdge({ code, body }: { code: string; body: AddEdgeRequest }): Promise<ChainEdge> {
  return apiRequest(`/api/chains/${encodeURIComponent(code)}/edges`, { method: 'POST', body, schema: chainEdge });
}

export function useAddChainEdge() {
  return useApiMutation(addChainEdge, ['chains', 'detail']);
}
