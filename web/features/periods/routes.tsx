import type { RouteObject } from 'react-router';
import { paths } from '../../config/paths';
import { lazyRoute } from '../../lib/lazy-route';

/** 数据审核/发布 (data staff), loaded on first visit. */
export const periodRoutes: RouteObject[] = [
  lazyRoute(paths.periods.path, () => import('./components/periods-page').then((m) => m.PeriodsPage)),
];
