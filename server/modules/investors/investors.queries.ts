// SQL of the investors (客商库): the searchable page, a lookup by USCC, the insert.
import { count, desc, eq, ilike, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
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

export async function selectInvestorByUscc(db: Db, uscc: string): Promise<InvestorRow | undefined> {
  const [row] = await db.select().from(investors).where(eq(investors.uscc, uscc));
  return row;
}

export async function insertInvestor(db: Db, values: typeof investors.$inferInsert): Promise<InvestorRow> {
  const [row] = await db.insert(investors).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}
