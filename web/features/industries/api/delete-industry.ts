import { useMutation, useQueryClient } from '@tanstack/react-query';
import { okResponse } from '../../../../shared/contracts/common';
import { apiRequest } from '../../../lib/api-client';

/** Removes an industry no chain belongs to (admin). */
export async function deleteIndustry({ code, version }: { code: string; version: number }): Promise<void> {
  await apiRequest(`/api/industries/${encodeURIComponent(code)}`, { method: 'DELETE', query: { version }, schema: okResponse });
}

export function useDeleteIndustry() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteIndustry, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['industries'] }) });
}
