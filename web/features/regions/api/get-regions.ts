import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { listRegionsResponse, type ListRegionsQuery, type ListRegionsResponse } from '../../../../shared/contracts/regions';
import { apiRequest } from '../../../lib/api-client';

/** Regions with their park and firm counts, optionally searched and filtered by kind. */
export function getRegions(params: ListRegionsQuery, signal?: AbortSignal): Promise<ListRegionsResponse> {
  return apiRequest('/api/regions', { query: params, schema: listRegionsResponse, signal });
}

export function regionsQueryOptions(params: ListRegionsQuery = {}) {
  return queryOptions({
    queryKey: ['regions', 'list', params],
    queryFn: ({ signal }) => getRegions(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRegions(params: ListRegionsQuery = {}) {
  return useQuery(regionsQueryOptions(params));
}
