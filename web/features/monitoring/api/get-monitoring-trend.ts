import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { monitoringTrendResponse, type MonitoringTrendResponse } from '../../../../shared/contracts/monitoring';
import { apiRequest } from '../../../lib/api-client';

/** The chain total of each month (当月) up to `period`, with comparable growth, in one request. */
export function getMonitoringTrend(period: string, months: number, signal?: AbortSignal): Promise<MonitoringTrendResponse> {
  return apiRequest('/api/monitoring/trend', { query: { period, months }, schema: monitoringTrendResponse, signal });
}

export function useMonitoringTrend(period: string, months: number) {
  return useQuery(
    queryOptions({
      queryKey: ['monitoring', 'trend', period, months],
      queryFn: ({ signal }) => getMonitoringTrend(period, months, signal),
      placeholderData: keepPreviousData,
    }),
  );
}
