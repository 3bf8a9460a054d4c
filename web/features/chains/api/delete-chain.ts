import { useMutation, useQueryClient } from '@tanstack/react-query';
import { okResponse } from '../../../../shared/contracts/common';
import { apiRequest } from '../../../lib/api-client';

/** Removes a chain with its map and targets (admin; refused while firms sit in its nodes). */
export async function deleteChain({ code, version }: { code: string; version: number }): Promise<void> {
  await apiRequest(`/api/chains/${encodeURIComponent(code)}`, { method: 'DELETE', query: { version }, schema: okResponse });
}

export function useDeleteChain() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteChain,
    // The chain's own page is left right after; only the lists must forget it.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['chains', 'list'] }),
  });
}
