import { roleSchema } from '../../../shared/contracts/auth.js';
import type {
  CreateUserRequest,
  ListUsersResponse,
  ResetPasswordResponse,
  UpdateUserRequest,
  UserItem,
} from '../../../shared/contracts/users.js';
import type { Role } from '../../../shared/roles.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { requireVersion } from '../../lib/optimistic-lock.js';
import { canAdminister, requireAccess } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { generatePassword, hashPassword } from '../auth/password.js';
import { requireAcceptablePassword } from '../auth/password-policy.js';
import { endSessionsOfUser } from '../auth/auth.service.js';
import {
  countOtherActiveAdmins,
  countUsers,
  insertUser,
  insertUserScopes,
  replaceUserScopes,
  selectLastLogins,
  selectUserById,
  selectUserByName,
  selectUsersPage,
  selectUserScopesOf,
  updateUserAccount,
  updateUserLock,
  updateUserPassword,
  updateUserStatsReviewer,
  type UserRow,
} from './users.queries.js';
import { nameScopes, requireValidScopes } from './users.scopes.js';

function present(row: UserRow, scopes: UserItem['scopes'], lastLogin: Date | undefined): UserItem {
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
    lastLoginAt: lastLogin?.toISOString() ?? null,
    version: row.version,
  };
}

/** One user as the admin sees it: scopes by name, last login. */
async function presentOne(db: Db, row: UserRow): Promise<UserItem> {
  const scopes = await nameScopes(db, await selectUserScopesOf(db, row.id));
  return present(row, scopes, (await selectLastLogins(db, [row.id])).get(row.id));
}

/** What the audit log keeps of an account (never its password). */
function auditView(item: UserItem) {
  const { id: _id, version: _version, lastLoginAt: _lastLogin, createdAt: _created, locked: _locked, ...view } = item;
  return view;
}

async function requireUser(db: Db, target: { id?: string; username?: string }): Promise<UserRow> {
  const row = target.id ? await selectUserById(db, target.id) : await selectUserByName(db, target.username ?? '');
  if (!row) throw new AppError('not_found', { messageKey: 'users.error.notFound' });
  return row;
}

/**
 * Creates a user with its data scope (see requireValidScopes: a scoped role names objects of its
 * kind that exist), audited without the password.
 */
