import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { listUsersResponse, type ListUsersResponse } from '../../../../shared/contracts/users';
import { apiRequest } from '../../../lib/api-client';

export type GetUsersParams = { page: number; pageSize: number; q?: string };

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
