import type { RouteObject } from 'react-router';
import { paths } from '../../config/paths';
import { lazyRoute } from '../../lib/lazy-route';

/** The 招商引资 (board, list, project page) and 重大项目 (list, KPIs) pages, each loaded on first visit. */
export const projectRoutes: RouteObject[] = [
  lazyRoute(paths.investment.path, () => import('./components/pipeline-board').then((m) => m.PipelineBoardPage)),
  lazyRoute(paths.investmentList.path, () => import('./components/projects-list-page').then((m) => m.ProjectsListPage)),
  lazyRoute(paths.project.path, () => import('./components/project-page').then((m) => m.ProjectPage)),
  lazyRoute(paths.projects.path, () => import('./components/major-projects-page').then((m) => m.MajorProjectsPage)),
  lazyRoute(paths.projectsKpi.path, () => import('./components/kpi-dashboard-page').then((m) => m.KpiDashboardPage)),
];
