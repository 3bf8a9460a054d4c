import type { RouteObject } from 'react-router';
import { paths } from '../../config/paths';

/** The monthly-figures pages, each loaded on first visit. */
export const figureRoutes: RouteObject[] = [
  {
    path: paths.figures.path,
    lazy: async () => ({ Component: (await import('./components/figures-home')).FiguresHome }),
  },
  {
    path: paths.figuresOfEnterprise.path,
    lazy: async () => ({ Component: (await import('./components/enterprise-figures-page')).EnterpriseFiguresPage }),
  },
];
