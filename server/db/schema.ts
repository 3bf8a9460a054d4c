import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { ROLES, SCOPE_KINDS } from '../../shared/roles.js';
import { list } from './schema-checks.js';
import { actorColumns, createdAt, serialId, timestamptz, updatedAt, writtenAt } from './schema-columns.js';

const roleList = list(ROLES);
const scopeKindList = list(SCOPE_KINDS);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull().unique('users_username_key'),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(),
    passwordHash: text('password_hash').notNull(),
    active: boolean('active').notNull().default(true),
    /** Failed logins since the last successful one (or the admin's unlock). */
    failedLogins: integer('failed_logins').notNull().default(0),
    /** Set when failedLogins reached LOGIN_LOCKOUT_THRESHOLD; only an admin's unlock clears it. */
    lockedAt: timestamptz('locked_at'),
    /** 统计审核员: may publish and reopen months (granted by the admin to a city-wide 市领导 account). */
    statsReviewer: boolean('stats_reviewer').notNull().default(false),
    /** Optimistic locking of the admin's edits (schema-master.ts `rowVersion`); logins do not change it. */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [check('users_role_check', sql.raw(`${t.role.name} in (${roleList})`))],
);

/** A user's data scope: the chains, regions, parks, enterprises or department the user may see and change. */
export const userScopes = pgTable(
  'user_scopes',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    ref: text('ref').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.kind, t.ref], name: 'user_scopes_pkey' }),
    check('user_scopes_kind_check', sql.raw(`${t.kind.name} in (${scopeKindList})`)),
  ],
);

/** Server-side sessions; the cookie carries a random token whose SHA-256 is stored here. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: writtenAt('last_seen_at'),
    expiresAt: timestamptz('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Every write: who, when, what, before and after. Never updated or deleted by the application. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: serialId(),
    at: writtenAt('at'),
    ...actorColumns(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
  },
  (t) => [index('audit_log_entity_idx').on(t.entity, t.entityId), index('audit_log_at_idx').on(t.at)],
);
export * from './schema-master.js';
export * from './schema-figures.js';
export * from './schema-settings.js';
export * from './schema-periods.js';
export * from './schema-tickets.js';
export * from './schema-projects.js';
export * from './schema-chain-lists.js';
export * from './schema-supervision.js';
export * from './schema-calendar.js';
export * from './schema-attachments.js';
export * from './schema-assessment.js';
export * from './schema-briefs.js';

/**
 * One row whose token changes (by statement-level triggers, see migration 0003) whenever data the
 * statistics read changes: monthly figures, enterprises, 规上 years, memberships, chains, nodes,
 * parks, regions. Computed statistics are cached under it, so a cached answer is never stale,
 * also across processes sharing one PostgreSQL.
 */
export const statsVersion = pgTable(
  'stats_version',
  {
    id: integer('id').primaryKey().default(1),
    token: uuid('token').notNull().defaultRandom(),
    /**
     * Changes with `token` except on writes of monthly figures and 预警 dispositions (migration 0021):
     * master data, memberships, 规上 years, month statuses and snapshots — what an answer over a
     * published month's frozen figures, and a master-data list, depends on.
     */
    masterToken: uuid('master_token').notNull().defaultRandom(),
    /**
     * Changes when a session ends (logout, expiry, password reset, disable, role or scope change) or an
     * account's name, role, activity or 统计审核员 flag changes: the in-process session cache checks it
     * on every request (auth.cache.ts), so every instance on one database sees the change at once.
     */
    authToken: uuid('auth_token').notNull().defaultRandom(),
  },
  (t) => [check('stats_version_single_row_check', sql`${t.id} = 1`)],
);
export * from './schema-jobs.js';
