import { listAuditQuery, listAuditResponse } from '../../../../shared/contracts/audit';
import { defineApiQuery } from '../../../lib/api-query';

/** One page of the audit log, newest first (admin only). */
const audit = defineApiQuery('/api/audit', listAuditQuery, listAuditResponse);
export const useAudit = audit.useApiQuery;
export const getAudit = audit.get;
