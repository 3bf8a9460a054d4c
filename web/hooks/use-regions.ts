import { listRegionsQuery, listRegionsResponse } from '../../shared/contracts/regions';
import type { QueryParamsOf } from '../lib/api-client';
import { defineApiQuery } from '../lib/api-query';

export type RegionsParams = QueryParamsOf<typeof listRegionsQuery>;

/** Regions with their park and firm counts (and `version`, for the edit form), optionally searched and filtered by kind. */
const regions = defineApiQuery('/api/regions', listRegionsQuery, listRegionsResponse);

export function useRegions(params: RegionsParams = {}) {
  return regions.useApiQuery(params);
}
