import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { listParksQuery, listParksResponse, type ListParksResponse } from '../../../../shared/contracts/parks';
import { apiRequest, type QueryParamsOf } from '../../../lib/api-client';

export type GetParksParams = QueryParamsOf<typeof listParksQuery>;

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
