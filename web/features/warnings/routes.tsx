import type { RouteObject } from 'react-router';
import { paths } from '../../config/paths';
import { lazyRoute } from '../../lib/lazy-route';

/** The 预警 page, loaded on first visit. */
export const warningRoutes: RouteObject[] = [
  lazyRoute(paths.warnings.path, () => import('./components/warnings-page').then((m) => m.WarningsPage)),
];
