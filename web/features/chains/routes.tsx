import type { RouteObject } from 'react-router';
import { paths } from '../../config/paths';

/** The chain pages, each loaded on first visit. */
export const chainRoutes: RouteObject[] = [
  {
    path: paths.chains.path,
    lazy: async () => ({ Component: (await import('./components/chains-page')).ChainsPage }),
  },
  {
    path: paths.chainHealth.path,
    lazy: async () => ({ Component: (await import('./components/chain-health-page')).ChainHealthPage }),
  },
  {
    path: paths.chain.path,
    lazy: async () => ({ Component: (await import('./components/chain-page')).ChainPage }),
  },
];
