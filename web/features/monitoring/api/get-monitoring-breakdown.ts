import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import {
  monitoringBreakdownQuery,
  monitoringBreakdownResponse,
  type MonitoringBreakdownResponse,
} from '../../../../shared/contracts/monitoring';
import { apiRequest, type QueryParamsOf } from '../../../lib/api-client';

/** The contract's query, as the hook takes it. */
export type BreakdownParams = QueryParamsOf<typeof monitoringBreakdownQuery>;

/** Output and growth broken down by chain, county, park, industry or (within one chain) node, optionally within one county or park. */
export function getMonitoringBreakdown(params: BreakdownParams, signal?: AbortSignal): Promise<MonitoringBreakdownResponse> {
  return apiRequest('/api/monitoring/breakdown', { query: params, schema: monitoringBreakdownResponse, signal });
}

export function useMonitoringBreakdown(params: BreakdownParams, enabled = true) {
  return useQuery(
    queryOptions({
      queryKey: ['monitoring', 'breakdown', params],
      queryFn: ({ signal }) => getMonitoringBreakdown(params, signal),
      placeholderData: keepPreviousData,
      enabled,
    }),
  );
}
