// SQL of the investors (客商库): the searchable page, a lookup by USCC, the insert.
import { and, count, desc, eq, ilike, ne, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { insertReturning, selectRowBy, updateAtVersion } from '../../db/sql.js';
import { investors } from '../../db/schema.js';
import { containsPattern } from '../../lib/like.js';

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

/** Changes an investor at the version the caller read (none: any); 409 when the version moved on. */
export async function updateInvestorRow(
  db: Db,
  id: number,
  values: Partial<typeof investors.$inferInsert>,
  version: number | undefined,
): Promise<InvestorRow> {
  return updateAtVersion(db, investors, eq(investors.id, id), values, version);
}

export async function insertInvestor(db: Db, values: typeof investors.$inferInsert): Promise<InvestorRow> {
  return insertReturning(db, investors, values);
}
