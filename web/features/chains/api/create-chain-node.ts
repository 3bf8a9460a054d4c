import { chainNodeFields, type ChainNodeFields, type CreateNodeRequest } from '../../../../shared/contracts/chains';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';

/** Adds a node (环节) to a chain's map. */
export function createChainNode({ code, body }: { code: string; body: CreateNodeRequest }): Promise<ChainNodeFields> {
  return apiRequest(`/api/chains/${encodeURIComponent(code)}/nodes`, { method: 'POST', body, schema: chainNodeFields });
}

export function useCreateChainNode() {
  return useApiMutation(createChainNode, ['chains']);
}
