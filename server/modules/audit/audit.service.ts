import type { ListAuditResponse } from '../../../shared/contracts/audit.js';
import type { Db } from '../../db/client.js';
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

export async function listAudit(
  db: Db,
  actor: Actor,
  query: { page: number; pageSize: number; entity?: string; entityId?: string },
): Promise<ListAuditResponse> {
  requireAccess(canAdminister(actor));
  const { rows, total } = await selectAuditPage(db, {
    entity: query.entity,
    entityId: query.entityId,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
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
