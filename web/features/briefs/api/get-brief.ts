import { queryOptions, useQuery } from '@tanstack/react-query';
import { brief, type Brief } from '../../../../shared/contracts/briefs';
import { apiRequest } from '../../../lib/api-client';

/** One brief with its text, figures, tables, charts and what the caller may do with it. */
export function getBrief(id: number, signal?: AbortSignal): Promise<Brief> {
  return apiRequest(`/api/briefs/${id}`, { schema: brief, signal });
}

export function briefQueryOptions(id: number) {
  return queryOptions({ queryKey: ['briefs', 'detail', id], queryFn: ({ signal }) => getBrief(id, signal) });
}

export function useBrief(id: number) {
  return useQuery(briefQueryOptions(id));
}
