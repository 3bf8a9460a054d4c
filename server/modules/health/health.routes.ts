import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponse } from '../../../shared/contracts/common.js';
import { healthResponse } from '../../../shared/contracts/health.js';
import type { Database } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { APP_VERSION } from '../../version.js';

export function healthRoutes(database: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health',
      { config: { policy: 'public' }, schema: { tags: ['system'], response: { 200: healthResponse, 503: errorResponse } } },
      async () => {
        try {
          await database.pool.query('select 1');
        } catch {
          throw new AppError('service_unavailable');
        }
        return { status: 'ok' as const, database: database.kind, version: APP_VERSION };
      },
    );
  };
}
