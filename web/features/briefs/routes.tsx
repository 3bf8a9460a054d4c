import type { RouteObject } from 'react-router';
import { paths } from '../../config/paths';

/** The 月度简报 pages, each loaded on first visit (the templates page sits under 系统管理, in the router). */
export const briefRoutes: RouteObject[] = [
  { path: paths.reports.path, lazy: async () => ({ Component: (await import('./components/briefs-page')).BriefsPage }) },
  { path: paths.report.path, lazy: async () => ({ Component: (await import('./components/brief-page')).BriefPage }) },
];
