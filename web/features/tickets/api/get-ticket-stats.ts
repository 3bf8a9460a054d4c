import { useQuery } from '@tanstack/react-query';
import { ticketStatsResponse, type TicketStatsResponse } from '../../../../shared/contracts/tickets';
import { apiRequest } from '../../../lib/api-client';

/** A year's ticket statistics over the caller's tickets. */
export function getTicketStats(year: number, signal?: AbortSignal): Promise<TicketStatsResponse> {
  return apiRequest('/api/tickets/stats', { query: { year }, schema: ticketStatsResponse, signal });
}

export function useTicketStats(year: number) {
  return useQuery({ queryKey: ['tickets', 'stats', year], queryFn: ({ signal }) => getTicketStats(year, signal) });
}
