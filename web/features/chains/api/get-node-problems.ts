import { listTicketsQuery, listTicketsResponse } from '../../../../shared/contracts/tickets';
import { defineApiQuery } from '../../../lib/api-query';

/** The chain's open tickets in the caller's scope (the node panel keeps those of the node's firms). */
const openTickets = defineApiQuery('/api/tickets', listTicketsQuery, listTicketsResponse);

export function useChainOpenTickets(chain: string, enabled = true) {
  return openTickets.useApiQuery({ chain, open: 'true', page: 1, pageSize: 500 }, enabled);
}
