import { and, asc, count, eq, ilike, inArray, max, ne, or, type SQL } from 'drizzle-orm';
import { containsPattern } from '../../lib/like.js';
import { atVersion, bumpVersion, updatedOrConflict } from '../../lib/optimistic-lock.js';
import type { Db } from '../../db/client.js';
import { insertReturning, selectRowBy, updateAtVersion } from '../../db/sql.js';
import { auditLog, userScopes, users } from '../../db/schema.js';
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
  return selectRowBy(db, users, 'id', id);
}

export async function selectUserByName(db: Db, username: string): Promise<UserRow | undefined> {
  return selectRowBy(db, users, 'username', username);
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
  const ids = rows.map((r) => r.id);
  const scopeRows = ids.length ? await db.select().from(userScopes).where(inArray(userScopes.userId, ids)) : [];
  return {
    total: totalRow?.n ?? 0,
    rows: rows.map((r) => ({
      ...r,
      scopes: scopeRows.filter((s) => s.userId === r.id).map((s) => ({ kind: scopeKindSchema.parse(s.kind), ref: s.ref })),
    })),
  };
}

/** When each user last logged in: the newest `login` entry of the audit log (the log keeps every login). */
export async function selectLastLogins(db: Db, userIds: readonly string[]): Promise<Map<string, Date>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ userId: auditLog.entityId, at: max(auditLog.at) })
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'session'), eq(auditLog.action, 'login'), inArray(auditLog.entityId, [...userIds])))
    .groupBy(auditLog.entityId);
  const out = new Map<string, Date>();
  for (const row of rows) if (row.userId && row.at) out.set(row.userId, row.at);
  return out;
}

/** Changes what the admin edits of an account at the version the admin read; 409 when it moved on. */
export async function updateUserAccount(
  db: Db,
  id: string,
  patch: { displayName?: string; role?: string; statsReviewer?: boolean; active?: boolean },
  expectedVersion: number | undefined,
): Promise<UserRow> {
  return updateAtVersion(db, users, eq(users.id, id), patch, expectedVersion);
}

/** Replaces a user's data scope with `scopes`. */
export async function replaceUserScopes(db: Db, userId: string, scopes: ScopeEntry[]): Promise<void> {
  await db.delete(userScopes).where(eq(userScopes.userId, userId));
  await insertUserScopes(db, userId, scopes);
}

/** Active admin accounts other than `id`: the platform must keep at least one. */
export async function countOtherActiveAdmins(db: Db, id: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true), ne(users.id, id)));
  return row?.n ?? 0;
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
