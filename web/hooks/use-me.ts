import { queryOptions, useQuery } from '@tanstack/react-query';
import { sessionResponse, type SessionResponse } from '../../shared/contracts/auth';
import { ApiError, apiRequest, setCsrfToken } from '../lib/api-client';

export const meQueryKey = ['auth', 'me'] as const;

/** The current session, or null when nobody is logged in (the server answers 401). */
export async function getMe(signal?: AbortSignal): Promise<SessionResponse | null> {
  try {
    const session = await apiRequest('/api/auth/me', { schema: sessionResponse, signal });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

export function meQueryOptions() {
  return queryOptions({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => getMe(signal),
    staleTime: 60_000,
    retry: false,
  });
}

/** Who is logged in; `data` is null when nobody is. */
export function useMe() {
  return useQuery(meQueryOptions());
}
