import crypto from 'node:crypto';
import { roleSchema, type LoginRequest, type SessionResponse } from '../../../shared/contracts/auth.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { SYSTEM_ACTOR, type Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  deleteExpiredSessions,
  deleteSessionsOfUser,
  deleteSession,
  insertSession,
  selectSessionWithUser,
  countFailedLogin,
  resetFailedLogins,
  selectUserByUsername,
  selectUserScopes,
  touchSession,
  type UserRow,
} from './auth.queries.js';
import type { LoginLimiter } from './login-limits.js';
import { verifyPassword } from './password.js';
import type { DataVersions } from '../../db/versions.js';
import { cachedSessionOf, forgetSession, keepSession, type CachedSession } from './auth.cache.js';

export type SessionPolicy = { ttlHours: number; idleMinutes: number };

function sha256(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

function randomToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** The failed-login limits of the server (see login-limits.ts) and the lockout threshold (0: never). */
export type LoginGuard = { limiter: LoginLimiter | null; lockoutThreshold: number };

/**
 * Audits a failed login (who was tried, from where, why) and counts it against an existing account,
 * locking the account at the threshold (audited too). An unknown username, a wrong password and a
 * locked or disabled account all answer the same 401 to the caller; only the audit log tells them
 * apart, for the admin.
 */
async function recordFailedLogin(
  db: Db,
  attempted: string,
  user: UserRow | undefined,
  passwordOk: boolean,
  ip: string,
  threshold: number,
): Promise<void> {
  const reason = !user
    ? 'unknown_user'
    : user.lockedAt !== null
      ? 'locked'
      : !user.active
        ? 'inactive'
        : passwordOk
          ? 'ok'
          : 'wrong_password';
  const actor: Actor = {
    id: user?.id ?? SYSTEM_ACTOR.id,
    username: attempted.slice(0, 64),
    displayName: attempted.slice(0, 64),
    role: 'leader',
    scopes: [],
    statsReviewer: false,
    ip,
    system: !user,
  };
  await db.transaction(async (tx) => {
    const counted = user && user.lockedAt === null ? await countFailedLogin(tx, user.id, threshold) : null;
    await recordAudit(tx, actor, {
      action: 'login_failed',
      entity: 'session',
      entityId: user?.id ?? null,
      after: { username: attempted.slice(0, 64), reason, failedLogins: counted?.failedLogins ?? null },
    });
    if (counted?.lockedNow && user) {
      await recordAudit(tx, actor, {
        action: 'lock',
        entity: 'user',
        entityId: user.id,
        after: { username: user.username, failedLogins: counted.failedLogins },
      });
    }
  });
}

/**
 * Checks the credentials and opens a session. A wrong password and an unknown user give the same
 * error after the same amount of work, so the answer does not reveal which usernames exist.
 */
export async function login(
  db: Db,
  input: LoginRequest,
  policy: SessionPolicy,
  ip: string | undefined,
  guard: LoginGuard = { limiter: null, lockoutThreshold: 0 },
): Promise<SessionResponse & { token: string }> {
  const address = ip ?? '';
  guard.limiter?.check(address, input.username);
  const user = await selectUserByUsername(db, input.username);
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !passwordOk || !user.active || user.lockedAt !== null) {
    guard.limiter?.fail(address, input.username);
    await recordFailedLogin(db, input.username, user, passwordOk, address, guard.lockoutThreshold);
    throw new AppError('invalid_credentials');
  }
  guard.limiter?.succeed(address, input.username);

  const token = randomToken();
  const csrfToken = randomToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + policy.ttlHours * 3_600_000);
  const scopes = await selectUserScopes(db, user.id);
  const actor: Actor = {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: roleSchema.parse(user.role),
    scopes,
    statsReviewer: user.statsReviewer,
    ip,
  };
  await db.transaction(async (tx) => {
    await deleteExpiredSessions(tx, now);
    await resetFailedLogins(tx, user.id);
    await insertSession(tx, { tokenHash: sha256(token), userId: user.id, csrfToken, expiresAt, createdAt: now, lastSeenAt: now });
    await recordAudit(tx, actor, { action: 'login', entity: 'session', entityId: user.id });
  });
  const { ip: _ip, ...publicUser } = actor;
  return { token, csrfToken, expiresAt: expiresAt.toISOString(), user: publicUser };
}

/** A live session, and the data tokens read for it (read after the request came: later cached answers may reuse them). */
export type ResolvedSession = { actor: Actor; csrfToken: string; expiresAt: Date; versions: DataVersions };

/**
 * Finds the live session of a cookie token. A session ends at its absolute expiry or after
 * `idleMinutes` without a request; an ended one is deleted and reported as `session_expired`.
 * Sessions are kept in this process (auth.cache.ts) while the database's auth token stands; one that
 * looks ended here is read again first, as another instance may have seen it more recently.
 */
export async function resolveSession(db: Db, token: string, policy: SessionPolicy, ip: string | undefined): Promise<ResolvedSession> {
  const tokenHash = sha256(token);
  const now = new Date();
  const live = (s: { expiresAt: Date; lastSeenAt: Date }) =>
    s.expiresAt > now && s.lastSeenAt.getTime() + policy.idleMinutes * 60_000 > now.getTime();
  const { session: cached, versions } = await cachedSessionOf(db, tokenHash);
  if (cached && live(cached)) {
    await touchIfDue(db, tokenHash, cached, now);
    return { actor: { ...cached.actor, ip }, csrfToken: cached.csrfToken, expiresAt: cached.expiresAt, versions };
  }
  const found = await selectSessionWithUser(db, tokenHash);
  if (!found || !found.user.active) {
    forgetSession(db, tokenHash);
    throw new AppError('unauthenticated');
  }
  if (!live(found.session)) {
    forgetSession(db, tokenHash);
    await deleteSession(db, tokenHash);
    throw new AppError('session_expired');
  }
  const session: CachedSession = {
    actor: {
      id: found.user.id,
      username: found.user.username,
      displayName: found.user.displayName,
      role: roleSchema.parse(found.user.role),
      scopes: found.scopes,
      statsReviewer: found.user.statsReviewer,
    },
    csrfToken: found.session.csrfToken,
    expiresAt: found.session.expiresAt,
    lastSeenAt: found.session.lastSeenAt,
  };
  await touchIfDue(db, tokenHash, session, now);
  keepSession(db, tokenHash, session, versions.auth);
  return { actor: { ...session.actor, ip }, csrfToken: session.csrfToken, expiresAt: session.expiresAt, versions };
}

/** Writes the activity time at most once a minute: reads should not each cost a write. */
async function touchIfDue(db: Db, tokenHash: string, session: CachedSession, now: Date): Promise<void> {
  if (now.getTime() - session.lastSeenAt.getTime() <= 60_000) return;
  session.lastSeenAt = now;
  await touchSession(db, tokenHash, now);
}

export async function logout(db: Db, token: string, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    await deleteSession(tx, sha256(token));
    await recordAudit(tx, actor, { action: 'logout', entity: 'session', entityId: actor.id });
  });
  forgetSession(db, sha256(token));
}

/** Constant-time comparison of the CSRF header with the session's token. */
/** Ends every session of a user (a changed password or permission takes effect at the next request). */
export async function endSessionsOfUser(db: Db, userId: string): Promise<void> {
  await deleteSessionsOfUser(db, userId);
}

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
