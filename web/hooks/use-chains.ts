import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { listChainsResponse, type ListChainsResponse } from '../../shared/contracts/chains';
import { apiRequest } from '../lib/api-client';

/** The chains on the city's list of a year that the user may see. */
export function getChains(year: number, signal?: AbortSignal): Promise<ListChainsResponse> {
  return apiRequest('/api/chains', { query: { year }, schema: listChainsResponse, signal });
}

export function chainsQueryOptions(year: number) {
  return queryOptions({
    queryKey: ['chains', 'list', year],
    queryFn: ({ signal }) => getChains(year, signal),
    placeholderData: keepPreviousData,
  });
}

export function useChains(year: number) {
  return useQuery(chainsQueryOptions(year));
}
