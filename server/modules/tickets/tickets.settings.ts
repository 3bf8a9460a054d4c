// The tickets' time limits in working days (accept, answer, resolve, multi-department): one
// app_settings row, changed by the admin (audited); defaults when unset.
import { DEFAULT_TICKET_TIME_LIMITS, ticketTimeLimits, type TicketTimeLimitsInput } from '../../../shared/contracts/tickets.js';
import type { TicketTimeLimits } from '../../../shared/tickets/workflow.js';
import type { Db } from '../../db/client.js';
import { canAdminister, requireAccess } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { selectTicketSettingsRow, upsertTicketSettings } from './tickets.queries.js';

/** The limits in force: the stored ones when valid, else the defaults (1, 2, 10, 25). */
export async function readTicketTimeLimits(db: Db): Promise<TicketTimeLimits> {
  const parsed = ticketTimeLimits.safeParse((await selectTicketSettingsRow(db))?.value);
  return parsed.success ? parsed.data : DEFAULT_TICKET_TIME_LIMITS;
}

/** `GET /api/tickets/settings`: every logged-in user may read the limits (the forms show them). */
export async function getTicketSettings(db: Db, _actor: Actor) {
  const row = await selectTicketSettingsRow(db);
  return { limits: await readTicketTimeLimits(db), updatedAt: row?.updatedAt ?? null };
}

/** `PUT /api/tickets/settings`: the admin replaces the limits; audited with before and after. */
export async function updateTicketSettings(db: Db, actor: Actor, limits: TicketTimeLimitsInput) {
  requireAccess(canAdminister(actor));
  await db.transaction(async (tx) => {
    const before = await readTicketTimeLimits(tx);
    await upsertTicketSettings(tx, limits, actor.system ? null : actor.id);
    await recordAudit(tx, actor, { action: 'update', entity: 'app_settings', entityId: 'tickets', before, after: limits });
  });
  return getTicketSettings(db, actor);
}
