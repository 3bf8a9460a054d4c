import { agendaItem, type AgendaItem, type MarkAgendaRequest } from '../../../../shared/contracts/agenda';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';
import { FORM_DIALOG_META } from '../../../lib/errors';

/** Marks an agenda item discussed or resolved, with a note. */
export function markAgendaItem({ id, body }: { id: number; body: MarkAgendaRequest }): Promise<AgendaItem> {
  return apiRequest(`/api/agenda/${id}/status`, { method: 'POST', body, schema: agendaItem });
}

export function useMarkAgendaItem() {
  return useApiMutation(markAgendaItem, ['agenda'], FORM_DIALOG_META);
}
