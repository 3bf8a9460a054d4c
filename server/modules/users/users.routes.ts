import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponse, okResponse } from '../../../shared/contracts/common.js';
import {
  createUserRequest,
  listUsersQuery,
  listUsersResponse,
  resetPasswordRequest,
  setStatsReviewerRequest,
  userItem,
} from '../../../shared/contracts/users.js';
import type { Database } from '../../db/client.js';
import { actorOf } from '../../lib/http.js';
import { createUser, listUsers, resetPassword, setStatsReviewer, unlockUser } from './users.service.js';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };

export function usersRoutes(database: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/',
      {
        config: { policy: ['admin'] },
        schema: { tags: ['users'], querystring: listUsersQuery, response: { 200: listUsersResponse, ...errors } },
      },
      async (request) => listUsers(database.db, actorOf(request), request.query),
    );
    app.post(
      '/',
      { config: { policy: ['admin'] }, schema: { tags: ['users'], body: createUserRequest, response: { 201: userItem, ...errors } } },
      async (request, reply) => reply.status(201).send(await createUser(database.db, actorOf(request), request.body)),
    );
    app.put(
      '/:id/stats-reviewer',
      {
        config: { policy: ['admin'] },
        schema: {
          tags: ['users'],
          params: z.object({ id: z.string().uuid() }),
          body: setStatsReviewerRequest,
          response: { 200: userItem, ...errors },
        },
      },
      async (request) =>
        setStatsReviewer(database.db, actorOf(request), { id: request.params.id }, request.body.statsReviewer, request.body.version),
    );
    app.post(
      '/:id/password',
      {
        config: { policy: ['admin'] },
        schema: {
          tags: ['users'],
          params: z.object({ id: z.string().uuid() }),
          body: resetPasswordRequest,
          response: { 200: okResponse, ...errors },
        },
      },
      async (request) => {
        await resetPassword(database.db, actorOf(request), { id: request.params.id }, request.body.password);
        return { ok: true as const };
      },
    );
    app.post(
      '/:id/unlock',
      {
        config: { policy: ['admin'] },
        schema: { tags: ['users'], params: z.object({ id: z.string().uuid() }), response: { 200: userItem, ...errors } },
      },
      async (request) => unlockUser(database.db, actorOf(request), { id: request.params.id }),
    );
  };
}
