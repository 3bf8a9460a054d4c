import { queryOptions, useQuery } from '@tanstack/react-query';
import { warningsQuery, warningsResponse } from '../../shared/contracts/warnings';
import { defineApiQuery } from '../lib/api-query';

/**
 * The 预警 lists for a month over the user's scope: counts per kind and one page of items. Without a
 * period the server answers for the latest month with figures (the answer's `period`).
 */
const warnings = defineApiQuery('/api/warnings', warningsQuery, warningsResponse);
export const getWarnings = warnings.get;
export const useWarnings = warnings.useApiQuery;

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
