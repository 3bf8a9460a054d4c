// SQL of in-app notifications: who should hear of something (users by role and scope), the writes,
// a user's page with the unread count, marking read.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../../shared/contracts/tickets.js';
import type { Role, ScopeKind } from '../../../shared/roles.js';
import type { Db } from '../../db/client.js';
import { isoSql, parseRows, textArray } from '../../db/sql.js';

/** Active users of these roles whose scope names one of `refs` of `kind`; with `kind` null, every active user of the roles. */
export async function selectUserIdsInScope(
  db: Db,
  roles: readonly Role[],
  kind: ScopeKind | null,
  refs: readonly string[],
): Promise<string[]> {
  const scoped =
    kind === null
      ? sql`true`
      : sql`EXISTS (SELECT 1 FROM user_scopes s WHERE s.user_id = u.id AND s.kind = ${kind} AND s.ref = ANY(${textArray(refs)}))`;
  const result = await db.execute(sql`
    SELECT u.id FROM users u WHERE u.active AND u.role = ANY(${textArray(roles)}) AND ${scoped} ORDER BY u.id`);
  return parseRows(result, z.object({ id: z.string() })).map((r) => r.id);
}

/** What a notification is about: a ticket, a supervision task, or neither (an agenda item names its chain in params). */
export type NotificationSubject = { ticketId: number | null; taskId?: number | null };

/** One notification per user (the same kind, subject and params given to each). */
export async function insertNotifications(
  db: Db,
  userIds: readonly string[],
  entry: NotificationSubject & { kind: NotificationKind; params: Record<string, string | number> },
): Promise<void> {
  if (userIds.length === 0) return;
  await db.execute(sql`
    INSERT INTO notifications (user_id, kind, ticket_id, task_id, params)
    SELECT id, ${entry.kind}, ${entry.ticketId}, ${entry.taskId ?? null}, ${JSON.stringify(entry.params)}::jsonb
      FROM unnest(${sql.param([...userIds])}::uuid[]) AS id`);
}

/** Whether the user already has a notification of this kind, subject and `params.deadline` (the deadline sweeps send each once). */
export async function hasDeadlineNotice(
  db: Db,
  userId: string,
  kind: NotificationKind,
  subject: NotificationSubject,
  deadline: string,
): Promise<boolean> {
  const about =
    subject.taskId !== undefined && subject.taskId !== null ? sql`task_id = ${subject.taskId}` : sql`ticket_id = ${subject.ticketId}`;
  const result = await db.execute(sql`
    SELECT 1 AS x FROM notifications WHERE user_id = ${userId} AND kind = ${kind} AND ${about} AND params->>'deadline' = ${deadline}`);
  return result.rows.length > 0;
}

const itemRow = z.object({
  id: z.number(),
  kind: z.enum(NOTIFICATION_KINDS),
  ticketId: z.number().nullable(),
  taskId: z.number().nullable(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  createdAt: z.string(),
  read: z.boolean(),
});

/** A page of the user's notifications, newest first, with the total and the unread count. */
export async function selectNotificationsPage(db: Db, userId: string, filter: { unreadOnly: boolean; limit: number; offset: number }) {
  const unreadOnly = filter.unreadOnly ? sql`AND read_at IS NULL` : sql``;
  const rows = await db.execute(sql`
    SELECT id, kind, ticket_id AS "ticketId", task_id AS "taskId", params, ${isoSql('created_at')} AS "createdAt", read_at IS NOT NULL AS read
      FROM notifications WHERE user_id = ${userId} ${unreadOnly}
     ORDER BY created_at DESC, id DESC LIMIT ${filter.limit} OFFSET ${filter.offset}`);
  const counts = await db.execute(sql`
    SELECT count(*)::int AS total, (count(*) FILTER (WHERE read_at IS NULL))::int AS unread
      FROM notifications WHERE user_id = ${userId} ${unreadOnly}`);
  const [count] = parseRows(counts, z.object({ total: z.number(), unread: z.number() }));
  return {
    rows: parseRows(rows, itemRow),
    total: count?.total ?? 0,
    unread: count?.unread ?? 0,
  };
}

/** Marks the user's notifications read (these ids, or all); returns how many changed. */
export async function markNotificationsRead(db: Db, userId: string, ids: readonly number[] | undefined): Promise<number> {
  const which = ids === undefined ? sql`` : sql`AND id = ANY(${sql.param([...ids])}::bigint[])`;
  const result = await db.execute(sql`
    UPDATE notifications SET read_at = now() WHERE user_id = ${userId} AND read_at IS NULL ${which} RETURNING id`);
  return result.rows.length;
}
