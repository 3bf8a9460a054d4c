import { schemeDetail, type PutEntryRequest, type SchemeDetail } from '../../../../shared/contracts/assessment';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';
import { FORM_DIALOG_META } from '../../../lib/errors';

/** Records an assessor's value, points or veto (with evidence) for one object. */
export function putEntry({ id, body }: { id: number; body: PutEntryRequest }): Promise<SchemeDetail> {
  return apiRequest(`/api/assessment/schemes/${id}/entries`, { method: 'PUT', body, schema: schemeDetail });
}

export function usePutEntry() {
  return useApiMutation(putEntry, ['assessment'], FORM_DIALOG_META);
}
