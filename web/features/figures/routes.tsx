import type { RouteObject } from 'react-router';
import { paths } from '../../config/paths';
import { lazyRoute } from '../../lib/lazy-route';

/** The monthly-figures pages, each loaded on first visit. */
export const figureRoutes: RouteObject[] = [
  lazyRoute(paths.figures.path, () => import('./components/figures-home').then((m) => m.FiguresHome)),
  lazyRoute(paths.figuresOfEnterprise.path, () => import('./components/enterprise-figures-page').then((m) => m.EnterpriseFiguresPage)),
];
