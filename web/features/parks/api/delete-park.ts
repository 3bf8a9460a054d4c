import { okResponse } from '../../../../shared/contracts/common';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';

/** Removes a park with no firms (admin). */
export async function deletePark({ id, version }: { id: number; version: number }): Promise<void> {
  await apiRequest(`/api/parks/${id}`, { method: 'DELETE', query: { version }, schema: okResponse });
}

export function useDeletePark() {
  // The park's own page is left right after; only the lists must forget it.
  return useApiMutation(deletePark, ['parks', 'list']);
}
