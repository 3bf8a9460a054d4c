import { asc, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { containsPattern } from '../../lib/like.js';
import { atVersion, bumpVersion, updatedOrConflict } from '../../lib/optimistic-lock.js';
import type { Db } from '../../db/client.js';
import { insertReturning } from '../../db/sql.js';
import { userScopes, users } from '../../db/schema.js';
import { scopeKindSchema, type ScopeEntry } from '../../../shared/contracts/auth.js';

export type UserRow = typeof users.$inferSelect;

export async function insertUser(db: Db, row: typeof users.$inferInsert): Promise<UserRow> {
  return insertReturning(db, users, row);
}

export async function insertUserScopes(db: Db, userId: string, scopes: ScopeEntry[]): Promise<void> {
  if (scopes.length === 0) return;
  await db.insert(userScopes).values(scopes.map((s) => ({ userId, kind: s.kind, ref: s.ref })));
}

export async function selectUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function selectUserByName(db: Db, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username));
  return row;
}

/** Grants or withdraws 统计审核员 at the version the admin read (any when none is given); 409 when it moved on. */
export async function updateUserStatsReviewer(db: Db, id: string, statsReviewer: boolean, expectedVersion?: number): Promise<UserRow> {
  const [row] = await db
    .update(users)
    .set({ statsReviewer, version: bumpVersion(users.version), updatedAt: new Date() })
    .where(atVersion(eq(users.id, id), users.version, expectedVersion))
    .returning();
  return updatedOrConflict(row);
}

export async function selectUserScopesOf(db: Db, userId: string): Promise<ScopeEntry[]> {
  const rows = await db.select({ kind: userScopes.kind, ref: userScopes.ref }).from(userScopes).where(eq(userScopes.userId, userId));
  return rows.map((r) => ({ kind: scopeKindSchema.parse(r.kind), ref: r.ref }));
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}

export async function updateUserPassword(db: Db, id: string, passwordHash: string): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash, version: bumpVersion(users.version), updatedAt: new Date() })
    .where(eq(users.id, id));
}

export async function selectUsersPage(
  db: Db,
  filter: { q?: string; limit: number; offset: number },
): Promise<{ rows: (UserRow & { scopes: ScopeEntry[] })[]; total: number }> {
  const where: SQL | undefined = filter.q
    ? or(ilike(users.username, containsPattern(filter.q)), ilike(users.displayName, containsPattern(filter.q)))
    : undefined;
  const rows = await db.select().from(users).where(where).orderBy(asc(users.username)).limit(filter.limit).offset(filter.offset);
  const [totalRow] = await db.select({ n: count() }).from(users).where(where);
  const scopeRows = await db.select().from(userScopes);
  return {
    total: totalRow?.n ?? 0,
    rows: rows.map((r) => ({
      ...r,
      scopes: scopeRows.filter((s) => s.userId === r.id).map((s) => ({ kind: scopeKindSchema.parse(s.kind), ref: s.ref })),
    })),
  };
}

/** Clears an account's lock and failure count. */
export async function updateUserLock(db: Db, id: string): Promise<UserRow> {
  const [row] = await db
    .update(users)
    .set({ lockedAt: null, failedLogins: 0, version: bumpVersion(users.version), updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  if (!row) throw new Error('update users returned no row');
  return row;
}

export async function selectScopesOfUser(db: Db, userId: string): Promise<ScopeEntry[]> {
  const rows = await db.select().from(userScopes).where(eq(userScopes.userId, userId));
  return rows.map((s) => ({ kind: scopeKindSchema.parse(s.kind), ref: s.ref }));
}

/**
 * Whether a scope reference names something in the master data: a chain code, a region code, a park
 * (its id as text, short name or full name, as park scopes may), or a registered USCC. Department
 * scopes have no register to check against and are not passed here.
 */
export async function selectScopeRefExists(db: Db, kind: 'chain' | 'region' | 'park' | 'enterprise', ref: string): Promise<boolean> {
  const query = {
    chain: sql`SELECT 1 FROM chains WHERE code = ${ref}`,
    region: sql`SELECT 1 FROM regions WHERE code = ${ref}`,
    park: sql`SELECT 1 FROM parks WHERE id::text = ${ref} OR short_name = ${ref} OR name = ${ref}`,
    enterprise: sql`SELECT 1 FROM enterprises WHERE uscc = ${ref}`,
  }[kind];
  const result = await db.execute(query);
  return result.rows.length > 0;
}
