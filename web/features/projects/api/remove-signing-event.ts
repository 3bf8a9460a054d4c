import { okResponse } from '../../../../shared/contracts/common';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';

/** Removes a signing event recorded by mistake. */
export function useRemoveSigningEvent() {
  return useApiMutation(
    ({ id, eventId }: { id: number; eventId: number }) =>
      apiRequest(`/api/projects/${id}/signing-events/${eventId}`, { method: 'DELETE', schema: okResponse }),
    ['projects'],
  );
}
