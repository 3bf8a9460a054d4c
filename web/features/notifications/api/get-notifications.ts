import { useQuery } from '@tanstack/react-query';
import { listNotificationsResponse, type ListNotificationsResponse } from '../../../../shared/contracts/tickets';
import { apiRequest } from '../../../lib/api-client';

/** The caller's latest notifications and unread count (the bell polls it every minute). */
export function getNotifications(signal?: AbortSignal): Promise<ListNotificationsResponse> {
  return apiRequest('/api/notifications', { query: { pageSize: 20 }, schema: listNotificationsResponse, signal });
}

export function useNotifications() {
  return useQuery({ queryKey: ['notifications'], queryFn: ({ signal }) => getNotifications(signal), refetchInterval: 60_000 });
}
