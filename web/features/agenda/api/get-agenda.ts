import { agendaQuery, agendaResponse } from '../../../../shared/contracts/agenda';
import { defineApiQuery } from '../../../lib/api-query';

const agenda = defineApiQuery('/api/agenda', agendaQuery, agendaResponse);
/** A chain's agenda: proposed groups of common problems and the items on its meetings. */
export const useAgenda = agenda.useApiQuery;
