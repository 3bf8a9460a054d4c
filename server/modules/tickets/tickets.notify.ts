// Who hears of what happens to a ticket (in-app notifications), and the daily deadline sweep that
// warns of deadlines near (yellow) and escalates overdue tickets (red) to the chain office and 链长.
import type { NotificationKind } from '../../../shared/contracts/tickets.js';
import type { TicketAction } from '../../../shared/tickets/workflow.js';
import type { Db } from '../../db/client.js';
import { lightBoundsOf } from '../../lib/lights.js';
import type { Actor } from '../access/actor.js';
import { notify, notifyDeadlineOnce, type Audience } from '../notifications/notifications.service.js';
import { selectTicketsPage, type TicketRow } from './tickets.queries.js';

const enterpriseOf = (uscc: string): Audience => ({ roles: ['enterprise'], kind: 'enterprise', refs: [uscc] });
const officesOf = (chainCodes: readonly string[]): Audience => ({ roles: ['chain_office'], kind: 'chain', refs: chainCodes });
const chiefsOf = (chainCodes: readonly string[]): Audience => ({ roles: ['chain_chief'], kind: 'chain', refs: chainCodes });
const departments = (units: readonly (string | null)[]): Audience => ({
  roles: ['department'],
  kind: 'department',
  refs: units.filter((u): u is string => u !== null),
});

/** A new filing: the chain offices of the firm's chains. */
export async function notifyFiled(db: Db, actor: Actor, row: TicketRow): Promise<void> {
  await notify(db, actor, [officesOf(row.chainCodes)], { kind: 'filed', ticketId: row.id, params: { id: row.id, title: row.title } });
}

/** After an action: who is now to act, or whom it concerns. */
export async function notifyForAction(
  db: Db,
  actor: Actor,
  row: TicketRow,
  action: TicketAction,
  context: { previousUnits: readonly (string | null)[]; units: readonly { department: string; isLead: boolean }[]; rating?: number },
): Promise<void> {
  const params = { id: row.id, title: row.title };
  const lead = context.units.filter((u) => u.isLead).map((u) => u.department);
  const all = context.units.map((u) => u.department);
  const send = (kind: NotificationKind, audiences: Audience[], extra: Record<string, string | number> = {}) =>
    notify(db, actor, audiences, { kind, ticketId: row.id, params: { ...params, ...extra } });
  switch (action) {
    case 'assign':
    case 'transfer':
      await send('assigned', [departments(all)], { dueDate: row.dueDate ?? '' });
      return;
    case 'return_to_enterprise':
      await send('returned', [enterpriseOf(row.uscc)]);
      return;
    case 'send_back':
      await send('returned', [officesOf(row.chainCodes)]);
      return;
    case 'answer':
      await send('answered', [enterpriseOf(row.uscc)]);
      return;
    case 'rate':
      await send('rated', [officesOf(row.chainCodes), departments(context.previousUnits)], { rating: context.rating ?? 0 });
      return;
    case 'request_extension':
      await send('extension', [officesOf(row.chainCodes)], { dueDate: row.extensionDue ?? '' });
      return;
    case 'approve_extension':
    case 'refuse_extension':
      await send('extension', [departments(lead)], { dueDate: row.dueDate ?? '' });
      return;
    case 'instruct':
      await send('instruction', [officesOf(row.chainCodes), departments(all)]);
      return;
    default:
      return;
  }
}

/**
 * The deadline sweep of one day: every open ticket whose running deadline is within 2 working days
 * (yellow) warns whoever must act (the chain office before assignment and while parked, the units
 * after); every overdue one (red) tells them and escalates to the chain offices and 链长 of its
 * chains. Each user hears of one deadline of one ticket once per kind, so running it again (each
 * start, each hour) sends nothing twice. Returns the notifications sent.
 */
export async function sweepTicketDeadlines(db: Db, today: string): Promise<number> {
  const bounds = lightBoundsOf(today);
  let sent = 0;
  for (const light of ['yellow', 'red'] as const) {
    const { rows } = await selectTicketsPage(db, { all: true }, { light, open: true, limit: 100_000, offset: 0 }, bounds);
    for (const t of rows) {
      if (t.deadline === null) continue;
      const unitsTurn = t.state === 'assigned' || t.state === 'in_progress';
      const responsible = unitsTurn ? departments([t.leadUnit, ...t.coUnits]) : officesOf(t.chainCodes);
      const audiences = light === 'red' ? [responsible, officesOf(t.chainCodes), chiefsOf(t.chainCodes)] : [responsible];
      sent += await notifyDeadlineOnce(db, audiences, {
        kind: light === 'red' ? 'overdue' : 'deadline',
        ticketId: t.id,
        params: { id: t.id, title: t.title, deadline: t.deadline },
      });
    }
  }
  return sent;
}
