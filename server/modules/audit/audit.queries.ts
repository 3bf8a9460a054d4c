import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditLog } from '../../db/schema.js';

export type AuditEntry = {
  actorId: string | null;
  actorName: string;
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
};

export async function insertAuditEntry(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorId: entry.actorId,
    actorName: entry.actorName,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: entry.ip ?? null,
  });
}

export type AuditRow = typeof auditLog.$inferSelect;

/**
 * One page of the log, newest first. `from`/`to` are days in Beijing time (both included), so the
 * 操作日志's "today" ends at midnight in Hengyang, not in UTC.
 */
export async function selectAuditPage(
  db: Db,
  filter: {
    actor?: string;
    action?: string;
    entity?: string;
    entityId?: string;
    from?: string;
    to?: string;
    limit: number;
    offset: number;
  },
): Promise<{ rows: AuditRow[]; total: number }> {
  const conditions: SQL[] = [];
  if (filter.actor) conditions.push(eq(auditLog.actorName, filter.actor));
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.entity) conditions.push(eq(auditLog.entity, filter.entity));
  if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId));
  if (filter.from) conditions.push(sql`${auditLog.at} >= (${filter.from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
  if (filter.to) conditions.push(sql`${auditLog.at} < (${filter.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
  const where = conditions.length ? and(...conditions) : undefined;
  const rows = await db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(filter.limit).offset(filter.offset);
  const [totalRow] = await db.select({ n: count() }).from(auditLog).where(where);
  return { rows, total: totalRow?.n ?? 0 };
}
