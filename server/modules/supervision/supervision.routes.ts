import {
  createTaskRequest,
  listTasksQuery,
  listTasksResponse,
  taskActionRequest,
  taskAssigneesResponse,
  taskDetail,
  taskFromTargetRequest,
  taskParams,
} from '../../../shared/contracts/supervision.js';
import { keyedRoutes, routePlugin } from '../../lib/routes.js';
import { actOnTask, createTask, createTaskFromTarget, getTask, listTaskAssignees, listTasks } from './supervision.service.js';

/** Roles that see supervision tasks (each its own; enterprises and 县市区 have none). */
const READERS = ['admin', 'leader', 'chain_chief', 'chain_office', 'department', 'park'] as const;
/** Roles that act on tasks (the 链长 reads only). */
const ACTORS = ['admin', 'leader', 'chain_office', 'department', 'park'] as const;
const SETTERS = ['admin', 'leader', 'chain_office'] as const;

/** Supervision tasks (督办任务): lists with lights, setting by hand or from a chain's target, the workflow's actions. */
export const supervisionRoutes = routePlugin('supervision', (routes, { db }) => {
  routes.get('/tasks', { policy: READERS, query: listTasksQuery, response: listTasksResponse }, ({ actor, query }) =>
    listTasks(db, actor, query),
  );
  routes.post('/tasks', { policy: SETTERS, body: createTaskRequest, response: taskDetail, status: 201 }, ({ actor, body }) =>
    createTask(db, actor, body),
  );
  routes.post(
    '/tasks/from-target',
    { policy: SETTERS, body: taskFromTargetRequest, response: taskDetail, status: 201 },
    ({ actor, body }) => createTaskFromTarget(db, actor, body),
  );
  routes.get('/assignees', { policy: SETTERS, response: taskAssigneesResponse }, ({ actor }) => listTaskAssignees(db, actor));
  const task = keyedRoutes(routes, db, taskParams);
  task.get('/tasks/:id', { policy: READERS, response: taskDetail }, getTask);
  task.post('/tasks/:id/actions', { policy: ACTORS, body: taskActionRequest, response: taskDetail }, actOnTask);
});
