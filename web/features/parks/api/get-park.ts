import { queryOptions, useQuery } from '@tanstack/react-query';
import { parkDetail } from '../../../../shared/contracts/parks';
import { apiRequest } from '../../../lib/api-client';

const parkAnswer = parkDetail;

/** One park with its focus chains, firm count and `version` (sent back by the edit form). */
export function getPark(id: number, signal?: AbortSignal) {
  return apiRequest(`/api/parks/${id}`, { schema: parkAnswer, signal });
}

export function parkQueryOptions(id: number) {
  return queryOptions({ queryKey: ['parks', 'detail', id], queryFn: ({ signal }) => getPark(id, signal) });
}

export function usePark(id: number) {
  return useQuery(parkQueryOptions(id));
}
