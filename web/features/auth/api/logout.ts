import { useMutation, useQueryClient } from '@tanstack/react-query';
import { okResponse } from '../../../../shared/contracts/common';
import { apiRequest, setCsrfToken } from '../../../lib/api-client';
import { meQueryKey } from '../../../hooks/use-me';

/** Ends the session on the server (the cookie is cleared there). */
export async function logout(): Promise<void> {
  await apiRequest('/api/auth/logout', { method: 'POST', schema: okResponse });
  setCsrfToken(null);
}

/**
 * Logs out and forgets every cached answer, so the next user of this browser sees nothing of the last one.
 * `onLoggedOut` runs first (to leave the page) before the user is forgotten.
 */
export function useLogout({ onLoggedOut }: { onLoggedOut?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSuccess: () => {
      onLoggedOut?.();
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
