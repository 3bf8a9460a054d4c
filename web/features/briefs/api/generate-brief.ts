import { brief, type Brief, type GenerateBriefRequest } from '../../../../shared/contracts/briefs';
import { job as jobSchema } from '../../../../shared/contracts/jobs';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';
import { FORM_DIALOG_META } from '../../../lib/errors';
import { followJob, jobError } from '../../../lib/jobs';

/**
 * Generates a brief of a month for the city, a chain or a county (a 初步 one for data staff) as a
 * job (`POST /api/jobs/briefs`, 202; any server instance runs it), followed to the brief.
 */
export async function generateBrief(body: GenerateBriefRequest): Promise<Brief> {
  const started = await apiRequest('/api/jobs/briefs', { method: 'POST', body, schema: jobSchema });
  const ended = await followJob(started.id);
  const made = ended.status === 'succeeded' ? brief.safeParse(ended.result?.body) : null;
  if (made?.success) return made.data;
  throw jobError(ended);
}

export function useGenerateBrief() {
  return useApiMutation(generateBrief, ['briefs', 'list'], FORM_DIALOG_META);
}
