import { userItem, type UserItem } from '../../../../shared/contracts/users';
import { apiRequest } from '../../../lib/api-client';
import { useApiMutation } from '../../../lib/api-query';

/** Unlocks an account locked by failed logins (admin). */
export async function unlockUser(id: string): Promise<UserItem> {
  return apiRequest(`/api/users/${encodeURIComponent(id)}/unlock`, { method: 'POST', schema: userItem });
}

export function useUnlockUser() {
  return useApiMutation(unlockUser, ['users']);
}
