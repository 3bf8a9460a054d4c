import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { listRegionsQuery, listRegionsResponse } from '../../shared/contracts/regions';
import { apiRequest } from '../lib/api-client';

export type RegionsParams = z.input<typeof listRegionsQuery>;

const regionsAnswer = listRegionsResponse;

/** Regions with their park and firm counts (and `version`, for the edit form), optionally searched and filtered by kind. */
export function getRegions(params: RegionsParams, signal?: AbortSignal) {
  return apiRequest('/api/regions', { query: params, schema: regionsAnswer, signal });
}

export function regionsQueryOptions(params: RegionsParams = {}) {
  return queryOptions({
    queryKey: ['regions', 'list', params],
    queryFn: ({ signal }) => getRegions(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRegions(params: RegionsParams = {}) {
  return useQuery(regionsQueryOptions(params));
}
