import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../../config.js';
import type { Database } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { csrfMatches, resolveSession } from './auth.service.js';

export const SESSION_COOKIE = 'cc_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Enforces each route's policy before anything else runs: finds the session from the cookie,
 * checks the role, and for state-changing requests checks the `X-CSRF-Token` header against the
 * session's token (SameSite=Strict already blocks cross-site cookies; this is the second lock).
 */
export function registerAuth(app: FastifyInstance, config: AppConfig, database: Database): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.decorateRequest('dataVersions', null);

  app.addHook('onRequest', async (request, reply) => {
    const policy = request.routeOptions.config?.policy;
    if (policy === undefined || policy === 'public') return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) throw new AppError('unauthenticated');
    try {
      const session = await resolveSession(
        database.db,
        token,
        { ttlHours: config.SESSION_TTL_HOURS, idleMinutes: config.SESSION_IDLE_MINUTES },
        request.ip,
      );
      request.actor = session.actor;
      request.session = { token, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
      request.dataVersions = session.versions;
    } catch (err) {
      if (err instanceof AppError) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      throw err;
    }
    if (Array.isArray(policy) && !policy.includes(request.actor.role)) throw new AppError('forbidden');
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (!csrfMatches(request.session?.csrfToken ?? '', typeof header === 'string' ? header : undefined)) {
        throw new AppError('csrf_failed');
      }
    }
  });
}
