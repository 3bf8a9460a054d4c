import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { listUsersQuery, listUsersResponse, type ListUsersResponse } from '../../../../shared/contracts/users';
import { apiRequest, type QueryParamsOf } from '../../../lib/api-client';

/** The contract's query, as the hook takes it. */
export type GetUsersParams = QueryParamsOf<typeof listUsersQuery>;

/** One page of users, optionally filtered by a search text on username and name (admin only). */
export function getUsers(params: GetUsersParams, signal?: AbortSignal): Promise<ListUsersResponse> {
  return apiRequest('/api/users', { query: params, schema: listUsersResponse, signal });
}

export function usersQueryOptions(params: GetUsersParams) {
  return queryOptions({
    queryKey: ['users', 'list', params],
    queryFn: ({ signal }) => getUsers(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useUsers(params: GetUsersParams) {
  return useQuery(usersQueryOptions(params));
}
