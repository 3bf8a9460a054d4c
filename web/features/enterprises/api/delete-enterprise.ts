import { useMutation, useQueryClient } from '@tanstack/react-query';
import { okResponse } from '../../../../shared/contracts/common';
import { apiRequest } from '../../../lib/api-client';

/** Deletes a firm registered by mistake (admin only; refused when it has monthly figures). */
export async function deleteEnterprise({ uscc, version }: { uscc: string; version: number }): Promise<void> {
  await apiRequest(`/api/enterprises/${encodeURIComponent(uscc)}`, { method: 'DELETE', query: { version }, schema: okResponse });
}

export function useDeleteEnterprise() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteEnterprise,
    // The firm's own page is left right after; only the lists must forget it.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['enterprises', 'list'] }),
  });
}
