import { queryOptions, useQuery } from '@tanstack/react-query';
import { listRevisionsResponse, type ListRevisionsResponse } from '../../../../shared/contracts/figures';
import { apiRequest } from '../../../lib/api-client';

/** Every write of one enterprise-month, newest first. */
export function getRevisions(uscc: string, period: string, signal?: AbortSignal): Promise<ListRevisionsResponse> {
  return apiRequest(`/api/figures/${encodeURIComponent(uscc)}/${period}/revisions`, { schema: listRevisionsResponse, signal });
}

export function revisionsQueryOptions(uscc: string, period: string) {
  return queryOptions({ queryKey: ['figures', 'revisions', uscc, period], queryFn: ({ signal }) => getRevisions(uscc, period, signal) });
}

export function useRevisions(uscc: string, period: string | null) {
  return useQuery({ ...revisionsQueryOptions(uscc, period ?? ''), enabled: period !== null });
}
