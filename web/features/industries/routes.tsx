import type { RouteObject } from 'react-router';
import { paths } from '../../config/paths';
import { lazyRoute } from '../../lib/lazy-route';

/** The industries page, loaded on first visit. */
export const industryRoutes: RouteObject[] = [
  lazyRoute(paths.industries.path, () => import('./components/industries-page').then((m) => m.IndustriesPage)),
];
