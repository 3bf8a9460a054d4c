import { queryOptions, useQuery } from '@tanstack/react-query';
import { periodsResponse, type PeriodsResponse } from '../../shared/contracts/periods';
import { apiRequest } from '../lib/api-client';

/** Each month of a year with its status, coverage and publication (every role but 企业). */
export function getPeriods(year: number | undefined, signal?: AbortSignal): Promise<PeriodsResponse> {
  return apiRequest('/api/periods', { query: { year }, schema: periodsResponse, signal });
}

export function periodsQueryOptions(year: number | undefined) {
  return queryOptions({ queryKey: ['periods', 'list', year ?? 'current'], queryFn: ({ signal }) => getPeriods(year, signal) });
}

export function usePeriods(year: number | undefined) {
  return useQuery(periodsQueryOptions(year));
}
