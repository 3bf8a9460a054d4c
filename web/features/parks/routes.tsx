import type { RouteObject } from 'react-router';
import { paths } from '../../config/paths';
import { lazyRoute } from '../../lib/lazy-route';

/** The park pages, each loaded on first visit. */
export const parkRoutes: RouteObject[] = [
  lazyRoute(paths.parks.path, () => import('./components/parks-page').then((m) => m.ParksPage)),
  lazyRoute(paths.park.path, () => import('./components/park-page').then((m) => m.ParkPage)),
];
