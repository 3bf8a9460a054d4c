import { brief, type Brief, type BriefActionRequest } from '../../../../shared/contracts/briefs';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';
import { FORM_DIALOG_META } from '../../../lib/errors';

/** One workflow step: 提交审核, 审核通过, 发布 or 退回 (with a reason). */
export function actOnBrief({ id, body }: { id: number; body: BriefActionRequest }): Promise<Brief> {
  return apiRequest(`/api/briefs/${id}/actions`, { method: 'POST', body, schema: brief });
}

/** `inDialog`: the 退回 dialog shows a version conflict itself; a button's step leaves it to the default handler. */
export function useActOnBrief(inDialog = false) {
  return useApiMutation(actOnBrief, ['briefs'], inDialog ? FORM_DIALOG_META : undefined);
}
