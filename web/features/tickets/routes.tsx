import type { RouteObject } from 'react-router';
import { paths } from '../../config/paths';
import { lazyRoute } from '../../lib/lazy-route';

/** The 问题交办 pages, each loaded on first visit. */
export const ticketRoutes: RouteObject[] = [
  lazyRoute(paths.problems.path, () => import('./components/tickets-page').then((m) => m.TicketsPage)),
  lazyRoute(paths.problemStats.path, () => import('./components/ticket-stats-page').then((m) => m.TicketStatsPage)),
  lazyRoute(paths.problem.path, () => import('./components/ticket-page').then((m) => m.TicketPage)),
];
