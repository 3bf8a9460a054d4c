import { okResponse } from '../../../../shared/contracts/common';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';
import type { ChainListPath } from './save-chain-list-row';

export async function deleteChainListRow({ code, list, id, version }: { code: string; list: ChainListPath; id: number; version: number }) {
  await apiRequest(`/api/chains/${encodeURIComponent(code)}/${list}/${id}`, { method: 'DELETE', query: { version }, schema: okResponse });
}

export function useDeleteChainListRow(code: string) {
  return useApiMutation(deleteChainListRow, ['chains', code]);
}
