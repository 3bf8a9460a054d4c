import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { chainDetail } from '../../../../shared/contracts/chains';
import { apiRequest } from '../../../lib/api-client';

/** The chain and each of its nodes carry the `version` their edit forms send back. */
const chainAnswer = chainDetail;
export type VersionedChain = z.infer<typeof chainAnswer>;
export type VersionedNode = VersionedChain['nodes'][number];

/** One chain: facts, targets, map with node statuses for `year`, and the firms the user may see. */
export function getChain(code: string, year: number, signal?: AbortSignal): Promise<VersionedChain> {
  return apiRequest(`/api/chains/${encodeURIComponent(code)}`, { query: { year }, schema: chainAnswer, signal });
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
