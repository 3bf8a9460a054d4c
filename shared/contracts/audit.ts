import { z } from 'zod';
import { pageQuery } from './common.js';

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

export const listAuditQuery = pageQuery.extend({
  entity: z.string().max(64).optional(),
  entityId: z.string().max(128).optional(),
});
export const listAuditResponse = z.object({ items: z.array(auditItem), total: z.number().int() });
export type ListAuditResponse = z.infer<typeof listAuditResponse>;
