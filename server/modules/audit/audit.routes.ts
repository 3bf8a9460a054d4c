import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listAuditQuery, listAuditResponse } from '../../../shared/contracts/audit.js';
import { errorResponse } from '../../../shared/contracts/common.js';
import type { Database } from '../../db/client.js';
import { actorOf } from '../../lib/http.js';
import { listAudit } from './audit.service.js';

export function auditRoutes(database: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/',
      {
        config: { policy: ['admin'] },
        schema: {
          tags: ['system'],
          querystring: listAuditQuery,
          response: { 200: listAuditResponse, 401: errorResponse, 403: errorResponse },
        },
      },
      async (request) => listAudit(database.db, actorOf(request), request.query),
    );
  };
}
