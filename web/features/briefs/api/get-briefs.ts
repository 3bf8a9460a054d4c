import { briefsQuery, briefsResponse } from '../../../../shared/contracts/briefs';
import type { QueryParamsOf } from '../../../lib/api-client';
import { defineApiQuery } from '../../../lib/api-query';

export type GetBriefsParams = QueryParamsOf<typeof briefsQuery>;

const briefs = defineApiQuery('/api/briefs', briefsQuery, briefsResponse);
/** The briefs the caller may read (their scope), filtered by month, kind and status; newest first. */
export const getBriefs = briefs.get;
export const useBriefs = briefs.useApiQuery;
