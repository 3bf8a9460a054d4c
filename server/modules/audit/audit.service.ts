import type { ListAuditQuery, ListAuditResponse } from '../../../shared/contracts/audit.js';
import type { Db } from '../../db/client.js';
import { selectSettingRow, upsertSettingRow } from '../../db/settings.js';
import { canAdminister, requireAccess } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { insertAuditEntry, selectAuditPage } from './audit.queries.js';

/** Strips secrets before a row goes into the audit log. */
function redact(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(redact);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, /password|token|hash/i.test(k) ? '[redacted]' : redact(v)]));
}

/**
 * Records one write. Call it inside the same transaction as the write so the log and the data
 * can never disagree.
 */
export async function recordAudit(
  db: Db,
  actor: Actor,
  entry: { action: string; entity: string; entityId?: string | null; before?: unknown; after?: unknown },
): Promise<void> {
  await insertAuditEntry(db, {
    actorId: actor.system ? null : actor.id,
    actorName: actor.username,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    before: redact(entry.before),
    after: redact(entry.after),
    ip: actor.ip ?? null,
  });
}

/** One page of the 操作日志, filtered by who, what, which object and which days (admin). */
export async function listAudit(db: Db, actor: Actor, query: ListAuditQuery): Promise<ListAuditResponse> {
  requireAccess(canAdminister(actor));
  const { page, pageSize, ...filter } = query;
  const { rows, total } = await selectAuditPage(db, { ...filter, limit: pageSize, offset: (page - 1) * pageSize });
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorName: r.actorName,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
    })),
  };
}

/**
 * The writes of one kind of record, each run with its audit entry in one transaction: `create` logs the
 * new row, `update` the row before and after, `remove` the row before. `id` names the record in the log
 * (a column or a function of the row), `view` is what the log keeps of a row: the fields an editor
 * changes (no counts), listed or computed.
 */
export function auditedWrites<R extends object>(
  entity: string,
  id: keyof R | ((row: R) => string | number),
  view: readonly (keyof R)[] | ((row: R) => object),
) {
  const entityId = (row: R) => String(typeof id === 'function' ? id(row) : row[id]);
  const viewOf = (row: R): object =>
    typeof view === 'function' ? view(row) : Object.fromEntries(view.map((field) => [field, row[field]]));
  return {
    /** What the log keeps of a row, for an entry written by hand (a delete that logs more than the row). */
    view: viewOf,
    create: (db: Db, actor: Actor, insert: (tx: Db) => Promise<R>): Promise<R> =>
      db.transaction(async (tx) => {
        const row = await insert(tx);
        await recordAudit(tx, actor, { action: 'create', entity, entityId: entityId(row), after: viewOf(row) });
        return row;
      }),
    update: (db: Db, actor: Actor, before: R, change: (tx: Db) => Promise<R>): Promise<R> =>
      db.transaction(async (tx) => {
        const after = await change(tx);
        await recordAudit(tx, actor, {
          action: 'update',
          entity,
          entityId: entityId(before),
          before: viewOf(before),
          after: viewOf(after),
        });
        return after;
      }),
    remove: (db: Db, actor: Actor, before: R, remove: (tx: Db) => Promise<void>): Promise<void> =>
      db.transaction(async (tx) => {
        await remove(tx);
        await recordAudit(tx, actor, { action: 'delete', entity, entityId: entityId(before), before: viewOf(before) });
      }),
  };
}

/** A setting group as its GET answers it: the value in force and when and by whom it was last changed. */
export type SettingState<T> = { value: T; updatedAt: string | null; updatedBy: string | null };

/**
 * One setting group kept in an app_settings row under `key`: `valueOf` turns what is stored (or
 * undefined when never set) into the value in force (`settingOrDefault`). `write` replaces it in a
 * transaction with its audit entry (before and after); the caller checks access first.
 */
export function auditedSetting<T>(key: string, valueOf: (stored: unknown) => T) {
  const state = async (db: Db): Promise<SettingState<T>> => {
    const row = await selectSettingRow(db, key);
    return { value: valueOf(row?.value), updatedAt: row?.updatedAt ?? null, updatedBy: row?.updatedBy ?? null };
  };
  return {
    key,
    state,
    /** The value in force, for services (no access check: callers have done theirs). */
    read: async (db: Db): Promise<T> => (await state(db)).value,
    write: (db: Db, actor: Actor, value: unknown): Promise<void> =>
      db.transaction(async (tx) => {
        const before = (await state(tx)).value;
        await upsertSettingRow(tx, key, value, actor.system ? null : actor.id);
        await recordAudit(tx, actor, { action: 'update', entity: 'app_settings', entityId: key, before, after: value });
      }),
  };
}

/**
 * The GET and PUT behind a setting group's routes: `canRead` decides who reads it (none: every
 * logged-in user), only the admin replaces it; both answer `present` of what is stored then.
 */
export function settingEndpoints<T, R>(
  setting: ReturnType<typeof auditedSetting<T>>,
  present: (state: SettingState<T>) => R,
  canRead?: (actor: Actor) => boolean,
) {
  return {
    get: async (db: Db, actor: Actor): Promise<R> => {
      if (canRead) requireAccess(canRead(actor));
      return present(await setting.state(db));
    },
    update: async (db: Db, actor: Actor, value: T): Promise<R> => {
      requireAccess(canAdminister(actor));
      await setting.write(db, actor, value);
      return present(await setting.state(db));
    },
  };
}
