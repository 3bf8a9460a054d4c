// SQL of the industries: the ten leading industries with the number of chains each leads, the
// lookups that validate input, and the writes.
import { asc, count, eq, max, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { deleteAtVersion, insertReturning, clashLookup, selectRowBy, updateAtVersion } from '../../db/sql.js';
import { chains, industries } from '../../db/schema.js';

// Correlated subqueries name the outer column in full: drizzle leaves a single-table select unqualified.

export type IndustryRow = { code: string; group: string; name: string; sortOrder: number; chainCount: number; version: number };
export type IndustryRecord = typeof industries.$inferSelect;

const listColumns = {
  code: industries.code,
  group: industries.group,
  name: industries.name,
  sortOrder: industries.sortOrder,
  chainCount: sql<number>`(SELECT count(*)::int FROM chains c WHERE c.industry_code = industries.code)`,
  version: industries.version,
};

export async function selectIndustries(db: Db): Promise<IndustryRow[]> {
  return db.select(listColumns).from(industries).orderBy(asc(industries.sortOrder), asc(industries.code));
}

export async function selectIndustryListRow(db: Db, code: string): Promise<IndustryRow | undefined> {
  const [row] = await db.select(listColumns).from(industries).where(eq(industries.code, code));
  return row;
}

export async function selectIndustryRow(db: Db, code: string): Promise<IndustryRecord | undefined> {
  return selectRowBy(db, industries, 'code', code);
}

/** An industry other than the one of the given code already using this code or name. */
export const selectIndustryClash = clashLookup(industries, ['code', 'name'], 'code');

export async function selectNextSortOrder(db: Db): Promise<number> {
  const [row] = await db.select({ n: max(industries.sortOrder) }).from(industries);
  return (row?.n ?? 0) + 1;
}

export async function countIndustryChains(db: Db, code: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(chains).where(eq(chains.industryCode, code));
  return row?.n ?? 0;
}

export type IndustryWrite = typeof industries.$inferInsert;

export async function insertIndustry(db: Db, row: IndustryWrite): Promise<IndustryRecord> {
  return insertReturning(db, industries, row);
}

/** Changes an industry at the version the editor read (any version when none is given); 409 when it moved on. */
export async function updateIndustryRow(
  db: Db,
  code: string,
  patch: Partial<Omit<IndustryWrite, 'code' | 'version'>>,
  expectedVersion?: number,
): Promise<IndustryRecord> {
  return updateAtVersion(db, industries, eq(industries.code, code), patch, expectedVersion);
}

export async function deleteIndustryRow(db: Db, code: string, expectedVersion?: number): Promise<void> {
  await deleteAtVersion(db, industries, eq(industries.code, code), expectedVersion);
}
