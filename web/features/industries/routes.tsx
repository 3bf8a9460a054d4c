import type { RouteObject } from 'react-router';
import { paths } from '../../config/paths';

/** The industries page, loaded on first visit. */
export const industryRoutes: RouteObject[] = [
  {
    path: paths.industries.path,
    lazy: async () => ({ Component: (await import('./components/industries-page')).IndustriesPage }),
  },
];
