import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { enterpriseDetailResponse, type EnterpriseDetailResponse } from '../../../../shared/contracts/enterprises';
import { apiRequest } from '../../../lib/api-client';

/** A firm's profile, memberships and one year of monthly figures (the latest year when `year` is undefined). */
export function getEnterprise(uscc: string, year: number | undefined, signal?: AbortSignal): Promise<EnterpriseDetailResponse> {
  return apiRequest(`/api/enterprises/${encodeURIComponent(uscc)}`, { query: { year }, schema: enterpriseDetailResponse, signal });
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
