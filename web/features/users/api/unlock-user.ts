import { useMutation, useQueryClient } from '@tanstack/react-query';
import { userItem, type UserItem } from '../../../../shared/contracts/users';
import { apiRequest } from '../../../lib/api-client';

/** Unlocks an account locked by failed logins (admin). */
export async function unlockUser(id: string): Promise<UserItem> {
  return apiRequest(`/api/users/${encodeURIComponent(id)}/unlock`, { method: 'POST', schema: userItem });
}

export function useUnlockUser() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: unlockUser, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }) });
}
