import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { listAuditQuery, listAuditResponse, type ListAuditResponse } from '../../../../shared/contracts/audit';
import { apiRequest, type QueryParamsOf } from '../../../lib/api-client';

/** The contract's query, as the hook takes it. */
export type GetAuditParams = QueryParamsOf<typeof listAuditQuery>;

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
