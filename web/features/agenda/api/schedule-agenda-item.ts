import { agendaItem, type AgendaItem, type ScheduleAgendaRequest } from '../../../../shared/contracts/agenda';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';
import { FORM_DIALOG_META } from '../../../lib/errors';

/** Puts a proposed group on a meeting's agenda. */
export function scheduleAgendaItem(body: ScheduleAgendaRequest): Promise<AgendaItem> {
  return apiRequest('/api/agenda', { method: 'POST', body, schema: agendaItem });
}

export function useScheduleAgendaItem() {
  return useApiMutation(scheduleAgendaItem, ['agenda'], FORM_DIALOG_META);
}
