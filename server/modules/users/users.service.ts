import crypto from 'node:crypto';
import { roleSchema } from '../../../shared/contracts/auth.js';
import type { ScopeEntry } from '../../../shared/contracts/auth.js';
import type { CreateUserRequest, ListUsersResponse, UserItem } from '../../../shared/contracts/users.js';
import { ROLE_SCOPE_KIND } from '../../../shared/roles.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { requireVersion } from '../../lib/optimistic-lock.js';
import { canAdminister, requireAccess } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { hashPassword } from '../auth/password.js';
import { requireAcceptablePassword } from '../auth/password-policy.js';
import { endSessionsOfUser } from '../auth/auth.service.js';
import {
  countUsers,
  insertUser,
  insertUserScopes,
  selectUserById,
  selectUserByName,
  selectUsersPage,
  updateUserPassword,
  updateUserLock,
  updateUserStatsReviewer,
  selectScopeRefExists,
  selectScopesOfUser,
  selectUserScopesOf,
  type UserRow,
} from './users.queries.js';

function present(row: UserRow, scopes: UserItem['scopes']): UserItem {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: roleSchema.parse(row.role),
    scopes,
    statsReviewer: row.statsReviewer,
    active: row.active,
    locked: row.lockedAt !== null,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

/**
 * Every scope must name something that exists (chain:NOPE99 or park:% is refused with the entry's
 * path): chains, regions, parks and enterprises are checked against the master data; a department
 * has no register yet, so its name only has to be plain text (no control characters or wildcards).
 */
async function requireKnownScopeRefs(db: Db, scopes: readonly ScopeEntry[]): Promise<void> {
  for (const [index, scope] of scopes.entries()) {
    const ref = scope.ref.trim();
    const known =
      scope.kind === 'department'
        ? ref !== '' && !/[%_\\\p{Cc}]/u.test(ref)
        : ref !== '' && (await selectScopeRefExists(db, scope.kind, ref));
    if (!known) {
      throw new AppError('validation_failed', {
        messageKey: 'users.error.unknownScope',
        params: { kind: scope.kind, ref: scope.ref },
        details: [{ path: `body.scopes.${index}.ref`, kind: scope.kind, ref: scope.ref }],
      });
    }
  }
}

/**
 * Creates a user with its data scope. A scoped role (链长, 园区, 县市区, 企业…) must name at least
 * one object of its scope kind and nothing of another kind, so nobody ends up seeing more or less
 * than the role implies.
 */
export async function createUser(
  db: Db,
  actor: Actor,
  input: Omit<CreateUserRequest, 'statsReviewer'> & { statsReviewer?: boolean },
): Promise<UserItem> {
  requireAccess(canAdminister(actor));
  const scopeKind = ROLE_SCOPE_KIND[input.role];
  const wrongKind = input.scopes.filter((s) => s.kind !== scopeKind);
  if (scopeKind === null && input.scopes.length > 0) {
    throw new AppError('validation_failed', {
      messageKey: 'users.error.noScopeForRole',
      params: { role: input.role },
      details: [{ path: 'body.scopes', message: 'must be empty for this role' }],
    });
  }
  if (scopeKind !== null && (input.scopes.length === 0 || wrongKind.length > 0)) {
    throw new AppError('validation_failed', {
      messageKey: 'users.error.scopeKindNeeded',
      params: { role: input.role, kind: scopeKind },
      details: [{ path: 'body.scopes', message: `needs kind ${scopeKind} only` }],
    });
  }
  await requireKnownScopeRefs(db, input.scopes);
  requireAcceptablePassword(input.password, input.username);
  if (input.statsReviewer === true) requireReviewerRole(input.role);
  if (await selectUserByName(db, input.username)) {
    throw new AppError('conflict', { messageKey: 'users.error.usernameTaken', params: { username: input.username } });
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const row = await insertUser(tx, {
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      passwordHash,
      statsReviewer: input.statsReviewer === true,
    });
    await insertUserScopes(tx, row.id, input.scopes);
    const item = present(row, input.scopes);
    await recordAudit(tx, actor, { action: 'create', entity: 'user', entityId: row.id, after: item });
    return item;
  });
}

/**
 * The 统计审核员 permission publishes months city-wide, so it belongs to an account that sees the
 * whole city and is not itself data entry: a 市领导 (leader) account, e.g. the statistics bureau's.
 * The admin may publish without it.
 */
