import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ticketDetail, type TicketActionRequest, type TicketDetail } from '../../../../shared/contracts/tickets';
import { apiRequest } from '../../../lib/api-client';

/** One workflow action on a ticket (受理, 交办, 答复, 评价…). */
export function actOnTicket({ id, body }: { id: number; body: TicketActionRequest }): Promise<TicketDetail> {
  return apiRequest(`/api/tickets/${id}/actions`, { method: 'POST', body, schema: ticketDetail });
}

export function useActOnTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: actOnTicket,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['tickets'] }),
        queryClient.invalidateQueries({ queryKey: ['notifications'] }),
      ]),
  });
}
