import type { RouteObject } from 'react-router';
import { paths } from '../../config/paths';

/** The park pages, each loaded on first visit. */
export const parkRoutes: RouteObject[] = [
  {
    path: paths.parks.path,
    lazy: async () => ({ Component: (await import('./components/parks-page')).ParksPage }),
  },
  {
    path: paths.park.path,
    lazy: async () => ({ Component: (await import('./components/park-page')).ParkPage }),
  },
];
