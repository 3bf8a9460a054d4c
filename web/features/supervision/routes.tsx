import { Navigate, type RouteObject } from 'react-router';
import { paths } from '../../config/paths';

/** The 督办任务 pages under 督查考核, each loaded on first visit. */
export const supervisionRoutes: RouteObject[] = [
  { path: paths.supervision.path, element: <Navigate to={paths.supervisionTasks.getHref()} replace /> },
  { path: paths.supervisionTasks.path, lazy: async () => ({ Component: (await import('./components/tasks-page')).TasksPage }) },
  { path: paths.supervisionTask.path, lazy: async () => ({ Component: (await import('./components/task-page')).TaskPage }) },
];
