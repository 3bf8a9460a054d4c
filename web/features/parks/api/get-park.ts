import { queryOptions, useQuery } from '@tanstack/react-query';
import { parkDetail, type ParkDetail } from '../../../../shared/contracts/parks';
import { apiRequest } from '../../../lib/api-client';

/** One park with its focus chains and firm count. */
export function getPark(id: number, signal?: AbortSignal): Promise<ParkDetail> {
  return apiRequest(`/api/parks/${id}`, { schema: parkDetail, signal });
}

export function parkQueryOptions(id: number) {
  return queryOptions({ queryKey: ['parks', 'detail', id], queryFn: ({ signal }) => getPark(id, signal) });
}

export function usePark(id: number) {
  return useQuery(parkQueryOptions(id));
}