export async function createUser(
  db: Db,
  actor: Actor,
  input: Omit<CreateUserRequest, 'statsReviewer'> & { statsReviewer?: boolean },
): Promise<UserItem> {
  requireAccess(canAdminister(actor));
  await requireValidScopes(db, input.role, input.scopes);
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
    const item = present(row, await nameScopes(tx, input.scopes), undefined);
    await recordAudit(tx, actor, { action: 'create', entity: 'user', entityId: row.id, after: auditView(item) });
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

/**
 * The platform keeps an active admin: an admin cannot demote or disable their own account, and
 * nobody (the CLI included) the last active one.
 */
async function requireAdminKept(db: Db, actor: Actor, row: UserRow, change: { role: Role; active: boolean }): Promise<void> {
  const losesAdmin = row.role === 'admin' && row.active && (change.role !== 'admin' || !change.active);
  if (!losesAdmin) return;
  const path = change.active ? 'body.role' : 'body.active';
  if (!actor.system && actor.id === row.id) {
    throw new AppError('validation_failed', {
      messageKey: change.active ? 'users.error.selfDemote' : 'users.error.selfDisable',
      details: [{ path, message: 'not on your own account' }],
    });
  }
  if ((await countOtherActiveAdmins(db, row.id)) === 0) {
    throw new AppError('validation_failed', { messageKey: 'users.error.lastAdmin', details: [{ path, message: 'the last active admin' }] });
  }
}

/**
 * Changes an account's name, role, scopes and 统计审核员 flag (admin; audited before and after). The
 * user's sessions end, so a narrower scope applies at the next request.
 */
export async function updateUser(db: Db, actor: Actor, id: string, input: UpdateUserRequest): Promise<UserItem> {
  requireAccess(canAdminister(actor));
  const row = await requireUser(db, { id });
  requireVersion(row.version, input.version);
  await requireValidScopes(db, input.role, input.scopes);
  if (input.statsReviewer) requireReviewerRole(input.role);
  await requireAdminKept(db, actor, row, { role: input.role, active: row.active });
  return db.transaction(async (tx) => {
    const before = await presentOne(tx, row);
    const changed = await updateUserAccount(
      tx,
      id,
      { displayName: input.displayName, role: input.role, statsReviewer: input.statsReviewer },
      input.version,
    );
    await replaceUserScopes(tx, id, input.scopes);
    await endSessionsOfUser(tx, id);
    const after = await presentOne(tx, changed);
    await recordAudit(tx, actor, { action: 'update', entity: 'user', entityId: id, before: auditView(before), after: auditView(after) });
    return after;
  });
}

/** Disables an account (no login; its sessions end) or enables it again (admin; audited). */
export async function setUserActive(db: Db, actor: Actor, id: string, active: boolean, expectedVersion?: number): Promise<UserItem> {
  requireAccess(canAdminister(actor));
  const row = await requireUser(db, { id });
  requireVersion(row.version, expectedVersion);
  await requireAdminKept(db, actor, row, { role: roleSchema.parse(row.role), active });
  return db.transaction(async (tx) => {
    const changed = await updateUserAccount(tx, id, { active }, expectedVersion);
    if (!active) await endSessionsOfUser(tx, id);
    await recordAudit(tx, actor, {
      action: active ? 'enable' : 'disable',
      entity: 'user',
      entityId: id,
      before: { username: row.username, active: row.active },
      after: { username: row.username, active },
    });
    return presentOne(tx, changed);
  });
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
  const row = await requireUser(db, target);
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
    return presentOne(tx, after);
  });
}

/** One page of accounts with their scopes by name and their last login (admin). */
export async function listUsers(db: Db, actor: Actor, query: { q?: string; page: number; pageSize: number }): Promise<ListUsersResponse> {
  requireAccess(canAdminister(actor));
  const { rows, total } = await selectUsersPage(db, { q: query.q, limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  const lastLogins = await selectLastLogins(
    db,
    rows.map((r) => r.id),
  );
  const items: UserItem[] = [];
  for (const r of rows) items.push(present(r, await nameScopes(db, r.scopes), lastLogins.get(r.id)));
  return { total, items };
}

/**
 * Sets a new password and ends the user's sessions, so a leaked password stops working everywhere.
 * Without a password one is generated and answered once (the admin hands it over; it is not kept).
 */
export async function resetPassword(
  db: Db,
  actor: Actor,
  target: { id?: string; username?: string },
  password?: string,
): Promise<ResetPasswordResponse> {
  requireAccess(canAdminister(actor));
  const row = await requireUser(db, target);
  const chosen = password ?? generatePassword();
  requireAcceptablePassword(chosen, row.username);
  const passwordHash = await hashPassword(chosen);
  await db.transaction(async (tx) => {
    await updateUserPassword(tx, row.id, passwordHash);
    await endSessionsOfUser(tx, row.id);
    await recordAudit(tx, actor, {
      action: 'reset_password',
      entity: 'user',
      entityId: row.id,
      after: { username: row.username, generated: password === undefined },
    });
  });
  return { generatedPassword: password === undefined ? chosen : null };
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
  const finalPassword = password ?? generatePassword();
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
  const row = await requireUser(db, target);
  return db.transaction(async (tx) => {
    const after = await updateUserLock(tx, row.id);
    await recordAudit(tx, actor, {
      action: 'unlock',
      entity: 'user',
      entityId: row.id,
      before: { username: row.username, locked: row.lockedAt !== null, failedLogins: row.failedLogins },
      after: { username: row.username, locked: false, failedLogins: 0 },
    });
    return presentOne(tx, after);
  });
}