function requireReviewerRole(role: string): void {
  if (role !== 'leader') {
    throw new AppError('validation_failed', {
      messageKey: 'users.error.reviewerLeaderOnly',
      params: { role },
      details: [{ path: 'body.statsReviewer', message: 'only for role leader' }],
    });
  }
}

/** Grants or withdraws 统计审核员 (audited); the user's sessions end so the change applies at once. */
export async function setStatsReviewer(
  db: Db,
  actor: Actor,
  target: { id?: string; username?: string },
  statsReviewer: boolean,
  expectedVersion?: number,
): Promise<UserItem> {
  requireAccess(canAdminister(actor));
  const row = target.id ? await selectUserById(db, target.id) : await selectUserByName(db, target.username ?? '');
  if (!row) throw new AppError('not_found', { messageKey: 'users.error.notFound' });
  requireVersion(row.version, expectedVersion);
  if (statsReviewer) requireReviewerRole(row.role);
  return db.transaction(async (tx) => {
    const after = await updateUserStatsReviewer(tx, row.id, statsReviewer, expectedVersion);
    await endSessionsOfUser(tx, row.id);
    await recordAudit(tx, actor, {
      action: 'set_stats_reviewer',
      entity: 'user',
      entityId: row.id,
      before: { statsReviewer: row.statsReviewer },
      after: { statsReviewer },
    });
    const scopes = await selectUserScopesOf(tx, row.id);
    return present(after, scopes);
  });
}

export async function listUsers(db: Db, actor: Actor, query: { q?: string; page: number; pageSize: number }): Promise<ListUsersResponse> {
  requireAccess(canAdminister(actor));
  const { rows, total } = await selectUsersPage(db, { q: query.q, limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  return { total, items: rows.map((r) => present(r, r.scopes)) };
}

/** Sets a new password and ends the user's sessions, so a leaked password stops working everywhere. */
export async function resetPassword(db: Db, actor: Actor, target: { id?: string; username?: string }, password: string): Promise<void> {
  requireAccess(canAdminister(actor));
  const row = target.id ? await selectUserById(db, target.id) : await selectUserByName(db, target.username ?? '');
  if (!row) throw new AppError('not_found', { messageKey: 'users.error.notFound' });
  requireAcceptablePassword(password, row.username);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await updateUserPassword(tx, row.id, passwordHash);
    await endSessionsOfUser(tx, row.id);
    await recordAudit(tx, actor, { action: 'reset_password', entity: 'user', entityId: row.id });
  });
}

/**
 * First start: when there are no users, creates `admin` with ADMIN_PASSWORD or a generated
 * password that is returned so the caller prints it once. Returns null when users exist.
 */
export async function ensureAdmin(
  db: Db,
  actor: Actor,
  password: string | undefined,
): Promise<{ password: string; generated: boolean } | null> {
  if ((await countUsers(db)) > 0) return null;
  const generated = password === undefined;
  const finalPassword = password ?? crypto.randomBytes(12).toString('base64url');
  await createUser(db, actor, { username: 'admin', displayName: '系统管理员', role: 'admin', password: finalPassword, scopes: [] });
  return { password: finalPassword, generated };
}

/** Whether an account of this name exists (admin), so a caller that makes fixed accounts leaves existing ones alone. */
export async function isUsernameTaken(db: Db, actor: Actor, username: string): Promise<boolean> {
  requireAccess(canAdminister(actor));
  return (await selectUserByName(db, username)) !== undefined;
}

/** Unlocks an account locked by failed logins and starts its failure count afresh (admin; audited). */
export async function unlockUser(db: Db, actor: Actor, target: { id?: string; username?: string }): Promise<UserItem> {
  requireAccess(canAdminister(actor));
  const row = target.id ? await selectUserById(db, target.id) : await selectUserByName(db, target.username ?? '');
  if (!row) throw new AppError('not_found', { messageKey: 'users.error.notFound' });
  return db.transaction(async (tx) => {
    const after = await updateUserLock(tx, row.id);
    await recordAudit(tx, actor, {
      action: 'unlock',
      entity: 'user',
      entityId: row.id,
      before: { username: row.username, locked: row.lockedAt !== null, failedLogins: row.failedLogins },
      after: { username: row.username, locked: false, failedLogins: 0 },
    });
    return present(after, await selectScopesOfUser(tx, row.id));
  });
}
