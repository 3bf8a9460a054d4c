import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { loginRequest, sessionResponse } from '../../../shared/contracts/auth.js';
import { errorResponse, okResponse } from '../../../shared/contracts/common.js';
import type { AppConfig } from '../../config.js';
import type { Database } from '../../db/client.js';
import { actorOf } from '../../lib/http.js';
import { SESSION_COOKIE } from './auth.hooks.js';
import { login, logout } from './auth.service.js';
import { createLoginLimiter } from './login-limits.js';

export function authRoutes(config: AppConfig, database: Database): FastifyPluginAsyncZod {
  const policy = { ttlHours: config.SESSION_TTL_HOURS, idleMinutes: config.SESSION_IDLE_MINUTES };
  const guard = {
    limiter: createLoginLimiter({ perAccount: config.LOGIN_RATE_LIMIT, perIp: config.LOGIN_IP_RATE_LIMIT }),
    lockoutThreshold: config.LOGIN_LOCKOUT_THRESHOLD,
  };
  return async (app) => {
    app.post(
      '/login',
      {
        // Failed logins only are limited, per address+username and per address (login-limits.ts).
        config: { policy: 'public' },
        schema: {
          tags: ['auth'],
          body: loginRequest,
          response: { 200: sessionResponse, 401: errorResponse, 429: errorResponse },
        },
      },
      async (request, reply) => {
        const { token, ...session } = await login(database.db, request.body, policy, request.ip, guard);
        const secure = config.COOKIE_SECURE === 'auto' ? request.protocol === 'https' : config.COOKIE_SECURE === 'true';
        reply.setCookie(SESSION_COOKIE, token, {
          httpOnly: true,
          sameSite: 'strict',
          secure,
          path: '/',
          expires: new Date(session.expiresAt),
        });
        return session;
      },
    );

    app.post(
      '/logout',
      { config: { policy: 'session' }, schema: { tags: ['auth'], response: { 200: okResponse, 401: errorResponse } } },
      async (request, reply) => {
        await logout(database.db, request.session?.token ?? '', actorOf(request));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );

    app.get(
      '/me',
      { config: { policy: 'session' }, schema: { tags: ['auth'], response: { 200: sessionResponse, 401: errorResponse } } },
      async (request) => {
        const { ip: _ip, system: _system, ...user } = actorOf(request);
        return { user, csrfToken: request.session?.csrfToken ?? '', expiresAt: request.session?.expiresAt.toISOString() ?? '' };
      },
    );
  };
}
