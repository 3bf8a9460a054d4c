import {
  createTaskRequest,
  listTasksQuery,
  listTasksResponse,
  taskActionRequest,
  taskAssigneesResponse,
  taskDetail,
  taskFromTargetRequest,
  taskParams,
  TASK_ACTOR_ROLES,
  TASK_READER_ROLES,
  TASK_SETTER_ROLES,
} from '../../../shared/contracts/supervision.js';
import { keyedRoutes, routePlugin } from '../../lib/routes.js';
import { actOnTask, createTask, createTaskFromTarget, getTask, listTaskAssignees, listTasks } from './supervision.service.js';

/** Supervision tasks (督办任务): lists with lights, setting by hand or from a chain's target, the workflow's actions. */
export const supervisionRoutes = routePlugin('supervision', (routes, { db }) => {
  routes.get('/tasks', { policy: TASK_READER_ROLES, query: listTasksQuery, response: listTasksResponse }, ({ actor, query }) =>
    listTasks(db, actor, query),
  );
  routes.post('/tasks', { policy: TASK_SETTER_ROLES, body: createTaskRequest, response: taskDetail, status: 201 }, ({ actor, body }) =>
    createTask(db, actor, body),
  );
  routes.post(
    '/tasks/from-target',
    { policy: TASK_SETTER_ROLES, body: taskFromTargetRequest, response: taskDetail, status: 201 },
    ({ actor, body }) => createTaskFromTarget(db, actor, body),
  );
  routes.get('/assignees', { policy: TASK_SETTER_ROLES, response: taskAssigneesResponse }, ({ actor }) => listTaskAssignees(db, actor));
  const task = keyedRoutes(routes, db, taskParams);
  task.get('/tasks/:id', { policy: TASK_READER_ROLES, response: taskDetail }, getTask);
  task.post('/tasks/:id/actions', { policy: TASK_ACTOR_ROLES, body: taskActionRequest, response: taskDetail }, actOnTask);
});
