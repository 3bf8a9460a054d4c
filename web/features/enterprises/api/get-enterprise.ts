import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { enterpriseDetailResponse } from '../../../../shared/contracts/enterprises';
import { apiRequest } from '../../../lib/api-client';

/** The firm with the `version` its edit form sends back. */
const enterpriseAnswer = enterpriseDetailResponse;

/** A firm's profile, memberships and one year of monthly figures (the latest year when `year` is undefined). */
export function getEnterprise(uscc: string, year: number | undefined, signal?: AbortSignal) {
  return apiRequest(`/api/enterprises/${encodeURIComponent(uscc)}`, { query: { year }, schema: enterpriseAnswer, signal });
}

export function enterpriseQueryOptions(uscc: string, year?: number) {
  return queryOptions({
    queryKey: ['enterprises', 'detail', uscc, year ?? null],
    queryFn: ({ signal }) => getEnterprise(uscc, year, signal),
    placeholderData: keepPreviousData,
  });
}

export function useEnterprise(uscc: string, year?: number) {
  return useQuery(enterpriseQueryOptions(uscc, year));
}
