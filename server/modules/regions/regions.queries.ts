// SQL of the regions (counties, districts, county-level cities and statistical zones): the list
// with park and firm counts, the references that block a deletion, and the writes.
import { deleteAtVersion, insertReturning, parseRows, clashLookup, selectRowBy, updateAtVersion } from '../../db/sql.js';
import { z } from 'zod';
import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { containsPattern } from '../../lib/like.js';
import type { Db } from '../../db/client.js';
import { regions } from '../../db/schema.js';
import type { RegionItem, RegionKind } from '../../../shared/contracts/regions.js';

export type RegionRow = typeof regions.$inferSelect;
/** A list row is the contract's item: the select below names exactly its fields. */
export type RegionListRow = RegionItem;

// Correlated subqueries name the outer column in full: drizzle leaves a single-table select unqualified.
/** Regions, GB/T 2260 divisions before the statistical zones, each with its parks and firms. */
export async function selectRegions(db: Db, filter: { q?: string; kind?: RegionKind }): Promise<RegionListRow[]> {
  const conditions: (SQL | undefined)[] = [];
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    conditions.push(or(ilike(regions.code, pattern), ilike(regions.name, pattern), ilike(regions.shortName, pattern)));
  }
  if (filter.kind) conditions.push(eq(regions.kind, filter.kind));
  return db
    .select({
      code: regions.code,
      name: regions.name,
      shortName: regions.shortName,
      kind: regions.kind,
      version: regions.version,
      parkCount: sql<number>`(SELECT count(*)::int FROM parks p WHERE p.region_code = regions.code)`,
      enterpriseCount: sql<number>`(SELECT count(*)::int FROM enterprises e WHERE e.region_code = regions.code)`,
    })
    .from(regions)
    .where(and(...conditions))
    .orderBy(sql`CASE WHEN ${regions.kind} = 'zone' THEN 1 ELSE 0 END`, asc(regions.code));
}

export async function selectRegionRow(db: Db, code: string): Promise<RegionRow | undefined> {
  return selectRowBy(db, regions, 'code', code);
}

/** A region other than the one of the given code already using this name or short name. */
export const selectRegionNamed = clashLookup(regions, ['name', 'shortName'], 'code');

/** What refers to a region: parks located in it and firms registered in it. */
export async function countRegionReferences(db: Db, code: string): Promise<{ parks: number; enterprises: number }> {
  const result = parseRows(
    await db.execute(sql`
    SELECT (SELECT count(*)::int FROM parks WHERE region_code = ${code}) AS parks,
           (SELECT count(*)::int FROM enterprises WHERE region_code = ${code}) AS enterprises`),
    z.object({ parks: z.number(), enterprises: z.number() }),
  );
  return result[0] ?? { parks: 0, enterprises: 0 };
}

export async function insertRegion(db: Db, row: Omit<typeof regions.$inferInsert, 'createdAt' | 'updatedAt'>): Promise<RegionRow> {
  return insertReturning(db, regions, row);
}

/** Changes a region at the version the editor read (any version when none is given); 409 when it moved on. */
export async function updateRegionRow(
  db: Db,
  code: string,
  patch: Partial<Pick<RegionRow, 'name' | 'shortName' | 'kind'>>,
  expectedVersion?: number,
): Promise<RegionRow> {
  return updateAtVersion(db, regions, eq(regions.code, code), patch, expectedVersion);
}

export async function deleteRegionRow(db: Db, code: string, expectedVersion?: number): Promise<void> {
  await deleteAtVersion(db, regions, eq(regions.code, code), expectedVersion);
}
