import { Navigate, type RouteObject } from 'react-router';
import { paths } from '../../config/paths';
import { lazyRoute } from '../../lib/lazy-route';

/** The 督办任务 pages under 督查考核, each loaded on first visit. */
export const supervisionRoutes: RouteObject[] = [
  { path: paths.supervision.path, element: <Navigate to={paths.supervisionTasks.getHref()} replace /> },
  lazyRoute(paths.supervisionTasks.path, () => import('./components/tasks-page').then((m) => m.TasksPage)),
  lazyRoute(paths.supervisionTask.path, () => import('./components/task-page').then((m) => m.TaskPage)),
];
