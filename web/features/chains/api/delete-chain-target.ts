import { useMutation, useQueryClient } from '@tanstack/react-query';
import { okResponse } from '../../../../shared/contracts/common';
import { apiRequest } from '../../../lib/api-client';

export async function deleteChainTarget({ code, year, version }: { code: string; year: number; version: number }): Promise<void> {
  await apiRequest(`/api/chains/${encodeURIComponent(code)}/targets/${year}`, { method: 'DELETE', query: { version }, schema: okResponse });
}

export function useDeleteChainTarget() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteChainTarget, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['chains', 'detail'] }) });
}
