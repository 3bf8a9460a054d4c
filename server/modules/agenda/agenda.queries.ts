// SQL of a chain's meeting agenda (议题): open tickets of the chain grouped by category and node, or
// by their lead department, counting distinct firms; the stored items and their writes.
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { agendaItem, agendaProposal, type AgendaGroup } from '../../../shared/contracts/agenda.js';
import type { Db } from '../../db/client.js';
import { agendaItems } from '../../db/schema.js';
import { insertReturning, parseRows, selectRowBy, updateAtVersion } from '../../db/sql.js';

export type AgendaRow = typeof agendaItems.$inferSelect;

/** The key of a group within its chain: `category_node:<category>:<node id>` or `department:<name>`. */
export function groupKeyOf(group: AgendaGroup): string {
  return group.kind === 'department'
    ? `department:${group.department ?? ''}`
    : `category_node:${group.category ?? ''}:${group.nodeId ?? ''}`;
}

// The contract's shapes, checked at the boundary (a proposal's key is made in TS, from the group).
const groupRow = agendaProposal.omit({ key: true });
export type AgendaGroupRow = z.infer<typeof groupRow>;

/** What an agenda item stores of the proposed group it puts on the agenda (its firms and tickets as of today). */
export function groupColumnsOf(chainCode: string, group: AgendaGroupRow) {
  return {
    chainCode,
    groupKind: group.kind,
    groupKey: groupKeyOf(group),
    category: group.category,
    nodeId: group.nodeId,
    department: group.department,
    firms: group.firms,
    ticketIds: group.ticketIds,
  };
}

/**
 * The chain's open tickets (not 办结 or 退回) grouped two ways, each group kept when at least
 * `minFirms` distinct firms share it: one category at one node of the chain (the firm's primary
 * node, copied onto the ticket), or one lead department (tickets of any firm on the chain). Most
 * firms first.
 */
export async function selectAgendaGroups(db: Db, chainCode: string, minFirms: number): Promise<AgendaGroupRow[]> {
  const result = await db.execute(sql`
    WITH open AS (SELECT t.* FROM tickets t WHERE t.state NOT IN ('closed', 'returned') AND ${chainCode} = ANY(t.chain_codes))
    SELECT * FROM (
      SELECT 'category_node' AS kind, o.category, o.node_id AS "nodeId", n.name AS "nodeName", NULL::text AS department,
             count(DISTINCT o.uscc)::int AS firms, count(*)::int AS tickets, array_agg(o.id ORDER BY o.id) AS "ticketIds"
        FROM open o JOIN chain_nodes n ON n.id = o.node_id AND n.chain_code = ${chainCode}
       GROUP BY o.category, o.node_id, n.name
      UNION ALL
      SELECT 'department', NULL, NULL, NULL, u.department,
             count(DISTINCT o.uscc)::int, count(*)::int, array_agg(o.id ORDER BY o.id)
        FROM open o JOIN ticket_units u ON u.ticket_id = o.id AND u.is_lead
       GROUP BY u.department) groups
     WHERE firms >= ${minFirms}
     ORDER BY firms DESC, tickets DESC, kind, category, "nodeId", department`);
  return parseRows(result, groupRow);
}

const itemRow = agendaItem;
export type AgendaItemRow = z.infer<typeof itemRow>;

/** The chain's agenda items, the next meeting's first, resolved ones last. */
export async function selectAgendaItems(db: Db, chainCode: string, id?: number): Promise<AgendaItemRow[]> {
  const one = id === undefined ? sql`` : sql`AND a.id = ${id}`;
  const result = await db.execute(sql`
    SELECT a.id, a.chain_code AS "chainCode", a.group_kind AS kind, a.group_key AS key, a.category, a.node_id AS "nodeId",
           n.name AS "nodeName", a.department, a.firms, cardinality(a.ticket_ids)::int AS tickets, a.ticket_ids AS "ticketIds",
           a.meeting_on::text AS "meetingOn", a.status, a.note, a.version
      FROM agenda_items a LEFT JOIN chain_nodes n ON n.id = a.node_id
     WHERE a.chain_code = ${chainCode} ${one}
     ORDER BY (a.status = 'resolved'), a.meeting_on, a.id`);
  return parseRows(result, itemRow);
}

/** One item's chain (no scope: the service checks it). */
export async function selectAgendaChainOf(db: Db, id: number): Promise<string | null> {
  const rows = await db.select({ chainCode: agendaItems.chainCode }).from(agendaItems).where(eq(agendaItems.id, id));
  return rows[0]?.chainCode ?? null;
}

export async function selectChainName(db: Db, code: string): Promise<string | null> {
  const result = await db.execute(sql`SELECT name FROM chains WHERE code = ${code}`);
  return parseRows(result, z.object({ name: z.string() }))[0]?.name ?? null;
}

export async function insertAgendaItem(db: Db, item: typeof agendaItems.$inferInsert): Promise<AgendaRow> {
  return insertReturning(db, agendaItems, item);
}

export async function updateAgendaItem(
  db: Db,
  id: number,
  version: number,
  fields: Partial<typeof agendaItems.$inferInsert>,
): Promise<AgendaRow> {
  return updateAtVersion(db, agendaItems, and(eq(agendaItems.id, id)), fields, version);
}

export async function selectAgendaRowForUpdate(db: Db, id: number): Promise<AgendaRow | null> {
  return (await selectRowBy(db, agendaItems, 'id', id, { forUpdate: true })) ?? null;
}

/** Every chain's code, in order (the demo's agenda goes through them). */
export async function selectChainCodes(db: Db): Promise<string[]> {
  const result = await db.execute(sql`SELECT code FROM chains ORDER BY code`);
  return parseRows(result, z.object({ code: z.string() })).map((r) => r.code);
}

export async function countAgendaItems(db: Db): Promise<number> {
  const result = await db.execute(sql`SELECT count(*)::int AS n FROM agenda_items`);
  return parseRows(result, z.object({ n: z.number() }))[0]?.n ?? 0;
}
