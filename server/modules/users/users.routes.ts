import { z } from 'zod';
import {
  createUserRequest,
  listUsersQuery,
  listUsersResponse,
  resetPasswordRequest,
  resetPasswordResponse,
  scopeOptionsQuery,
  scopeOptionsResponse,
  setStatsReviewerRequest,
  setUserActiveRequest,
  updateUserRequest,
  userItem,
} from '../../../shared/contracts/users.js';
import { ADMIN, routePlugin } from '../../lib/routes.js';
import { listScopeOptions } from './users.scopes.js';
import { createUser, listUsers, resetPassword, setStatsReviewer, setUserActive, unlockUser, updateUser } from './users.service.js';

const userParams = z.object({ id: z.uuid() });

export const usersRoutes = routePlugin('users', (routes, { db }) => {
  const policy = ADMIN;
  routes.get('/', { policy, query: listUsersQuery, response: listUsersResponse }, ({ actor, query }) => listUsers(db, actor, query));
  routes.post('/', { policy, body: createUserRequest, response: userItem, status: 201 }, ({ actor, body }) => createUser(db, actor, body));
  routes.get(
    '/scope-options',
    { policy, query: scopeOptionsQuery, response: scopeOptionsResponse, summary: 'Choices of the scope picker, searched by name or code' },
    ({ actor, query }) => listScopeOptions(db, actor, query),
  );
  routes.put('/:id', { policy, params: userParams, body: updateUserRequest, response: userItem }, ({ actor, params, body }) =>
    updateUser(db, actor, params.id, body),
  );
  routes.put('/:id/active', { policy, params: userParams, body: setUserActiveRequest, response: userItem }, ({ actor, params, body }) =>
    setUserActive(db, actor, params.id, body.active, body.version),
  );
  routes.put(
    '/:id/stats-reviewer',
    { policy, params: userParams, body: setStatsReviewerRequest, response: userItem },
    ({ actor, params, body }) => setStatsReviewer(db, actor, { id: params.id }, body.statsReviewer, body.version),
  );
  routes.post(
    '/:id/password',
    { policy, params: userParams, body: resetPasswordRequest, response: resetPasswordResponse },
    ({ actor, params, body }) => resetPassword(db, actor, { id: params.id }, body.password),
  );
  routes.post('/:id/unlock', { policy, params: userParams, response: userItem }, ({ actor, params }) =>
    unlockUser(db, actor, { id: params.id }),
  );
});
