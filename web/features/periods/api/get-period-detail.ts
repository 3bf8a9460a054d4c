import { useQuery } from '@tanstack/react-query';
import { periodDetailResponse, type PeriodDetailResponse } from '../../../../shared/contracts/periods';
import { apiRequest } from '../../../lib/api-client';

/** One month for data staff: status, deadline, coverage by chain/county/park, review items, snapshots, history. */
export function getPeriodDetail(period: string, signal?: AbortSignal): Promise<PeriodDetailResponse> {
  return apiRequest(`/api/periods/${encodeURIComponent(period)}`, { schema: periodDetailResponse, signal });
}

export function usePeriodDetail(period: string | undefined) {
  return useQuery({
    queryKey: ['periods', 'detail', period],
    queryFn: ({ signal }) => getPeriodDetail(period ?? '', signal),
    enabled: period !== undefined,
  });
}
