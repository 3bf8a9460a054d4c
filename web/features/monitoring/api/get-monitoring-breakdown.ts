import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import {
  monitoringBreakdownResponse,
  type BreakdownDimension,
  type MonitoringBreakdownResponse,
} from '../../../../shared/contracts/monitoring';
import type { MonitoringRange } from '../../../../shared/stats/period';
import { apiRequest } from '../../../lib/api-client';

export type BreakdownParams = { period: string; range: MonitoringRange; by: BreakdownDimension; chain?: string; region?: string; park?: number };

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
