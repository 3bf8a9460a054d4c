import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import {
  monitoringEnterprisesQuery,
  monitoringEnterprisesResponse,
  type MonitoringEnterprisesResponse,
} from '../../../../shared/contracts/monitoring';
import { apiRequest, type QueryParamsOf } from '../../../lib/api-client';

/** The contract's query, as the hook takes it. */
export type MonitoringEnterprisesParams = QueryParamsOf<typeof monitoringEnterprisesQuery>;

/** Firms ranked by output for the period, optionally within one chain or one node of it. */
export function getMonitoringEnterprises(
  params: MonitoringEnterprisesParams,
  signal?: AbortSignal,
): Promise<MonitoringEnterprisesResponse> {
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
