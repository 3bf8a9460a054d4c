import { listUsersQuery, listUsersResponse } from '../../../../shared/contracts/users';
import { defineApiQuery } from '../../../lib/api-query';

/** One page of users, optionally filtered by a search text on username and name (admin only). */
const users = defineApiQuery('/api/users', listUsersQuery, listUsersResponse);
export const useUsers = users.useApiQuery;
