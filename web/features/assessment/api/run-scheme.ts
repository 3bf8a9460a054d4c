import { runDetail, type RunDetail } from '../../../../shared/contracts/assessment';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';

/** Scores a scheme for its year and stores the run. */
export function runScheme(id: number): Promise<RunDetail> {
  return apiRequest(`/api/assessment/schemes/${id}/runs`, { method: 'POST', schema: runDetail });
}

export function useRunScheme() {
  return useApiMutation(runScheme, ['assessment']);
}
