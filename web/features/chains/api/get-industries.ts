import { queryOptions, useQuery } from '@tanstack/react-query';
import { listIndustriesResponse, type ListIndustriesResponse } from '../../../../shared/contracts/industries';
import { apiRequest } from '../../../lib/api-client';

/** The ten leading industries, for the chain form. */
export function getIndustries(signal?: AbortSignal): Promise<ListIndustriesResponse> {
  return apiRequest('/api/industries', { schema: listIndustriesResponse, signal });
}

export function industriesQueryOptions() {
  return queryOptions({ queryKey: ['industries'], queryFn: ({ signal }) => getIndustries(signal), staleTime: 10 * 60_000 });
}

export function useIndustries() {
  return useQuery(industriesQueryOptions());
}
