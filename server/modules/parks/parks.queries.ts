// SQL of the parks: the filtered, paged list with focus chains and firm counts, one park with its
// focus chains, the lookups that validate input, and the writes.
import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { deleteAtVersion, insertReturning, clashLookup, selectRowBy, updateAtVersion } from '../../db/sql.js';
import { chains, enterprises, parkFocusChains, parks, regions } from '../../db/schema.js';
import type { ParkLevel, ParkListItem } from '../../../shared/contracts/parks.js';
import { containsPattern } from '../../lib/like.js';

export type ParkRow = typeof parks.$inferSelect;

/** A list row is the contract's item: the columns below select exactly its fields. */
export type ParkListRow = ParkListItem;

// Correlated subqueries name the outer column in full (parks.id), never through drizzle's unqualified rendering.
const listColumns = {
  id: parks.id,
  name: parks.name,
  shortName: parks.shortName,
  level: parks.level,
  regionCode: parks.regionCode,
  regionName: regions.name,
  areaHectares: parks.areaHectares,
  establishedOn: parks.establishedOn,
  focus: parks.focus,
  focusChainCodes: sql<string[]>`coalesce((SELECT array_agg(f.chain_code ORDER BY f.chain_code)
      FROM park_focus_chains f WHERE f.park_id = parks.id), '{}'::text[])`,
  enterpriseCount: sql<number>`(SELECT count(*)::int FROM enterprises e WHERE e.park_id = parks.id)`,
  version: parks.version,
};

export type ParkFilter = { q?: string; level?: ParkLevel; region?: string };

function filterCondition(filter: ParkFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filter.q) conditions.push(or(ilike(parks.name, containsPattern(filter.q)), ilike(parks.shortName, containsPattern(filter.q))));
  if (filter.level) conditions.push(eq(parks.level, filter.level));
  if (filter.region) conditions.push(eq(parks.regionCode, filter.region));
  return and(...conditions);
}

/** One page of parks, national before provincial, then in the order they were added. */
export async function selectParksPage(
  db: Db,
  filter: ParkFilter & { limit: number; offset: number },
): Promise<{ rows: ParkListRow[]; total: number }> {
  const where = filterCondition(filter);
  const rows = await db
    .select(listColumns)
    .from(parks)
    .innerJoin(regions, eq(regions.code, parks.regionCode))
    .where(where)
    .orderBy(sql`CASE ${parks.level} WHEN 'national' THEN 1 ELSE 2 END`, asc(parks.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const [total] = await db.select({ n: count() }).from(parks).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function selectParkListRow(db: Db, id: number): Promise<ParkListRow | undefined> {
  const [row] = await db.select(listColumns).from(parks).innerJoin(regions, eq(regions.code, parks.regionCode)).where(eq(parks.id, id));
  return row;
}

export async function selectParkRow(db: Db, id: number): Promise<ParkRow | undefined> {
  return selectRowBy(db, parks, 'id', id);
}

/** The park's focus chains with their names. */
export async function selectParkFocusChains(db: Db, id: number): Promise<{ code: string; name: string }[]> {
  return db
    .select({ code: chains.code, name: chains.name })
    .from(parkFocusChains)
    .innerJoin(chains, eq(chains.code, parkFocusChains.chainCode))
    .where(eq(parkFocusChains.parkId, id))
    .orderBy(asc(chains.sortOrder), asc(chains.code));
}

/** A park other than the one of the given id already using this name or short name. */
export const selectParkNamed = clashLookup(parks, ['name', 'shortName'], 'id');

export async function selectRegionExists(db: Db, code: string): Promise<boolean> {
  const [row] = await db.select({ code: regions.code }).from(regions).where(eq(regions.code, code));
  return row !== undefined;
}

/** Which of the codes name existing chains. */
export async function selectExistingChainCodes(db: Db, codes: string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await db.select({ code: chains.code }).from(chains).where(inArray(chains.code, codes));
  return rows.map((r) => r.code);
}

export async function countParkFirms(db: Db, id: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(enterprises).where(eq(enterprises.parkId, id));
  return row?.n ?? 0;
}

export type ParkWrite = Omit<typeof parks.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export async function insertPark(db: Db, row: ParkWrite): Promise<ParkRow> {
  return insertReturning(db, parks, row);
}

/**
 * Changes a park at the version the editor read (any version when none is given); a change of its
 * focus chains alone bumps the version too (`patch` empty). 409 when the version moved on.
 */
export async function updateParkRow(db: Db, id: number, patch: Partial<ParkWrite>, expectedVersion?: number): Promise<ParkRow> {
  return updateAtVersion(db, parks, eq(parks.id, id), patch, expectedVersion);
}

/** Replaces the park's focus chains with exactly `codes`. */
export async function replaceParkFocusChains(db: Db, id: number, codes: string[]): Promise<void> {
  await db.delete(parkFocusChains).where(eq(parkFocusChains.parkId, id));
  if (codes.length > 0) await db.insert(parkFocusChains).values(codes.map((chainCode) => ({ parkId: id, chainCode })));
}

/** Deletes the park; its focus rows go with it (ON DELETE CASCADE). */
export async function deleteParkRow(db: Db, id: number, expectedVersion?: number): Promise<void> {
  await deleteAtVersion(db, parks, eq(parks.id, id), expectedVersion);
}
