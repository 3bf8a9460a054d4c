import { useMutation, useQueryClient } from '@tanstack/react-query';
import { okResponse } from '../../../../shared/contracts/common';
import { apiRequest } from '../../../lib/api-client';

/** Removes a region nothing refers to (admin). */
export async function deleteRegion({ code, version }: { code: string; version: number }): Promise<void> {
  await apiRequest(`/api/regions/${encodeURIComponent(code)}`, { method: 'DELETE', query: { version }, schema: okResponse });
}

export function useDeleteRegion() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteRegion, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['regions'] }) });
}
