// The tickets' time limits in working days (accept, answer, resolve, multi-department): one
// app_settings row, changed by the admin (audited); defaults when unset.
import { DEFAULT_TICKET_TIME_LIMITS, ticketTimeLimits, type TicketTimeLimitsInput } from '../../../shared/contracts/tickets.js';
import type { TicketTimeLimits } from '../../../shared/tickets/workflow.js';
import type { Db } from '../../db/client.js';
import { settingOrDefault } from '../../db/settings.js';
import { canAdminister, requireAccess } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { auditedSetting } from '../audit/audit.service.js';

const setting = auditedSetting<TicketTimeLimits>('tickets', settingOrDefault(ticketTimeLimits, DEFAULT_TICKET_TIME_LIMITS));

/** The limits in force: the stored ones when valid, else the defaults (1, 2, 10, 25). */
export const readTicketTimeLimits = setting.read;

/** `GET /api/tickets/settings`: every logged-in user may read the limits (the forms show them). */
export async function getTicketSettings(db: Db, _actor: Actor) {
  const { value, updatedAt } = await setting.state(db);
  return { limits: value, updatedAt };
}

/** `PUT /api/tickets/settings`: the admin replaces the limits; audited with before and after. */
export async function updateTicketSettings(db: Db, actor: Actor, limits: TicketTimeLimitsInput) {
  requireAccess(canAdminister(actor));
  await setting.write(db, actor, limits);
  return getTicketSettings(db, actor);
}
