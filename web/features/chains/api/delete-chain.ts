import { okResponse } from '../../../../shared/contracts/common';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';

/** Removes a chain with its map and targets (admin; refused while firms sit in its nodes). */
export async function deleteChain({ code, version }: { code: string; version: number }): Promise<void> {
  await apiRequest(`/api/chains/${encodeURIComponent(code)}`, { method: 'DELETE', query: { version }, schema: okResponse });
}

export function useDeleteChain() {
  // The chain's own page is left right after; only the lists must forget it.
  return useApiMutation(deleteChain, ['chains', 'list']);
}
