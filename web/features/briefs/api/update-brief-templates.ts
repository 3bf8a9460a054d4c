import { briefTemplatesResponse, type UpdateBriefTemplatesRequest } from '../../../../shared/contracts/briefs';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';
import { INLINE_ERROR_META } from '../../../lib/errors';
import type { BriefTemplates } from './get-brief-templates';

/** Saves edited template texts; a 422 names the field whose placeholder is unknown. */
export function updateBriefTemplates(body: UpdateBriefTemplatesRequest): Promise<BriefTemplates> {
  return apiRequest('/api/briefs/templates', { method: 'PUT', body, schema: briefTemplatesResponse });
}

/** The templates page shows its errors at the fields (and a version conflict above them). */
export function useUpdateBriefTemplates() {
  return useApiMutation(updateBriefTemplates, ['briefs', 'templates'], INLINE_ERROR_META);
}
