import { brief, type Brief } from '../../../../shared/contracts/briefs';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';

/** Generates a new version of an outdated brief from the month as now published; the old version stays. */
export function regenerateBrief(id: number): Promise<Brief> {
  return apiRequest(`/api/briefs/${id}/regenerate`, { method: 'POST', schema: brief });
}

export function useRegenerateBrief() {
  return useApiMutation(regenerateBrief, ['briefs']);
}
