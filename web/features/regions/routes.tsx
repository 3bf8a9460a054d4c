import type { RouteObject } from 'react-router';
import { paths } from '../../config/paths';

/** The region page, loaded on first visit. */
export const regionRoutes: RouteObject[] = [
  {
    path: paths.regions.path,
    lazy: async () => ({ Component: (await import('./components/regions-page')).RegionsPage }),
  },
];
