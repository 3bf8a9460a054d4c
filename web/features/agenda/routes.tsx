import type { RouteObject } from 'react-router';
import { paths } from '../../config/paths';
import { lazyRoute } from '../../lib/lazy-route';

/** A chain's meeting agenda (议题), reached from 问题交办 and the chain page. */
export const agendaRoutes: RouteObject[] = [
  lazyRoute(paths.problemAgenda.path, () => import('./components/agenda-page').then((m) => m.AgendaPage)),
];
