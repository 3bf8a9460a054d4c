import { queryOptions, useQuery } from '@tanstack/react-query';
import { enterpriseOptionsResponse, type EnterpriseOptionsResponse } from '../../../../shared/contracts/enterprises';
import { apiRequest } from '../../../lib/api-client';

/** Regions, parks and chains with their nodes: the choices of the filters and the form. */
export function getEnterpriseOptions(signal?: AbortSignal): Promise<EnterpriseOptionsResponse> {
  return apiRequest('/api/enterprises/options', { schema: enterpriseOptionsResponse, signal });
}

export function enterpriseOptionsQueryOptions() {
  return queryOptions({
    queryKey: ['enterprises', 'options'],
    queryFn: ({ signal }) => getEnterpriseOptions(signal),
    staleTime: 5 * 60_000,
  });
}

export function useEnterpriseOptions() {
  return useQuery(enterpriseOptionsQueryOptions());
}
