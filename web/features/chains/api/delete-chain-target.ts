import { okResponse } from '../../../../shared/contracts/common';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';

export async function deleteChainTarget({ code, year, version }: { code: string; year: number; version: number }): Promise<void> {
  await apiRequest(`/api/chains/${encodeURIComponent(code)}/targets/${year}`, { method: 'DELETE', query: { version }, schema: okResponse });
}

export function useDeleteChainTarget() {
  return useApiMutation(deleteChainTarget, ['chains', 'detail']);
}
