import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { chainDetail, type ChainDetail } from '../../../../shared/contracts/chains';
import { apiRequest } from '../../../lib/api-client';

/** One chain: facts, targets, map with node statuses for `year`, and the firms the user may see. */
export function getChain(code: string, year: number, signal?: AbortSignal): Promise<ChainDetail> {
  return apiRequest(`/api/chains/${encodeURIComponent(code)}`, { query: { year }, schema: chainDetail, signal });
}

export function chainQueryOptions(code: string, year: number) {
  return queryOptions({
    queryKey: ['chains', 'detail', code, year],
    queryFn: ({ signal }) => getChain(code, year, signal),
    placeholderData: keepPreviousData,
  });
}

export function useChain(code: string, year: number) {
  return useQuery(chainQueryOptions(code, year));
}
