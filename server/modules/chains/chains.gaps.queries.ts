import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { nodeStageSchema, type NodeStage } from '../../../shared/contracts/chains.js';
import { parseRows, textArray } from '../../db/sql.js';
import { membershipInYearSql } from '../enterprises/memberships.sql.js';

export type MapNodeRow = { chainCode: string; key: string; name: string; stage: NodeStage };

/** The nodes of the chains, each chain's upstream first (then the chain's order, then key). */
export async function selectMapNodes(db: Db, codes: readonly string[]): Promise<MapNodeRow[]> {
  const rows = parseRows(
    await db.execute(sql`
    SELECT chain_code, key, name, stage
      FROM chain_nodes
     WHERE chain_code = ANY(${textArray(codes)})
     ORDER BY chain_code, CASE stage WHEN 'upstream' THEN 1 WHEN 'midstream' THEN 2 ELSE 3 END, sort_order, key`),
    z.object({ chain_code: z.string(), key: z.string(), name: z.string(), stage: nodeStageSchema }),
  );
  return rows.map((r) => ({ chainCode: r.chain_code, key: r.key, name: r.name, stage: r.stage }));
}

/** The edges of the chains as node keys. */
export async function selectMapEdges(db: Db, codes: readonly string[]): Promise<{ chainCode: string; from: string; to: string }[]> {
  const rows = parseRows(
    await db.execute(sql`
    SELECT e.chain_code, f.key AS from_key, t.key AS to_key
      FROM chain_node_edges e
      JOIN chain_nodes f ON f.id = e.from_node_id
      JOIN chain_nodes t ON t.id = e.to_node_id
     WHERE e.chain_code = ANY(${textArray(codes)})
     ORDER BY e.chain_code, f.sort_order, f.key, t.sort_order, t.key`),
    z.object({ chain_code: z.string(), from_key: z.string(), to_key: z.string() }),
  );
  return rows.map((r) => ({ chainCode: r.chain_code, from: r.from_key, to: r.to_key }));
}

export type NodeFirmRow = { chainCode: string; nodeKey: string; uscc: string; name: string; aboveScale: boolean; chainMaster: boolean };

/** Every local firm of each node of the chains with a membership of `year`, its 规上 status that year and 链主 flag. */
export async function selectNodeFirms(db: Db, codes: readonly string[], year: number): Promise<NodeFirmRow[]> {
  const rows = parseRows(
    await db.execute(sql`
    SELECT n.chain_code, n.key AS node_key, e.uscc, e.name, e.is_chain_master AS chain_master,
           EXISTS (SELECT 1 FROM enterprise_scale_years y WHERE y.uscc = e.uscc AND y.year = ${year}) AS above_scale
      FROM chain_nodes n
      JOIN enterprise_memberships m ON m.node_id = n.id AND ${membershipInYearSql('m', year)}
      JOIN enterprises e ON e.uscc = m.uscc
     WHERE n.chain_code = ANY(${textArray(codes)})
     ORDER BY n.chain_code, n.key, e.uscc`),
    z.object({
      chain_code: z.string(),
      node_key: z.string(),
      uscc: z.string(),
      name: z.string(),
      chain_master: z.boolean(),
      above_scale: z.boolean(),
    }),
  );
  return rows.map((r) => ({
    chainCode: r.chain_code,
    nodeKey: r.node_key,
    uscc: r.uscc,
    name: r.name,
    aboveScale: r.above_scale,
    chainMaster: r.chain_master,
  }));
}
