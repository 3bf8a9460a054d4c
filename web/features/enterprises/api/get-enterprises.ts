import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { listEnterprisesResponse, type ListEnterprisesQuery, type ListEnterprisesResponse } from '../../../../shared/contracts/enterprises';
import { apiRequest } from '../../../lib/api-client';

export type GetEnterprisesParams = Partial<ListEnterprisesQuery> & { page: number; pageSize: number };

/** One page of the firms the user may see, with search and filters. */
export function getEnterprises(params: GetEnterprisesParams, signal?: AbortSignal): Promise<ListEnterprisesResponse> {
  return apiRequest('/api/enterprises', { query: params, schema: listEnterprisesResponse, signal });
}

export function enterprisesQueryOptions(params: GetEnterprisesParams) {
  return queryOptions({
    queryKey: ['enterprises', 'list', params],
    queryFn: ({ signal }) => getEnterprises(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useEnterprises(params: GetEnterprisesParams) {
  return useQuery(enterprisesQueryOptions(params));
}
