import { useMutation, useQueryClient } from '@tanstack/react-query';
import { okResponse } from '../../../../shared/contracts/common';
import { apiRequest } from '../../../lib/api-client';

/** Removes a park with no firms (admin). */
export async function deletePark({ id, version }: { id: number; version: number }): Promise<void> {
  await apiRequest(`/api/parks/${id}`, { method: 'DELETE', query: { version }, schema: okResponse });
}

export function useDeletePark() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deletePark,
    // The park's own page is left right after; only the lists must forget it.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['parks', 'list'] }),
  });
}
