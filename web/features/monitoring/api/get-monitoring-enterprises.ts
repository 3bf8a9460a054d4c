import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { monitoringEnterprisesResponse, type MonitoringEnterprisesResponse } from '../../../../shared/contracts/monitoring';
import type { MonitoringRange } from '../../../../shared/stats/period';
import { apiRequest } from '../../../lib/api-client';

export type MonitoringEnterprisesParams = { period: string; range: MonitoringRange; chain?: string; node?: number; region?: string; park?: number; page: number; pageSize: number };

/** Firms ranked by output for the period, optionally within one chain or one node of it. */
export function getMonitoringEnterprises(params: MonitoringEnterprisesParams, signal?: AbortSignal): Promise<MonitoringEnterprisesResponse> {
  return apiRequest('/api/monitoring/enterprises', { query: params, schema: monitoringEnterprisesResponse, signal });
}

export function useMonitoringEnterprises(params: MonitoringEnterprisesParams, enabled = true) {
  return useQuery(
    queryOptions({
      queryKey: ['monitoring', 'enterprises', params],
      queryFn: ({ signal }) => getMonitoringEnterprises(params, signal),
      placeholderData: keepPreviousData,
      enabled,
    }),
  );
}
