import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ticketDetail, type CreateTicketRequest, type TicketDetail } from '../../../../shared/contracts/tickets';
import { apiRequest } from '../../../lib/api-client';

/** Files a problem (我要反映问题, or staff on a firm's behalf). */
export function createTicket(body: CreateTicketRequest): Promise<TicketDetail> {
  return apiRequest('/api/tickets', { method: 'POST', body, schema: ticketDetail });
}

export function useCreateTicket() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createTicket, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tickets'] }) });
}
