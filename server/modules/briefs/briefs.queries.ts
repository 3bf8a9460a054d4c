// SQL of the briefs: their versions by series, the latest of each series, and the writes.
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { briefs } from '../../db/schema.js';
import { insertReturning, selectRowBy, updateAtVersion } from '../../db/sql.js';

export type BriefRow = typeof briefs.$inferSelect;
export type BriefInsert = typeof briefs.$inferInsert;

export async function selectBrief(db: Db, id: number): Promise<BriefRow | undefined> {
  return selectRowBy(db, briefs, 'id', id);
}

/** Every version of a series, newest first. */
export function selectSeries(db: Db, seriesKey: string): Promise<BriefRow[]> {
  return db.select().from(briefs).where(eq(briefs.seriesKey, seriesKey)).orderBy(desc(briefs.seriesVersion));
}

/** The newest version of each series matching the filters, newest month first. */
export async function selectLatestBriefs(db: Db, filter: { period?: string; kind?: string; status?: string }): Promise<BriefRow[]> {
  const conditions: SQL[] = [
    sql`${briefs.seriesVersion} = (SELECT max(b2.series_version) FROM briefs b2 WHERE b2.series_key = ${briefs.seriesKey})`,
  ];
  if (filter.period !== undefined) conditions.push(eq(briefs.period, filter.period));
  if (filter.kind !== undefined) conditions.push(eq(briefs.kind, filter.kind));
  if (filter.status !== undefined) conditions.push(eq(briefs.status, filter.status));
  return db
    .select()
    .from(briefs)
    .where(and(...conditions))
    .orderBy(desc(briefs.period), briefs.kind, briefs.chainCode, briefs.regionCode);
}

/** The newest version number of each of `seriesKeys`. */
export async function selectLatestVersions(db: Db, seriesKeys: readonly string[]): Promise<Map<string, number>> {
  if (seriesKeys.length === 0) return new Map();
  const rows = await db
    .select({ key: briefs.seriesKey, latest: sql<number>`max(${briefs.seriesVersion})::int` })
    .from(briefs)
    .where(inArray(briefs.seriesKey, [...seriesKeys]))
    .groupBy(briefs.seriesKey);
  return new Map(rows.map((r) => [r.key, r.latest]));
}

export function insertBrief(db: Db, row: BriefInsert): Promise<BriefRow> {
  return insertReturning(db, briefs, row);
}

/** Changes a brief at the version its editor read (409 version_conflict otherwise). */
export function updateBriefAtVersion(db: Db, id: number, patch: Partial<BriefInsert>, expectedVersion: number): Promise<BriefRow> {
  return updateAtVersion(db, briefs, eq(briefs.id, id), patch, expectedVersion);
}
