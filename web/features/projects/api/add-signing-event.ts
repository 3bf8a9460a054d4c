import { signingEventItem, type AddSigningEventRequest } from '../../../../shared/contracts/projects';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';
import { FORM_DIALOG_META } from '../../../lib/errors';

/** Records a signing event (签约活动) of a project; the page, its support and the warnings load again. */
export function useAddSigningEvent() {
  return useApiMutation(
    ({ id, body }: { id: number; body: AddSigningEventRequest }) =>
      apiRequest(`/api/projects/${id}/signing-events`, { method: 'POST', body, schema: signingEventItem }),
    ['projects'],
    FORM_DIALOG_META,
  );
}
