import { queryOptions, useQuery } from '@tanstack/react-query';
import { listIndustriesResponse } from '../../shared/contracts/industries';
import { apiRequest } from '../lib/api-client';

const industriesAnswer = listIndustriesResponse;

/** The ten leading industries (each with its `version` for the edit form), for the list and the chain form. */
export function getIndustries(signal?: AbortSignal) {
  return apiRequest('/api/industries', { schema: industriesAnswer, signal });
}

export function industriesQueryOptions() {
  return queryOptions({ queryKey: ['industries'], queryFn: ({ signal }) => getIndustries(signal), staleTime: 10 * 60_000 });
}

export function useIndustries() {
  return useQuery(industriesQueryOptions());
}
