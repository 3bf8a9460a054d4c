// SQL of the investors (客商库): the searchable page, a lookup by USCC, the insert.
import { and, count, desc, eq, ilike, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { selectRowBy } from '../../db/sql.js';
import { investors } from '../../db/schema.js';
import { containsPattern } from '../../lib/like.js';
import { atVersion, bumpVersion } from '../../lib/optimistic-lock.js';

export type InvestorRow = typeof investors.$inferSelect;

export async function selectInvestorsPage(
  db: Db,
  input: { q?: string; limit: number; offset: number },
): Promise<{ rows: InvestorRow[]; total: number }> {
  const where = input.q
    ? or(ilike(investors.name, containsPattern(input.q)), ilike(investors.origin, containsPattern(input.q)))
    : undefined;
  const rows = await db.select().from(investors).where(where).orderBy(desc(investors.id)).limit(input.limit).offset(input.offset);
  const [total] = await db.select({ n: count() }).from(investors).where(where);
  return { rows, total: total?.n ?? 0 };
}

/** The investor registered under a USCC, other than `exceptId` (the one being edited). */
export async function selectInvestorByUscc(db: Db, uscc: string, exceptId?: number): Promise<InvestorRow | undefined> {
  const [row] = await db
    .select()
    .from(investors)
    .where(and(eq(investors.uscc, uscc), exceptId === undefined ? undefined : ne(investors.id, exceptId)));
  return row;
}

export async function selectInvestor(db: Db, id: number): Promise<InvestorRow | undefined> {
  return selectRowBy(db, investors, 'id', id);
}

/** Changes an investor at the version the caller read (none: any); no row when the version moved on. */
export async function updateInvestorRow(
  db: Db,
  id: number,
  values: Partial<typeof investors.$inferInsert>,
  version: number | undefined,
): Promise<InvestorRow | undefined> {
  const [row] = await db
    .update(investors)
    .set({ ...values, version: bumpVersion(investors.version), updatedAt: sql`now()` })
    .where(atVersion(eq(investors.id, id), investors.version, version))
    .returning();
  return row;
}

export async function insertInvestor(db: Db, values: typeof investors.$inferInsert): Promise<InvestorRow> {
  const [row] = await db.insert(investors).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}
