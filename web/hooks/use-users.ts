import { listUsersQuery, listUsersResponse } from '../../shared/contracts/users';
import { defineApiQuery } from '../lib/api-query';

/** One page of users, optionally filtered by a search text on username and name (admin only): 用户管理 and the 操作日志's user filter. */
const users = defineApiQuery('/api/users', listUsersQuery, listUsersResponse);
export const useUsers = users.useApiQuery;
