import { schemeDetail, type CreateSchemeRequest, type SchemeDetail } from '../../../../shared/contracts/assessment';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';
import { FORM_DIALOG_META } from '../../../lib/errors';

/** Writes a new scheme (a draft) from a definition. */
export function createScheme(body: CreateSchemeRequest): Promise<SchemeDetail> {
  return apiRequest('/api/assessment/schemes', { method: 'POST', body, schema: schemeDetail });
}

export function useCreateScheme() {
  return useApiMutation(createScheme, ['assessment'], FORM_DIALOG_META);
}
