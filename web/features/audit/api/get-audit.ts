import { listAuditQuery, listAuditResponse } from '../../../../shared/contracts/audit';
import { defineApiQuery } from '../../../lib/api-query';

/** One page of the audit log, newest first (admin only). */
const audit = defineApiQuery({ key: ['audit', 'list'], path: '/api/audit', query: listAuditQuery, response: listAuditResponse });
export const useAudit = audit.useApiQuery;
