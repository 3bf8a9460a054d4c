import type { RouteObject } from 'react-router';
import { paths } from '../../config/paths';

/** The 预警 page, loaded on first visit. */
export const warningRoutes: RouteObject[] = [
  {
    path: paths.warnings.path,
    lazy: async () => ({ Component: (await import('./components/warnings-page')).WarningsPage }),
  },
];
