import type { RouteObject } from 'react-router';
import { paths } from '../../config/paths';
import { lazyRoute } from '../../lib/lazy-route';

/** The 月度简报 pages, each loaded on first visit (the templates page sits under 系统管理, in the router). */
export const briefRoutes: RouteObject[] = [
  lazyRoute(paths.reports.path, () => import('./components/briefs-page').then((m) => m.BriefsPage)),
  lazyRoute(paths.report.path, () => import('./components/brief-page').then((m) => m.BriefPage)),
];
