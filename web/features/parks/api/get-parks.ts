import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { listParksResponse, type ListParksResponse, type ParkLevel } from '../../../../shared/contracts/parks';
import { apiRequest } from '../../../lib/api-client';

export type GetParksParams = { page: number; pageSize: number; q?: string; level?: ParkLevel; region?: string };

/** One page of parks, searched by name and filtered by level and region. */
export function getParks(params: GetParksParams, signal?: AbortSignal): Promise<ListParksResponse> {
  return apiRequest('/api/parks', { query: params, schema: listParksResponse, signal });
}

export function parksQueryOptions(params: GetParksParams) {
  return queryOptions({
    queryKey: ['parks', 'list', params],
    queryFn: ({ signal }) => getParks(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useParks(params: GetParksParams) {
  return useQuery(parksQueryOptions(params));
}
