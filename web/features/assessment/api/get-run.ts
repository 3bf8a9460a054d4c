import { queryOptions, useQuery } from '@tanstack/react-query';
import { runDetail } from '../../../../shared/contracts/assessment';
import { apiRequest } from '../../../lib/api-client';

/** A stored run with its results (the caller's objects only for the assessed). */
export function getRun(id: number, signal?: AbortSignal) {
  return apiRequest(`/api/assessment/runs/${id}`, { schema: runDetail, signal });
}

export function useRun(id: number) {
  return useQuery(queryOptions({ queryKey: ['assessment', 'runs', 'detail', id], queryFn: ({ signal }) => getRun(id, signal) }));
}
