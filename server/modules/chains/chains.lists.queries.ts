// SQL of a chain's lists (目标企业 chain_prospects, 科技成果 chain_research): the same shape over either table.
import { and, asc, eq, isNull, notExists, sql, type SQL } from 'drizzle-orm';
import type { PgInsertValue, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { chainNodes, chainProspects, chainResearch, enterpriseMemberships } from '../../db/schema.js';
import { deleteAtVersion, insertReturning, updateAtVersion } from '../../db/sql.js';

export type ListTable = typeof chainProspects | typeof chainResearch;
/** A list row with the key and name of its node. */
export type Listed<T extends ListTable> = T['$inferSelect'] & { nodeKey: string; nodeName: string };

/** A chain's rows of one list (one node's when `nodeKey` is given), oldest first. */
export async function selectListRows<T extends ListTable>(
  db: Db,
  table: T,
  code: string,
  nodeKey?: string,
  id?: number,
): Promise<Listed<T>[]> {
  const source: ListTable = table;
  const where: SQL[] = [eq(source.chainCode, code)];
  if (nodeKey !== undefined) where.push(eq(chainNodes.key, nodeKey));
  if (id !== undefined) where.push(eq(source.id, id));
  const rows = await db
    .select({ row: source, nodeKey: chainNodes.key, nodeName: chainNodes.name })
    .from(source)
    .innerJoin(chainNodes, eq(chainNodes.id, source.nodeId))
    .where(and(...where))
    .orderBy(asc(source.id));
  // `row` selects every column of `table`, so it is that table's row type (Drizzle loses it over the union).
  return rows.map(({ row, nodeKey: key, nodeName }) => ({ ...(row as T['$inferSelect']), nodeKey: key, nodeName }));
}

export async function insertListRow<T extends ListTable>(db: Db, table: T, row: PgInsertValue<T>): Promise<number> {
  const inserted = await insertReturning(db, table, row);
  return inserted.id;
}

export async function updateListRow<T extends ListTable>(db: Db, table: T, id: number, patch: PgUpdateSetSource<T>, version?: number) {
  await updateAtVersion(db, table, eq(table.id, id), patch, version);
}

export async function deleteListRow(db: Db, table: ListTable, id: number, version?: number): Promise<void> {
  await deleteAtVersion(db, table, eq(table.id, id), version);
}

/** Marks a target converted, only while it is not yet: false when another conversion came first. */
export async function markProspectConverted(db: Db, id: number, projectId: number): Promise<boolean> {
  const rows = await db
    .update(chainProspects)
    .set({ projectId, updatedAt: new Date() })
    .where(and(eq(chainProspects.id, id), isNull(chainProspects.projectId)))
    .returning({ id: chainProspects.id });
  return rows.length === 1;
}

/** Nodes no firm is attached to (缺链 whatever the year), by chain and sort order: where the demo puts its targets. */
export async function selectNodesWithoutFirms(db: Db): Promise<{ chainCode: string; key: string; name: string }[]> {
  return db
    .select({ chainCode: chainNodes.chainCode, key: chainNodes.key, name: chainNodes.name })
    .from(chainNodes)
    .where(
      notExists(
        db
          .select({ one: sql`1` })
          .from(enterpriseMemberships)
          .where(eq(enterpriseMemberships.nodeId, chainNodes.id)),
      ),
    )
    .orderBy(asc(chainNodes.chainCode), asc(chainNodes.sortOrder), asc(chainNodes.key));
}
