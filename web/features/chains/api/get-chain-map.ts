import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { chainMapResponse, type ChainMapResponse } from '../../../../shared/contracts/chain-map';
import { apiRequest } from '../../../lib/api-client';

/** A chain's map with the gap analysis of a published month (the latest when `period` is omitted). */
export function getChainMap(code: string, period: string | undefined, signal?: AbortSignal): Promise<ChainMapResponse> {
  return apiRequest(`/api/chains/${encodeURIComponent(code)}/map`, { query: { period }, schema: chainMapResponse, signal });
}

export function chainMapQueryOptions(code: string, period: string | undefined) {
  return queryOptions({
    // Under the chain's detail key: every edit of the chain's nodes and edges refreshes the map too.
    queryKey: ['chains', 'detail', code, 'map', period ?? null],
    queryFn: ({ signal }) => getChainMap(code, period, signal),
    placeholderData: keepPreviousData,
  });
}

export function useChainMap(code: string, period: string | undefined) {
  return useQuery(chainMapQueryOptions(code, period));
}
