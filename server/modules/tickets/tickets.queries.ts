// SQL of the tickets: the firm facts a filing copies, the scoped and filtered list with lights, one
// ticket with its units and timeline, and the writes (ticket, units, events, visits).
import { eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { TICKET_STATES, runningDeadlineOf } from '../../../shared/tickets/workflow.js';
import { listTicketsQuery, TICKET_EVENT_ACTIONS, ticketItem } from '../../../shared/contracts/tickets.js';
import { ROLES } from '../../../shared/roles.js';
import type { Db } from '../../db/client.js';
import { ticketEvents, tickets, ticketUnits, ticketVisits } from '../../db/schema.js';
import { insertReturning, isoSql, listedRecord, parseRows, textArray, updateAtVersion } from '../../db/sql.js';
import { containsPattern } from '../../lib/like.js';
import { lightSqlOf, type LightBounds } from '../../lib/lights.js';
import type { DataScope } from '../access/access.policy.js';

export type TicketRow = typeof tickets.$inferSelect;
export type TicketInsert = typeof tickets.$inferInsert;

const firmFactsRow = z.object({
  uscc: z.string(),
  name: z.string(),
  regionCode: z.string(),
  parkId: z.number().nullable(),
  parkShortName: z.string().nullable(),
  parkName: z.string().nullable(),
  chainCodes: z.array(z.string()),
  primaryChain: z.string().nullable(),
  primaryNode: z.number().nullable(),
});
export type FirmFactsRow = z.infer<typeof firmFactsRow>;

/** What a ticket copies from its firm when filed: its chains, primary chain and node, park and county. */
export function firmSnapshot(firm: Pick<FirmFactsRow, 'chainCodes' | 'primaryChain' | 'primaryNode' | 'parkId' | 'regionCode'>) {
  return {
    chainCodes: firm.chainCodes,
    chainCode: firm.primaryChain,
    nodeId: firm.primaryNode,
    parkId: firm.parkId,
    regionCode: firm.regionCode,
  };
}

/** A firm's name, county, park and its current chains (memberships without an end year), primary first. */
export async function selectFirmFacts(db: Db, uscc: string): Promise<FirmFactsRow | null> {
  const result = await db.execute(sql`
    SELECT e.uscc, e.name, e.region_code AS "regionCode", e.park_id AS "parkId",
           p.short_name AS "parkShortName", p.name AS "parkName",
           coalesce((SELECT array_agg(DISTINCT n.chain_code ORDER BY n.chain_code) FROM enterprise_memberships m
                       JOIN chain_nodes n ON n.id = m.node_id WHERE m.uscc = e.uscc AND m.valid_to_year IS NULL), '{}'::text[]) AS "chainCodes",
           (SELECT n.chain_code FROM enterprise_memberships m JOIN chain_nodes n ON n.id = m.node_id
             WHERE m.uscc = e.uscc AND m.is_primary AND m.valid_to_year IS NULL LIMIT 1) AS "primaryChain",
           (SELECT m.node_id FROM enterprise_memberships m
             WHERE m.uscc = e.uscc AND m.is_primary AND m.valid_to_year IS NULL LIMIT 1) AS "primaryNode"
      FROM enterprises e LEFT JOIN parks p ON p.id = e.park_id
     WHERE e.uscc = ${uscc}`);
  return parseRows(result, firmFactsRow)[0] ?? null;
}

/** The deadline that runs in each state (shared/tickets/workflow.ts), as SQL over a `tickets t` row. */
const runningDeadlineSql: SQL = (() => {
  const columns = { accept: 't.accept_due', respond: 't.respond_due', resolve: 't.due_date', review: 't.review_on' } as const;
  const cases = TICKET_STATES.map((state) => {
    const kind = runningDeadlineOf(state);
    return kind === null ? '' : ` WHEN '${state}' THEN ${columns[kind]}`;
  }).join('');
  return sql.raw(`(CASE t.state${cases} END)`);
})();

/** The light of the running deadline on the day of `bounds` (server/lib/lights.ts reads the same dates). */
function lightSql(bounds: LightBounds): SQL {
  return lightSqlOf(runningDeadlineSql, bounds);
}

/** The tickets a data scope holds (canViewTicket in SQL). */
export function ticketScopeSql(scope: DataScope): SQL {
  if (scope.all) return sql`true`;
  const refs = textArray(scope.refs);
  switch (scope.kind) {
    case 'enterprise':
      return sql`t.uscc = ANY(${refs})`;
    case 'department':
      return sql`EXISTS (SELECT 1 FROM ticket_units u WHERE u.ticket_id = t.id AND u.department = ANY(${refs}))`;
    case 'chain':
      return sql`t.chain_codes && ${refs}`;
    case 'region':
      return sql`t.region_code = ANY(${refs})`;
    case 'park':
      return sql`EXISTS (SELECT 1 FROM parks p WHERE p.id = t.park_id
                   AND (p.id::text = ANY(${refs}) OR p.short_name = ANY(${refs}) OR p.name = ANY(${refs})))`;
  }
}

// The contract's item, plus the park's short name the scope check reads.
const itemRow = ticketItem.extend({ parkShortName: z.string().nullable() });
export type TicketListRow = z.infer<typeof itemRow>;

function itemColumns(bounds: LightBounds): SQL {
  return sql`t.id, t.uscc, e.name AS "enterpriseName", t.category, t.title, t.source, t.state,
    t.chain_code AS "chainCode", t.chain_codes AS "chainCodes", t.park_id AS "parkId", p.name AS "parkName",
    p.short_name AS "parkShortName", t.region_code AS "regionCode", r.name AS "regionName",
    (SELECT u.department FROM ticket_units u WHERE u.ticket_id = t.id AND u.is_lead) AS "leadUnit",
    coalesce((SELECT array_agg(u.department ORDER BY u.department) FROM ticket_units u
               WHERE u.ticket_id = t.id AND NOT u.is_lead), '{}'::text[]) AS "coUnits",
    t.filed_on::text AS "filedOn", t.accept_due::text AS "acceptDue", t.respond_due::text AS "respondDue",
    t.due_date::text AS "dueDate", t.review_on::text AS "reviewOn", t.closed_on::text AS "closedOn",
    ${runningDeadlineSql}::text AS deadline, ${lightSql(bounds)} AS light,
    t.rating::int AS rating, t.on_time AS "onTime", t.extended, t.version`;
}

const FROM = sql`FROM tickets t JOIN enterprises e ON e.uscc = t.uscc
  LEFT JOIN parks p ON p.id = t.park_id LEFT JOIN regions r ON r.code = t.region_code`;

/** The list's filters: the parsed query's own, `open` as a boolean. */
export type TicketFilter = Omit<z.output<typeof listTicketsQuery>, 'page' | 'pageSize' | 'open'> & { open?: boolean };

function filterSql(scope: DataScope, filter: TicketFilter, bounds: LightBounds): SQL {
  const parts: SQL[] = [ticketScopeSql(scope)];
  if (filter.state) parts.push(sql`t.state = ${filter.state}`);
  if (filter.category) parts.push(sql`t.category = ${filter.category}`);
  if (filter.chain) parts.push(sql`${filter.chain} = ANY(t.chain_codes)`);
  if (filter.unit) parts.push(sql`EXISTS (SELECT 1 FROM ticket_units u WHERE u.ticket_id = t.id AND u.department = ${filter.unit})`);
  if (filter.light) parts.push(sql`${lightSql(bounds)} = ${filter.light}`);
  if (filter.year) parts.push(sql`extract(year FROM t.filed_on)::int = ${filter.year}`);
  if (filter.open !== undefined)
    parts.push(filter.open ? sql`t.state NOT IN ('closed', 'returned')` : sql`t.state IN ('closed', 'returned')`);
  if (filter.q) {
    const like = containsPattern(filter.q);
    parts.push(sql`(t.title ILIKE ${like} OR t.description ILIKE ${like} OR e.name ILIKE ${like})`);
  }
  return sql.join(parts, sql` AND `);
}

const reads = listedRecord({
  table: tickets,
  columns: itemColumns,
  from: FROM,
  id: sql`t.id`,
  itemRow,
  where: filterSql,
  order: sql`t.filed_on DESC, t.id DESC`,
});

/** One page of the tickets the scope holds, newest first, with their lights on the bounds' day. */
export const selectTicketsPage = reads.page;

/** One ticket as a list item (no scope: the service checks it). */
export const selectTicketItem = reads.item;
export const selectTicketRow = reads.row;
/** The row locked for an action (a second action on the same ticket waits for the first). */
export const selectTicketForUpdate = reads.rowForUpdate;

export async function selectTicketUnits(db: Db, id: number): Promise<{ department: string; isLead: boolean }[]> {
  return db
    .select({ department: ticketUnits.department, isLead: ticketUnits.isLead })
    .from(ticketUnits)
    .where(eq(ticketUnits.ticketId, id))
    .orderBy(ticketUnits.department);
}

const eventRow = z.object({
  id: z.number(),
  at: z.string(),
  action: z.enum(TICKET_EVENT_ACTIONS),
  fromState: z.enum(TICKET_STATES).nullable(),
  toState: z.enum(TICKET_STATES),
  actorName: z.string(),
  actorRole: z.enum(ROLES),
  note: z.string().nullable(),
  data: z.unknown(),
});

/** The timeline of a ticket, oldest first. */
export async function selectTicketEvents(db: Db, id: number) {
  const result = await db.execute(sql`
    SELECT id, ${isoSql('at')} AS at, action, from_state AS "fromState", to_state AS "toState",
           actor_name AS "actorName", actor_role AS "actorRole", note, data
      FROM ticket_events WHERE ticket_id = ${id} ORDER BY at, id`);
  return parseRows(result, eventRow);
}

export async function selectVisit(db: Db, id: number) {
  const rows = await db
    .select({ visitedOn: ticketVisits.visitedOn, visitors: ticketVisits.visitors, notes: ticketVisits.notes })
    .from(ticketVisits)
    .where(eq(ticketVisits.id, id));
  return rows[0] ?? null;
}

export async function selectNodeName(db: Db, nodeId: number): Promise<string | null> {
  const result = await db.execute(sql`SELECT name FROM chain_nodes WHERE id = ${nodeId}`);
  return parseRows(result, z.object({ name: z.string() }))[0]?.name ?? null;
}

export async function insertVisit(db: Db, visit: typeof ticketVisits.$inferInsert): Promise<number> {
  const [row] = await db.insert(ticketVisits).values(visit).returning({ id: ticketVisits.id });
  if (!row) throw new Error('visit not inserted');
  return row.id;
}

export async function insertTicket(db: Db, ticket: TicketInsert): Promise<TicketRow> {
  return insertReturning(db, tickets, ticket);
}

/** Changes a ticket at the version read (409 when it moved on); bumps the version. */
export async function updateTicketRow(db: Db, id: number, version: number, fields: Partial<TicketInsert>): Promise<TicketRow> {
  return updateAtVersion(db, tickets, eq(tickets.id, id), fields, version);
}

/** Replaces the units of a ticket: one lead and the 协办 units. */
export async function replaceTicketUnits(db: Db, id: number, lead: string, coUnits: readonly string[]): Promise<void> {
  await db.delete(ticketUnits).where(eq(ticketUnits.ticketId, id));
  await db
    .insert(ticketUnits)
    .values([
      { ticketId: id, department: lead, isLead: true },
      ...coUnits.map((department) => ({ ticketId: id, department, isLead: false })),
    ]);
}

export async function deleteTicketUnits(db: Db, id: number): Promise<void> {
  await db.delete(ticketUnits).where(eq(ticketUnits.ticketId, id));
}

export async function insertTicketEvent(db: Db, event: typeof ticketEvents.$inferInsert): Promise<void> {
  await db.insert(ticketEvents).values(event);
}

/** The stored time limits (app_settings key `tickets`), or null. */
