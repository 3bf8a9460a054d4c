import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { isoSql, parseRows } from '../../db/sql.js';
import { membershipInYearSql } from '../enterprises/memberships.sql.js';

export type NodeFirmRow = { nodeKey: string; uscc: string; name: string; aboveScale: boolean; chainMaster: boolean };

/** Every local firm of each node of the chain with a membership of `year`, its 规上 status that year and 链主 flag. */
export async function selectNodeFirms(db: Db, code: string, year: number): Promise<NodeFirmRow[]> {
  const rows = parseRows(
    await db.execute(sql`
    SELECT n.key AS node_key, e.uscc, e.name, e.is_chain_master AS chain_master,
           EXISTS (SELECT 1 FROM enterprise_scale_years y WHERE y.uscc = e.uscc AND y.year = ${year}) AS above_scale
      FROM chain_nodes n
      JOIN enterprise_memberships m ON m.node_id = n.id AND ${membershipInYearSql('m', year)}
      JOIN enterprises e ON e.uscc = m.uscc
     WHERE n.chain_code = ${code}
     ORDER BY n.key, e.uscc`),
    z.object({ node_key: z.string(), uscc: z.string(), name: z.string(), chain_master: z.boolean(), above_scale: z.boolean() }),
  );
  return rows.map((r) => ({ nodeKey: r.node_key, uscc: r.uscc, name: r.name, aboveScale: r.above_scale, chainMaster: r.chain_master }));
}

const SETTINGS_KEY = 'chain_gaps';

export async function selectGapSettingsRow(db: Db): Promise<{ value: unknown; updatedAt: string } | null> {
  const result = await db.execute(sql`SELECT value, ${isoSql('updated_at')} AS "updatedAt" FROM app_settings WHERE key = ${SETTINGS_KEY}`);
  return parseRows(result, z.object({ value: z.unknown(), updatedAt: z.string() }))[0] ?? null;
}

export async function upsertGapSettings(db: Db, value: unknown, userId: string | null): Promise<void> {
  await db.execute(sql`
    INSERT INTO app_settings (key, value, updated_at, updated_by) VALUES (${SETTINGS_KEY}, ${JSON.stringify(value)}::jsonb, now(), ${userId})
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`);
}
