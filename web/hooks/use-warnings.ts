import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { warningsQuery, warningsResponse, type WarningsResponse } from '../../shared/contracts/warnings';
import { apiRequest, type QueryParamsOf } from '../lib/api-client';

/** Without a period the server answers for the latest month with figures (the answer's `period`). */
/** The contract's query, as the hook takes it. */
export type WarningsParams = QueryParamsOf<typeof warningsQuery>;

/** The 预警 lists for a month over the user's scope: counts per kind and one page of items. */
export function getWarnings(params: WarningsParams, signal?: AbortSignal): Promise<WarningsResponse> {
  return apiRequest('/api/warnings', { query: params, schema: warningsResponse, signal });
}

export function useWarnings(params: WarningsParams) {
  return useQuery(
    queryOptions({
      queryKey: ['warnings', 'list', params],
      queryFn: ({ signal }) => getWarnings(params, signal),
      placeholderData: keepPreviousData,
    }),
  );
}

/** The warning counts of one month (the dashboard's card): a one-item page, the counts are what matters. */
export function useWarningCounts(period: string) {
  return useQuery(
    queryOptions({
      queryKey: ['warnings', 'counts', period],
      queryFn: ({ signal }) => getWarnings({ period, page: 1, pageSize: 1 }, signal),
      select: (data) => data.counts,
      retry: false,
    }),
  );
}
