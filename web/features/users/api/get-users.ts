import { listUsersQuery, listUsersResponse } from '../../../../shared/contracts/users';
import { defineApiQuery } from '../../../lib/api-query';

/** One page of users, optionally filtered by a search text on username and name (admin only). */
const users = defineApiQuery({ key: ['users', 'list'], path: '/api/users', query: listUsersQuery, response: listUsersResponse });
export const useUsers = users.useApiQuery;
