import type { RouteObject } from 'react-router';
import { paths } from '../../config/paths';
import { lazyRoute } from '../../lib/lazy-route';

/** The chain pages, each loaded on first visit. */
export const chainRoutes: RouteObject[] = [
  lazyRoute(paths.chains.path, () => import('./components/chains-page').then((m) => m.ChainsPage)),
  lazyRoute(paths.chainHealth.path, () => import('./components/chain-health-page').then((m) => m.ChainHealthPage)),
  lazyRoute(paths.chain.path, () => import('./components/chain-page').then((m) => m.ChainPage)),
];
