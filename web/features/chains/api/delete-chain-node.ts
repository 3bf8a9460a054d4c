import { okResponse } from '../../../../shared/contracts/common';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';

/** Removes a node and its edges (refused while firms are attached to it). */
export async function deleteChainNode({ code, key, version }: { code: string; key: string; version: number }): Promise<void> {
  await apiRequest(`/api/chains/${encodeURIComponent(code)}/nodes/${encodeURIComponent(key)}`, {
    method: 'DELETE',
    query: { version },
    schema: okResponse,
  });
}

export function useDeleteChainNode() {
  return useApiMutation(deleteChainNode, ['chains']);
}
