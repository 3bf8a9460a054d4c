import type { RouteObject } from 'react-router';
import { paths } from '../../config/paths';

/** The 招商引资 (board, list, project page) and 重大项目 (list, KPIs) pages, each loaded on first visit. */
export const projectRoutes: RouteObject[] = [
  { path: paths.investment.path, lazy: async () => ({ Component: (await import('./components/pipeline-board')).PipelineBoardPage }) },
  {
    path: paths.investmentList.path,
    lazy: async () => ({ Component: (await import('./components/projects-list-page')).ProjectsListPage }),
  },
  { path: paths.project.path, lazy: async () => ({ Component: (await import('./components/project-page')).ProjectPage }) },
  { path: paths.projects.path, lazy: async () => ({ Component: (await import('./components/major-projects-page')).MajorProjectsPage }) },
  { path: paths.projectsKpi.path, lazy: async () => ({ Component: (await import('./components/kpi-dashboard-page')).KpiDashboardPage }) },
];
