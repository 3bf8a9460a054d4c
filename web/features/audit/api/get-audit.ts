import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { listAuditResponse, type ListAuditResponse } from '../../../../shared/contracts/audit';
import { apiRequest } from '../../../lib/api-client';

export type GetAuditParams = { page: number; pageSize: number; entity?: string; entityId?: string };

/** One page of the audit log, newest first (admin only). */
export function getAudit(params: GetAuditParams, signal?: AbortSignal): Promise<ListAuditResponse> {
  return apiRequest('/api/audit', { query: params, schema: listAuditResponse, signal });
}

export function auditQueryOptions(params: GetAuditParams) {
  return queryOptions({
    queryKey: ['audit', 'list', params],
    queryFn: ({ signal }) => getAudit(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAudit(params: GetAuditParams) {
  return useQuery(auditQueryOptions(params));
}
