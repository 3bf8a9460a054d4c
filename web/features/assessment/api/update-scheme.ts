import { schemeDetail, type SchemeDetail, type UpdateSchemeRequest } from '../../../../shared/contracts/assessment';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';

/** Saves a scheme's name, status or definition; a version with runs answers with its next version. */
export function updateScheme({ id, body }: { id: number; body: UpdateSchemeRequest }): Promise<SchemeDetail> {
  return apiRequest(`/api/assessment/schemes/${id}`, { method: 'PUT', body, schema: schemeDetail });
}

export function useUpdateScheme() {
  return useApiMutation(updateScheme, ['assessment']);
}
