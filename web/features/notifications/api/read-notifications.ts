import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';

/** Marks notifications read: these ids, or all of the caller's. */
export function readNotifications(ids?: number[]): Promise<{ changed: number }> {
  return apiRequest('/api/notifications/read', { method: 'POST', body: ids ? { ids } : {}, schema: z.object({ changed: z.number() }) });
}

export function useReadNotifications() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: readNotifications, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }) });
}
