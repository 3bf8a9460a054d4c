import { listRunsQuery, listRunsResponse } from '../../../../shared/contracts/assessment';
import { defineApiQuery } from '../../../lib/api-query';

/** The stored runs (newest first), optionally of one scheme version. */
const runs = defineApiQuery('/api/assessment/runs', listRunsQuery, listRunsResponse);
export const useRuns = runs.useApiQuery;
