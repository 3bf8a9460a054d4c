import type { ListNotificationsResponse, NotificationKind } from '../../../shared/contracts/tickets.js';
import type { Role, ScopeKind } from '../../../shared/roles.js';
import type { Db } from '../../db/client.js';
import { pageWindow } from '../../db/sql.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  type NotificationSubject,
  hasDeadlineNotice,
  insertNotifications,
  markNotificationsRead,
  selectNotificationsPage,
  selectUserIdsInScope,
} from './notifications.queries.js';

/** Who to tell: users of these roles whose scope of `kind` names one of `refs` (kind null: all users of the roles). */
export type Audience = { roles: readonly Role[]; kind: ScopeKind | null; refs: readonly string[] };

/** The active users of the audiences, each once, plus the users named by id (a task's creator). */
async function usersOf(db: Db, audiences: readonly Audience[], userIds: readonly (string | null)[]): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const a of audiences) {
    if (a.kind !== null && a.refs.length === 0) continue;
    for (const id of await selectUserIdsInScope(db, a.roles, a.kind, a.refs)) ids.add(id);
  }
  for (const id of userIds) if (id !== null) ids.add(id);
  return ids;
}

type Entry = NotificationSubject & { kind: NotificationKind; params: Record<string, string | number> };

/**
 * Sends a notification to every user of the audiences (and to `userIds`), once each, except the actor
 * (nobody is told of what they did themselves). Call it inside the write's transaction.
 */
export async function notify(
  db: Db,
  actor: Actor | null,
  audiences: readonly Audience[],
  entry: Entry,
  userIds: readonly (string | null)[] = [],
): Promise<number> {
  const ids = await usersOf(db, audiences, userIds);
  if (actor && !actor.system) ids.delete(actor.id);
  await insertNotifications(db, [...ids], entry);
  return ids.size;
}

/** Like `notify`, but each user hears of a ticket's or task's deadline (params.deadline) once per kind. */
export async function notifyDeadlineOnce(
  db: Db,
  audiences: readonly Audience[],
  entry: Entry & { params: { deadline: string } },
  userIds: readonly (string | null)[] = [],
): Promise<number> {
  const ids = await usersOf(db, audiences, userIds);
  const fresh: string[] = [];
  for (const id of ids) if (!(await hasDeadlineNotice(db, id, entry.kind, entry, entry.params.deadline))) fresh.push(id);
  await insertNotifications(db, fresh, entry);
  return fresh.length;
}

/** `GET /api/notifications`: the caller's own notifications and unread count (every user has some). */
export async function listNotifications(
  db: Db,
  actor: Actor,
  query: { page: number; pageSize: number; unread?: 'true' | 'false' },
): Promise<ListNotificationsResponse> {
  const page = await selectNotificationsPage(db, actor.id, {
    unreadOnly: query.unread === 'true',
    ...pageWindow(query),
  });
  return { items: page.rows, total: page.total, unread: page.unread };
}

/** `POST /api/notifications/read`: marks the caller's notifications read (these, or all); audited (also when none was unread: the request is the write). */
export async function readNotifications(db: Db, actor: Actor, ids: readonly number[] | undefined): Promise<{ changed: number }> {
  return db.transaction(async (tx) => {
    const changed = await markNotificationsRead(tx, actor.id, ids);
    await recordAudit(tx, actor, { action: 'read', entity: 'notification', entityId: null, after: { ids: ids ?? 'all', changed } });
    return { changed };
  });
}
