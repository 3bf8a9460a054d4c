import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sessionResponse, type LoginRequest, type SessionResponse } from '../../../../shared/contracts/auth';
import { apiRequest, setCsrfToken } from '../../../lib/api-client';
import { meQueryKey } from '../../../hooks/use-me';
import { INLINE_ERROR_META } from '../../../lib/errors';

/** Logs in; the server sets the session cookie and hands out the CSRF token for later writes. */
export async function login(body: LoginRequest): Promise<SessionResponse> {
  const session = await apiRequest('/api/auth/login', { method: 'POST', body, schema: sessionResponse });
  setCsrfToken(session.csrfToken);
  return session;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    // The screen shows the error itself (a form alert, the import panel).
    meta: INLINE_ERROR_META,
    mutationFn: login,
    onSuccess: (session) => queryClient.setQueryData(meQueryKey, session),
  });
}
