import type { RouteObject } from 'react-router';
import { paths } from '../../config/paths';

/** A chain's meeting agenda (议题), reached from 问题交办 and the chain page. */
export const agendaRoutes: RouteObject[] = [
  { path: paths.problemAgenda.path, lazy: async () => ({ Component: (await import('./components/agenda-page')).AgendaPage }) },
];
