import { useMutation, useQueryClient } from '@tanstack/react-query';
import { okResponse } from '../../../../shared/contracts/common';
import { apiRequest } from '../../../lib/api-client';

/** Removes a node and its edges (refused while firms are attached to it). */
export async function deleteChainNode({ code, key, version }: { code: string; key: string; version: number }): Promise<void> {
  await apiRequest(`/api/chains/${encodeURIComponent(code)}/nodes/${encodeURIComponent(key)}`, {
    method: 'DELETE',
    query: { version },
    schema: okResponse,
  });
}

export function useDeleteChainNode() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteChainNode, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['chains'] }) });
}
