import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponse } from '../../../shared/contracts/common.js';
import { healthResponse } from '../../../shared/contracts/health.js';
import type { Database } from '../../db/client.js';
import { replicaLagSeconds } from '../../db/replica.js';
import { AppError } from '../../lib/errors.js';
import { APP_VERSION } from '../../version.js';

export function healthRoutes(database: Database, options: { lagWarnSeconds: number } = { lagWarnSeconds: 5 }): FastifyPluginAsyncZod {
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
        const base = { status: 'ok' as const, database: database.kind, version: APP_VERSION };
        if (!database.read) return base;
        // The replica down is not the app down: its reads fail, the rest works.
        const lagSeconds = await replicaLagSeconds(database).catch(() => null);
        const warnOverSeconds = options.lagWarnSeconds;
        return { ...base, replica: { lagSeconds, warnOverSeconds, lagging: lagSeconds === null || lagSeconds > warnOverSeconds } };
      },
    );
  };
}
