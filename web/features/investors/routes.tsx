import type { RouteObject } from 'react-router';
import { paths } from '../../config/paths';

/** The 客商库 page (a tab of 招商引资). */
export const investorRoutes: RouteObject[] = [
  { path: paths.investors.path, lazy: async () => ({ Component: (await import('./components/investors-page')).InvestorsPage }) },
];
