import { brief, type Brief, type GenerateBriefRequest } from '../../../../shared/contracts/briefs';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';
import { FORM_DIALOG_META } from '../../../lib/errors';

/** Generates a brief of a month for the city, a chain or a county (a 初步 one for data staff). */
export function generateBrief(body: GenerateBriefRequest): Promise<Brief> {
  return apiRequest('/api/briefs', { method: 'POST', body, schema: brief });
}

export function useGenerateBrief() {
  return useApiMutation(generateBrief, ['briefs', 'list'], FORM_DIALOG_META);
}
