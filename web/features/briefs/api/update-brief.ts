import { brief, type Brief, type UpdateBriefRequest } from '../../../../shared/contracts/briefs';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';
import { INLINE_ERROR_META } from '../../../lib/errors';

/** Saves the narrative parts of a draft at its version. */
export function updateBrief({ id, body }: { id: number; body: UpdateBriefRequest }): Promise<Brief> {
  return apiRequest(`/api/briefs/${id}`, { method: 'PATCH', body, schema: brief });
}

/** The brief page shows a version conflict (and other refusals) itself, above the editor. */
export function useUpdateBrief() {
  return useApiMutation(updateBrief, ['briefs'], INLINE_ERROR_META);
}
