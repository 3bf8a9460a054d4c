import type { RouteObject } from 'react-router';
import { paths } from '../../config/paths';

/** The 问题交办 pages, each loaded on first visit. */
export const ticketRoutes: RouteObject[] = [
  { path: paths.problems.path, lazy: async () => ({ Component: (await import('./components/tickets-page')).TicketsPage }) },
  { path: paths.problemStats.path, lazy: async () => ({ Component: (await import('./components/ticket-stats-page')).TicketStatsPage }) },
  { path: paths.problem.path, lazy: async () => ({ Component: (await import('./components/ticket-page')).TicketPage }) },
];
