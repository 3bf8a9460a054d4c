import { useQuery } from '@tanstack/react-query';
import { ticketDetail, type TicketDetail } from '../../../../shared/contracts/tickets';
import { apiRequest } from '../../../lib/api-client';

/** One ticket with its timeline and the caller's actions. */
export function getTicket(id: number, signal?: AbortSignal): Promise<TicketDetail> {
  return apiRequest(`/api/tickets/${id}`, { schema: ticketDetail, signal });
}

export function useTicket(id: number) {
  return useQuery({ queryKey: ['tickets', 'detail', id], queryFn: ({ signal }) => getTicket(id, signal) });
}
