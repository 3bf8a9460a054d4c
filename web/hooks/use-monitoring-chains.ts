import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { monitoringChainsResponse, type MonitoringChainsResponse } from '../../shared/contracts/monitoring';
import type { MonitoringRange } from '../../shared/stats/period';
import { apiRequest } from '../lib/api-client';

/**
 * Output and comparable growth of every chain the user may see, for a month or 1–N月 累计; without
 * a period, the server answers for the latest published month (the answer's `period`).
 */
export function getMonitoringChains(
  period: string | undefined,
  range: MonitoringRange,
  signal?: AbortSignal,
): Promise<MonitoringChainsResponse> {
  return apiRequest('/api/monitoring/chains', {
    query: period === undefined ? { range } : { period, range },
    schema: monitoringChainsResponse,
    signal,
  });
}

export function monitoringChainsQueryOptions(period: string | undefined, range: MonitoringRange) {
  return queryOptions({
    queryKey: ['monitoring', 'chains', period ?? 'latest', range],
    queryFn: ({ signal }) => getMonitoringChains(period, range, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMonitoringChains(period: string | undefined, range: MonitoringRange) {
  return useQuery(monitoringChainsQueryOptions(period, range));
}
