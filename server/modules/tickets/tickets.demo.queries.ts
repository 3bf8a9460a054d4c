// SQL of the demo tickets: the demo firms a ticket can belong to, and the bulk writes.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { ticketEvents, tickets, ticketUnits } from '../../db/schema.js';
import { parseRows } from '../../db/sql.js';
import type { TicketInsert } from './tickets.queries.js';

const demoFirmRow = z.object({
  uscc: z.string(),
  regionCode: z.string(),
  parkId: z.number().nullable(),
  chainCodes: z.array(z.string()),
  primaryChain: z.string().nullable(),
  primaryNode: z.number().nullable(),
});
export type DemoFirmRow = z.infer<typeof demoFirmRow>;

/** The demo firms with a current chain membership, in USCC order (a stable order for the generator). */
export async function selectDemoFirms(db: Db): Promise<DemoFirmRow[]> {
  const result = await db.execute(sql`
    SELECT e.uscc, e.region_code AS "regionCode", e.park_id AS "parkId",
           array_agg(DISTINCT n.chain_code ORDER BY n.chain_code) AS "chainCodes",
           (array_agg(n.chain_code) FILTER (WHERE m.is_primary))[1] AS "primaryChain",
           (array_agg(m.node_id) FILTER (WHERE m.is_primary))[1] AS "primaryNode"
      FROM enterprises e JOIN enterprise_memberships m ON m.uscc = e.uscc AND m.valid_to_year IS NULL
      JOIN chain_nodes n ON n.id = m.node_id
     WHERE e.is_demo
     GROUP BY e.uscc ORDER BY e.uscc`);
  return parseRows(result, demoFirmRow);
}

export async function countTickets(db: Db): Promise<number> {
  const result = await db.execute(sql`SELECT count(*)::int AS n FROM tickets`);
  return parseRows(result, z.object({ n: z.number() }))[0]?.n ?? 0;
}

/** Inserts tickets in order; returns their ids in the same order. */
export async function insertTicketsReturningIds(db: Db, rows: readonly TicketInsert[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const inserted = await db
      .insert(tickets)
      .values(rows.slice(i, i + 500))
      .returning({ id: tickets.id });
    for (const row of inserted) ids.push(row.id);
  }
  return ids;
}

export async function insertTicketUnitRows(db: Db, rows: readonly (typeof ticketUnits.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await db.insert(ticketUnits).values(rows.slice(i, i + 1000));
}

export async function insertTicketEventRows(db: Db, rows: readonly (typeof ticketEvents.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await db.insert(ticketEvents).values(rows.slice(i, i + 1000));
}
