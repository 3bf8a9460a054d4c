import { z } from 'zod';
import { okResponse } from '../../../shared/contracts/common.js';
import {
  createUserRequest,
  listUsersQuery,
  listUsersResponse,
  resetPasswordRequest,
  setStatsReviewerRequest,
  userItem,
} from '../../../shared/contracts/users.js';
import { ADMIN, OK, routePlugin } from '../../lib/routes.js';
import { createUser, listUsers, resetPassword, setStatsReviewer, unlockUser } from './users.service.js';

const userParams = z.object({ id: z.string().uuid() });

export const usersRoutes = routePlugin('users', (routes, { db }) => {
  const policy = ADMIN;
  routes.get('/', { policy, query: listUsersQuery, response: listUsersResponse }, ({ actor, query }) => listUsers(db, actor, query));
  routes.post('/', { policy, body: createUserRequest, response: userItem, status: 201 }, ({ actor, body }) => createUser(db, actor, body));
  routes.put(
    '/:id/stats-reviewer',
    { policy, params: userParams, body: setStatsReviewerRequest, response: userItem },
    ({ actor, params, body }) => setStatsReviewer(db, actor, { id: params.id }, body.statsReviewer, body.version),
  );
  routes.post(
    '/:id/password',
    { policy, params: userParams, body: resetPasswordRequest, response: okResponse },
    async ({ actor, params, body }) => {
      await resetPassword(db, actor, { id: params.id }, body.password);
      return OK;
    },
  );
  routes.post('/:id/unlock', { policy, params: userParams, response: userItem }, ({ actor, params }) =>
    unlockUser(db, actor, { id: params.id }),
  );
});
