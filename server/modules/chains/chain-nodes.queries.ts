// SQL of a chain's map: nodes with their firm counts, "feeds" edges by node key, the cycle check,
// and the writes of nodes and edges.
import { deleteAtVersion, insertReturning, parseRows, updateAtVersion } from '../../db/sql.js';
import { z } from 'zod';
import { aliasedTable, and, asc, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { chainNodeEdges, chainNodes, enterpriseMemberships } from '../../db/schema.js';
import { membershipInYearSql } from '../enterprises/memberships.sql.js';

export type ChainNodeRow = typeof chainNodes.$inferSelect;
export type ChainNodeCountRow = Pick<ChainNodeRow, 'id' | 'key' | 'name' | 'stage' | 'gbt4754' | 'sortOrder' | 'version'> & {
  enterpriseCount: number;
  aboveScaleCount: number;
};

const stageOrder = sql`CASE ${chainNodes.stage} WHEN 'upstream' THEN 1 WHEN 'midstream' THEN 2 ELSE 3 END`;

/** The chain's nodes, upstream first, each with its firms of `year` (memberships of that year) and how many of them are 规上 in it. */
export async function selectChainNodesWithCounts(db: Db, code: string, year: number): Promise<ChainNodeCountRow[]> {
  return db
    .select({
      id: chainNodes.id,
      key: chainNodes.key,
      name: chainNodes.name,
      stage: chainNodes.stage,
      gbt4754: chainNodes.gbt4754,
      sortOrder: chainNodes.sortOrder,
      version: chainNodes.version,
      enterpriseCount: sql<number>`count(${enterpriseMemberships.uscc})::int`,
      aboveScaleCount: sql<number>`count(${enterpriseMemberships.uscc}) FILTER (WHERE EXISTS (
          SELECT 1 FROM enterprise_scale_years y WHERE y.uscc = ${enterpriseMemberships.uscc} AND y.year = ${year}))::int`,
    })
    .from(chainNodes)
    .leftJoin(
      enterpriseMemberships,
      and(eq(enterpriseMemberships.nodeId, chainNodes.id), membershipInYearSql('enterprise_memberships', year)),
    )
    .where(eq(chainNodes.chainCode, code))
    .groupBy(chainNodes.id)
    .orderBy(stageOrder, asc(chainNodes.sortOrder), asc(chainNodes.key));
}

const fromNode = aliasedTable(chainNodes, 'from_node');
const toNode = aliasedTable(chainNodes, 'to_node');

/** The chain's edges as node keys. */
export async function selectChainEdgeKeys(db: Db, code: string): Promise<{ from: string; to: string }[]> {
  return db
    .select({ from: fromNode.key, to: toNode.key })
    .from(chainNodeEdges)
    .innerJoin(fromNode, eq(fromNode.id, chainNodeEdges.fromNodeId))
    .innerJoin(toNode, eq(toNode.id, chainNodeEdges.toNodeId))
    .where(eq(chainNodeEdges.chainCode, code))
    .orderBy(asc(fromNode.sortOrder), asc(fromNode.key), asc(toNode.sortOrder), asc(toNode.key));
}

export async function selectNode(db: Db, code: string, key: string): Promise<ChainNodeRow | undefined> {
  const [row] = await db
    .select()
    .from(chainNodes)
    .where(and(eq(chainNodes.chainCode, code), eq(chainNodes.key, key)));
  return row;
}

/** Firms attached to a node (its memberships). */
export async function countNodeMembers(db: Db, nodeId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(enterpriseMemberships).where(eq(enterpriseMemberships.nodeId, nodeId));
  return row?.n ?? 0;
}

/** The next sort position in a chain: after its last node. */
export async function selectNextNodeSortOrder(db: Db, code: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${chainNodes.sortOrder}), 0)::int + 1` })
    .from(chainNodes)
    .where(eq(chainNodes.chainCode, code));
  return row?.n ?? 1;
}

export async function insertNode(db: Db, row: Omit<typeof chainNodes.$inferInsert, 'id'>): Promise<ChainNodeRow> {
  return insertReturning(db, chainNodes, row);
}

/** Changes a node at the version the editor read (any version when none is given); 409 when it moved on. */
export async function updateNodeRow(
  db: Db,
  id: number,
  patch: Partial<Omit<typeof chainNodes.$inferInsert, 'id' | 'chainCode' | 'key' | 'version'>>,
  expectedVersion?: number,
): Promise<ChainNodeRow> {
  return updateAtVersion(db, chainNodes, eq(chainNodes.id, id), patch, expectedVersion);
}

/** Deletes a node and its edges (ON DELETE CASCADE); memberships are not cascaded, so a node with firms cannot go. */
export async function deleteNodeRow(db: Db, id: number, expectedVersion?: number): Promise<void> {
  await deleteAtVersion(db, chainNodes, eq(chainNodes.id, id), expectedVersion);
}

/** Keys of the edges touching a node, for the audit record of its deletion. */
export async function selectEdgesOfNode(db: Db, code: string, key: string): Promise<{ from: string; to: string }[]> {
  const edges = await selectChainEdgeKeys(db, code);
  return edges.filter((e) => e.from === key || e.to === key);
}

export async function edgeExists(db: Db, fromNodeId: number, toNodeId: number): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(chainNodeEdges)
    .where(and(eq(chainNodeEdges.fromNodeId, fromNodeId), eq(chainNodeEdges.toNodeId, toNodeId)));
  return (row?.n ?? 0) > 0;
}

/**
 * Whether `from` can already be reached from `to` along "feeds" edges, in which case the edge
 * from → to would close a cycle. UNION (not UNION ALL) makes the walk end even on a cyclic graph.
 */
export async function isReachable(db: Db, startNodeId: number, targetNodeId: number): Promise<boolean> {
  const result = parseRows(
    await db.execute(sql`
    WITH RECURSIVE downstream(node_id) AS (
      SELECT e.to_node_id FROM chain_node_edges e WHERE e.from_node_id = ${startNodeId}
      UNION
      SELECT e.to_node_id FROM chain_node_edges e JOIN downstream d ON e.from_node_id = d.node_id
    )
    SELECT EXISTS (SELECT 1 FROM downstream WHERE node_id = ${targetNodeId}) AS reachable`),
    z.object({ reachable: z.boolean() }),
  );
  return result[0]?.reachable === true;
}

export async function insertEdge(db: Db, row: typeof chainNodeEdges.$inferInsert): Promise<void> {
  await db.insert(chainNodeEdges).values(row);
}

export async function deleteEdgeRow(db: Db, fromNodeId: number, toNodeId: number): Promise<void> {
  await db.delete(chainNodeEdges).where(and(eq(chainNodeEdges.fromNodeId, fromNodeId), eq(chainNodeEdges.toNodeId, toNodeId)));
}
