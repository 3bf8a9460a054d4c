import { listParksQuery, listParksResponse } from '../../../../shared/contracts/parks';
import type { QueryParamsOf } from '../../../lib/api-client';
import { defineApiQuery } from '../../../lib/api-query';

export type GetParksParams = QueryParamsOf<typeof listParksQuery>;

/** One page of parks, searched by name and filtered by level and region. */
const parks = defineApiQuery('/api/parks', listParksQuery, listParksResponse);
export const getParks = parks.get;
export const useParks = parks.useApiQuery;
