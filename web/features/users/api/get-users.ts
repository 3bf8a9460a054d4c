/** `GET /api/users` is also the 操作日志's user filter, so its hook lives in web/hooks. */
export { useUsers } from '../../../hooks/use-users';
