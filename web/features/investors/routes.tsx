import type { RouteObject } from 'react-router';
import { paths } from '../../config/paths';
import { lazyRoute } from '../../lib/lazy-route';

/** The 客商库 page (a tab of 招商引资). */
export const investorRoutes: RouteObject[] = [
  lazyRoute(paths.investors.path, () => import('./components/investors-page').then((m) => m.InvestorsPage)),
];
