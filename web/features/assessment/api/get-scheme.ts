import { queryOptions, useQuery } from '@tanstack/react-query';
import { schemeDetail } from '../../../../shared/contracts/assessment';
import { apiRequest } from '../../../lib/api-client';

/** One scheme version with its definition, entries and the objects it scores. */
export function getScheme(id: number, signal?: AbortSignal) {
  return apiRequest(`/api/assessment/schemes/${id}`, { schema: schemeDetail, signal });
}

export function useScheme(id: number) {
  return useQuery(queryOptions({ queryKey: ['assessment', 'schemes', 'detail', id], queryFn: ({ signal }) => getScheme(id, signal) }));
}
