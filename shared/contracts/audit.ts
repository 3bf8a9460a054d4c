import { z } from 'zod';
import { pagedList, pageQuery } from './common.js';
import { calendarDateSchema } from './calendar.js';

export const auditItem = z.object({
  id: z.number().int(),
  at: z.string(),
  actorName: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditItem = z.infer<typeof auditItem>;

/**
 * Filters of the 操作日志: who (the username the entry was written under), what was done, to what kind
 * of object (and which one), and the days (Beijing time, both ends included).
 */
export const listAuditQuery = pageQuery.extend({
  actor: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  entity: z.string().max(64).optional(),
  entityId: z.string().max(128).optional(),
  from: calendarDateSchema.optional(),
  to: calendarDateSchema.optional(),
});
export type ListAuditQuery = z.infer<typeof listAuditQuery>;
export const listAuditResponse = pagedList(auditItem);
export type ListAuditResponse = z.infer<typeof listAuditResponse>;
