import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { listTicketsQuery, listTicketsResponse, type ListTicketsResponse } from '../../../../shared/contracts/tickets';
import { apiRequest, type QueryParamsOf } from '../../../lib/api-client';

export type GetTicketsParams = QueryParamsOf<typeof listTicketsQuery>;

/** One page of the caller's tickets, filtered, with their lights. */
export function getTickets(params: GetTicketsParams, signal?: AbortSignal): Promise<ListTicketsResponse> {
  return apiRequest('/api/tickets', { query: params, schema: listTicketsResponse, signal });
}

export function ticketsQueryOptions(params: GetTicketsParams) {
  return queryOptions({
    queryKey: ['tickets', 'list', params],
    queryFn: ({ signal }) => getTickets(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTickets(params: GetTicketsParams) {
  return useQuery(ticketsQueryOptions(params));
}
