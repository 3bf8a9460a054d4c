import type { FastifyInstance } from 'fastify';
import type { RoutePolicy } from './http.js';

/** One registered API route: method, URL pattern as Fastify knows it (`/api/chains/:code`), its policy. */
export type ApiRoute = { method: string; url: string; policy: RoutePolicy | undefined };

const tables = new WeakMap<FastifyInstance, ApiRoute[]>();

/**
 * Starts recording the app's `/api` routes (call before any route is registered). The authorisation
 * matrix test reads the table, so a route added without a row in `server/test/authz-matrix.ts` fails.
 * A prefixed `/` route is registered with and without the trailing slash: it is recorded once.
 */
export function recordApiRoutes(app: FastifyInstance): void {
  const table: ApiRoute[] = [];
  tables.set(app, table);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    const url = route.url.length > 1 && route.url.endsWith('/') ? route.url.slice(0, -1) : route.url;
    for (const method of [route.method].flat()) {
      if (!table.some((r) => r.method === method && r.url === url)) table.push({ method, url, policy: route.config?.policy });
    }
  });
}

/** The recorded `/api` routes of an app built by buildApp, in registration order. */
export function apiRoutesOf(app: FastifyInstance): readonly ApiRoute[] {
  return tables.get(app) ?? [];
}
