import { okResponse } from '../../../../shared/contracts/common';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';

/** Removes an industry no chain belongs to (admin). */
export async function deleteIndustry({ code, version }: { code: string; version: number }): Promise<void> {
  await apiRequest(`/api/industries/${encodeURIComponent(code)}`, { method: 'DELETE', query: { version }, schema: okResponse });
}

export function useDeleteIndustry() {
  return useApiMutation(deleteIndustry, ['industries']);
}
