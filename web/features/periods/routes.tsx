import type { RouteObject } from 'react-router';
import { paths } from '../../config/paths';

/** 数据审核/发布 (data staff), loaded on first visit. */
export const periodRoutes: RouteObject[] = [
  {
    path: paths.periods.path,
    lazy: async () => ({ Component: (await import('./components/periods-page')).PeriodsPage }),
  },
];
