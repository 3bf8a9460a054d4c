import { parkDetail, type ParkDetail, type UpdateParkRequest } from '../../../../shared/contracts/parks';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';
import { FORM_DIALOG_META } from '../../../lib/errors';

/** Edits a park (admin). */
export function updatePark({ id, body }: { id: number; body: UpdateParkRequest }): Promise<ParkDetail> {
  return apiRequest(`/api/parks/${id}`, { method: 'PATCH', body, schema: parkDetail });
}

export function useUpdatePark() {
  return useApiMutation(updatePark, ['parks'], FORM_DIALOG_META);
}
