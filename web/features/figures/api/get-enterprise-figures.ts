import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { enterpriseFigures, type EnterpriseFigures } from '../../../../shared/contracts/figures';
import { apiRequest } from '../../../lib/api-client';

/** One firm's stored months of a year (its latest year with data when `year` is omitted). */
export function getEnterpriseFigures(uscc: string, year: number | undefined, signal?: AbortSignal): Promise<EnterpriseFigures> {
  return apiRequest(`/api/figures/${encodeURIComponent(uscc)}`, { query: { year }, schema: enterpriseFigures, signal });
}

export function enterpriseFiguresQueryOptions(uscc: string, year: number | undefined) {
  return queryOptions({
    queryKey: ['figures', 'enterprise', uscc, year ?? 'latest'],
    queryFn: ({ signal }) => getEnterpriseFigures(uscc, year, signal),
    placeholderData: keepPreviousData,
  });
}

export function useEnterpriseFigures(uscc: string, year: number | undefined) {
  return useQuery(enterpriseFiguresQueryOptions(uscc, year));
}
