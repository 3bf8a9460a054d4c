import type { RouteObject } from 'react-router';
import { paths } from '../../config/paths';
import { lazyRoute } from '../../lib/lazy-route';

/** The region page, loaded on first visit. */
export const regionRoutes: RouteObject[] = [
  lazyRoute(paths.regions.path, () => import('./components/regions-page').then((m) => m.RegionsPage)),
];
