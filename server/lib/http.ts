import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DataVersions } from '../db/versions.js';
import type { Role } from '../../shared/roles.js';
import { pickLocale, type Locale } from '../../shared/i18n/index.js';
import type { Actor } from './actor.js';
import { AppError } from './errors.js';

/**
 * Every API route declares a policy in `config.policy`; the server refuses to start when one is
 * missing. `public`: anyone. `session`: any logged-in user (the service checks data scope).
 * A role list: only those roles.
 */
export type RoutePolicy = 'public' | 'session' | readonly Role[];

declare module 'fastify' {
  // Module augmentation needs interfaces.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface FastifyRequest {
    actor: Actor | null;
    session: { token: string; csrfToken: string; expiresAt: Date } | null;
    /** The data tokens read for this request's session (server/db/versions.ts): a cached answer reuses them. */
    dataVersions: DataVersions | null;
  }
}

export function localeOf(request: FastifyRequest): Locale {
  const header = request.headers['x-locale'];
  if (header === 'en' || header === 'zh-CN') return header;
  return pickLocale(request.headers['accept-language']);
}

/** The logged-in actor of a route whose policy requires a session. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated');
  return request.actor;
}

/** The one error body, `{ error: { code, message, details } }`, in the caller's language. */
export function errorBody(error: AppError, locale: Locale) {
  return { error: { code: error.code, message: error.localized(locale), details: error.details } };
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  return reply.status(error.status).send(errorBody(error, localeOf(request)));
}
