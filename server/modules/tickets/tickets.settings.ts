// The tickets' time limits in working days (accept, answer, resolve, multi-department): one
// app_settings row, changed by the admin (audited); defaults when unset.
import { DEFAULT_TICKET_TIME_LIMITS, ticketTimeLimits } from '../../../shared/contracts/tickets.js';
import type { TicketTimeLimits } from '../../../shared/tickets/workflow.js';
import { settingOrDefault } from '../../db/settings.js';
import { auditedSetting, settingEndpoints } from '../audit/audit.service.js';

const setting = auditedSetting<TicketTimeLimits>('tickets', settingOrDefault(ticketTimeLimits, DEFAULT_TICKET_TIME_LIMITS));

/** The limits in force: the stored ones when valid, else the defaults (1, 2, 10, 25). */
export const readTicketTimeLimits = setting.read;

/**
 * `GET /api/tickets/settings`: every logged-in user may read the limits (the forms show them);
 * `PUT`: the admin replaces them, audited with before and after.
 */
export const { get: getTicketSettings, update: updateTicketSettings } = settingEndpoints(setting, ({ value, updatedAt }) => ({
  limits: value,
  updatedAt,
}));
