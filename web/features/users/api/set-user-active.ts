import { userItem, type UserItem } from '../../../../shared/contracts/users';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';

/** Disables an account (no login, sessions end) or enables it again (admin). */
export function setUserActive({ id, active, version }: { id: string; active: boolean; version: number }): Promise<UserItem> {
  return apiRequest(`/api/users/${encodeURIComponent(id)}/active`, { method: 'PUT', body: { active, version }, schema: userItem });
}

export function useSetUserActive() {
  return useApiMutation(setUserActive, ['users']);
}
