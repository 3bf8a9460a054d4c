import { okResponse } from '../../../../shared/contracts/common';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';

/** Removes a region nothing refers to (admin). */
export async function deleteRegion({ code, version }: { code: string; version: number }): Promise<void> {
  await apiRequest(`/api/regions/${encodeURIComponent(code)}`, { method: 'DELETE', query: { version }, schema: okResponse });
}

export function useDeleteRegion() {
  return useApiMutation(deleteRegion, ['regions']);
}
