import { okResponse } from '../../../../shared/contracts/common';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';

/** Deletes a firm registered by mistake (admin only; refused when it has monthly figures). */
export async function deleteEnterprise({ uscc, version }: { uscc: string; version: number }): Promise<void> {
  await apiRequest(`/api/enterprises/${encodeURIComponent(uscc)}`, { method: 'DELETE', query: { version }, schema: okResponse });
}

export function useDeleteEnterprise() {
  // The firm's own page is left right after; only the lists must forget it.
  return useApiMutation(deleteEnterprise, ['enterprises', 'list']);
}
