import { parseRows } from '../../db/sql.js';
import { z } from 'zod';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { sessions, userScopes, users } from '../../db/schema.js';
import { scopeKindSchema, type ScopeEntry } from '../../../shared/contracts/auth.js';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

export async function selectUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username));
  return row;
}

export async function selectUserScopes(db: Db, userId: string): Promise<ScopeEntry[]> {
  const rows = await db.select({ kind: userScopes.kind, ref: userScopes.ref }).from(userScopes).where(eq(userScopes.userId, userId));
  return rows.map((r) => ({ kind: scopeKindSchema.parse(r.kind), ref: r.ref }));
}

export async function insertSession(db: Db, row: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(row);
}

function prepareSessionQuery(db: Db) {
  return db
    .select({
      session: sessions,
      user: users,
      scopes: sql<
        { kind: string; ref: string }[]
      >`coalesce((select json_agg(json_build_object('kind', s.kind, 'ref', s.ref) order by s.kind, s.ref) from user_scopes s where s.user_id = ${users.id}), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
    .prepare('session_with_user');
}

const sessionQueries = new WeakMap<Db, ReturnType<typeof prepareSessionQuery>>();

/**
 * The session, its user and the user's scopes in one round trip (it runs on every request). A named
 * prepared statement: each connection parses and plans it once, not on every request (measured on
 * PGlite: 0.26 ms a lookup instead of 0.60 ms).
 */
export async function selectSessionWithUser(
  db: Db,
  tokenHash: string,
): Promise<{ session: SessionRow; user: UserRow; scopes: ScopeEntry[] } | undefined> {
  let query = sessionQueries.get(db);
  if (!query) {
    query = prepareSessionQuery(db);
    sessionQueries.set(db, query);
  }
  const [row] = await query.execute({ tokenHash });
  if (!row) return undefined;
  return { session: row.session, user: row.user, scopes: row.scopes.map((s) => ({ kind: scopeKindSchema.parse(s.kind), ref: s.ref })) };
}

export async function touchSession(db: Db, tokenHash: string, at: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSessionsOfUser(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.delete(sessions).where(and(lt(sessions.expiresAt, now)));
}

/**
 * Counts one failed login of a user and locks the account when the count reaches `threshold`
 * (0: never). Returns whether this failure locked it.
 */
export async function countFailedLogin(db: Db, userId: string, threshold: number): Promise<{ failedLogins: number; lockedNow: boolean }> {
  const result = parseRows(
    await db.execute(sql`
    UPDATE users
       SET failed_logins = failed_logins + 1,
           locked_at = CASE WHEN locked_at IS NULL AND ${threshold}::int > 0 AND failed_logins + 1 >= ${threshold}::int THEN now() ELSE locked_at END
     WHERE id = ${userId}
 RETURNING failed_logins, (locked_at IS NOT NULL AND failed_logins = ${threshold}::int) AS locked_now`),
    z.object({ failed_logins: z.number(), locked_now: z.boolean() }),
  );
  const row = result[0];
  return { failedLogins: row?.failed_logins ?? 0, lockedNow: row?.locked_now === true };
}

/** A successful login starts the failure count afresh. */
export async function resetFailedLogins(db: Db, userId: string): Promise<void> {
  await db.execute(sql`UPDATE users SET failed_logins = 0 WHERE id = ${userId} AND failed_logins <> 0`);
}
