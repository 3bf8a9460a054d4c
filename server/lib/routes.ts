// One way to declare an /api route: its policy, its zod schemas and the service call, in one statement.
// The schemas go into Fastify's route schema unchanged (validation, serialisation and the OpenAPI
// document read them there), and the handler gets the caller and the parsed input.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { deleteVersionQuery, errorResponse, okResponse } from '../../shared/contracts/common.js';
import type { Database, Db } from '../db/client.js';
import type { Actor } from './actor.js';
import { callerKeyOf, type AnswerCache } from './answer-cache.js';
import { todayInShanghai } from './calendar.js';
import { actorOf, localeOf, type RoutePolicy } from './http.js';

/** The error answers of most routes (bad input, no session, no access, not found, conflict). */
export const API_ERRORS = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };

/** {@link API_ERRORS} and 422 (a rule of the workflow or the calendar refused the input). */
export const API_ERRORS_422 = { ...API_ERRORS, 422: errorResponse };

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export type RouteSpec<P, Q, B, R extends z.ZodType> = {
  policy: RoutePolicy;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /** 201 for a route that creates; 202 for one that starts a job; 200 otherwise. */
  status?: 200 | 201 | 202;
  /** One line for the OpenAPI document, where the URL does not say it. */
  summary?: string;
  /** Error answers of this route besides the plugin's. */
  errors?: Record<number, z.ZodType>;
  /**
   * A GET whose answer is kept, serialised, under a data version (server/lib/answer-cache.ts): the
   * answer must depend only on the data the version follows, the address and the caller's role and scopes.
   */
  cache?: AnswerCache | ((actor: Actor) => AnswerCache);
};

export type RouteInput<P, Q, B> = {
  /** The logged-in caller (a route whose policy lets anyone in must not read it). */
  actor: Actor;
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
  request: FastifyRequest;
  reply: FastifyReply;
};

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Declare = <P extends z.ZodType | undefined, Q extends z.ZodType | undefined, B extends z.ZodType | undefined, R extends z.ZodType>(
  url: string,
  spec: RouteSpec<P, Q, B, R>,
  handler: (input: RouteInput<P, Q, B>) => Promise<z.input<R>>,
) => void;

type DeclareRemove = <P extends z.ZodType | undefined, Q extends z.ZodType | undefined>(
  url: string,
  spec: Omit<RouteSpec<P, Q, undefined, z.ZodType>, 'response' | 'status' | 'body'>,
  handler: (input: RouteInput<P, Q, undefined>) => Promise<unknown>,
) => void;

type DeclareConfirm<M> = <P extends z.ZodType | undefined, Q extends z.ZodType | undefined, B extends z.ZodType | undefined>(
  method: M,
  url: string,
  spec: Omit<RouteSpec<P, Q, B, z.ZodType>, 'response' | 'status'>,
  handler: (input: RouteInput<P, Q, B>) => Promise<unknown>,
) => void;

export type Routes = {
  get: Declare;
  post: Declare;
  put: Declare;
  patch: Declare;
  delete: Declare;
  /** A DELETE that answers `{ ok: true }` once `handler` has done its work. */
  remove: DeclareRemove;
  /** A POST or PUT that answers `{ ok: true }` (200) once `handler` has done its work. */
  confirm: DeclareConfirm<'POST' | 'PUT'>;
};

type App = Parameters<FastifyPluginAsyncZod>[0];

/** The answer of a route that only confirms (`okResponse`). */
export const OK = { ok: true as const };

/**
 * The route declarations of one plugin: `routes.get(url, { policy, query, response }, ({ actor, query }) => …)`.
 * `tags` name the OpenAPI group; `errors` the error answers listed for every route (default {@link API_ERRORS}).
 */
export function routesOf(app: App, options: { tags: string[]; errors?: Record<number, z.ZodType> }): Routes {
  const errors = options.errors ?? API_ERRORS;
  const declare = (method: Method): Declare =>
    function route<P, Q, B, R extends z.ZodType>(
      url: string,
      spec: RouteSpec<P, Q, B, R>,
      handler: (input: RouteInput<P, Q, B>) => Promise<z.input<R>>,
    ) {
      const status = spec.status ?? 200;
      app.route({
        method,
        url,
        config: { policy: spec.policy },
        schema: {
          tags: options.tags,
          ...(spec.summary ? { summary: spec.summary } : {}),
          ...(spec.params ? { params: spec.params } : {}),
          ...(spec.query ? { querystring: spec.query } : {}),
          ...(spec.body ? { body: spec.body } : {}),
          response: { [status]: spec.response, ...spec.errors, ...errors },
        },
        handler: async (request, reply) => {
          const input = {
            get actor() {
              return actorOf(request);
            },
            params: request.params,
            query: request.query,
            body: request.body,
            request,
            reply,
          };
          // The route's zod schemas (above) parsed params, querystring and body before any handler runs.
          const run = () => handler(input as RouteInput<P, Q, B>);
          if (!spec.cache) return reply.status(status).send(await run());
          const cache = typeof spec.cache === 'function' ? spec.cache(actorOf(request)) : spec.cache;
          reply.status(status);
          const key = JSON.stringify([
            method,
            request.routeOptions.url,
            request.params,
            request.query,
            callerKeyOf(actorOf(request)),
            localeOf(request),
            todayInShanghai(),
          ]);
          // The text the route's response schema makes (validated as for any answer), kept as bytes and sent as they are.
          const body = await cache.get(
            key,
            async () => {
              const serialised = reply.serialize(await run());
              return typeof serialised === 'string' ? serialised : new TextDecoder().decode(serialised);
            },
            cache.ownVersions ? undefined : (request.dataVersions ?? undefined),
          );
          return reply.type('application/json; charset=utf-8').send(body);
        },
      });
    };
  const confirm: DeclareConfirm<'POST' | 'PUT' | 'DELETE'> = (method, url, spec, handler) =>
    declare(method)(url, { ...spec, response: okResponse }, async (input) => {
      await handler(input);
      return OK;
    });
  return {
    get: declare('GET'),
    post: declare('POST'),
    put: declare('PUT'),
    patch: declare('PATCH'),
    delete: declare('DELETE'),
    remove: (url, spec, handler) => confirm('DELETE', url, spec, handler),
    confirm,
  };
}

/**
 * A plugin of `/api` routes under one OpenAPI tag: `export const parksRoutes = routePlugin('parks', (routes, { db }) => …)`,
 * registered as `app.register(parksRoutes(database), { prefix: '/api/parks' })`. `app` is there for a route
 * that lists other error answers (`routesOf(app, { tags, errors })`); `options.errors` replaces
 * {@link API_ERRORS} for every route of the plugin.
 */
export function routePlugin(
  tag: string,
  declare: (routes: Routes, database: Database, app: App) => void | Promise<void>,
  options: { errors?: Record<number, z.ZodType> } = {},
): (database: Database) => FastifyPluginAsyncZod {
  return (database) => async (app) => declare(routesOf(app, { tags: [tag], ...options }), database, app);
}

/** Only the administrator: the policy of every master-data write. */
export const ADMIN = ['admin'] as const;

/**
 * The schemas of a master-data record addressed by one key (`code`, `id`): the key in the address,
 * the bodies of its create and update, and the record a write answers. Declared in its contract.
 */
export type RecordContract<K extends string, Key, C extends z.ZodType, U extends z.ZodType, R extends z.ZodType> = {
  /** The key alone, `z.object({ code: … })`: its one field names the address parameter. */
  params: z.ZodType<Record<K, Key>> & { shape: Record<K, z.ZodType> };
  create: C;
  update: U;
  response: R;
};

/** The service calls behind a record's writes, with the signatures every master-data service has. */
export type RecordWrites<Key, C, U, R> = {
  create: (db: Db, actor: Actor, body: C) => Promise<R>;
  update: (db: Db, actor: Actor, key: Key, patch: U) => Promise<R>;
  remove: (db: Db, actor: Actor, key: Key, expectedVersion?: number) => Promise<void>;
};

/**
 * The writes of a master-data record: `POST /` (201), `PATCH /:key` and `DELETE /:key?version=N` (the
 * version the confirm dialog showed). `policy` is one for all three or one per write (a chain's
 * 链长 edits it but only the admin creates or deletes one).
 */
export function recordRoutes<K extends string, Key, C extends z.ZodType, U extends z.ZodType, R extends z.ZodType>(
  routes: Routes,
  db: Db,
  policy: RoutePolicy | { create: RoutePolicy; update: RoutePolicy; remove: RoutePolicy },
  contract: RecordContract<K, Key, C, U, R>,
  writes: RecordWrites<Key, Out<C>, Out<U>, z.input<R>>,
): void {
  const policies = typeof policy === 'object' && 'create' in policy ? policy : { create: policy, update: policy, remove: policy };
  const { params, response } = contract;
  // `shape` holds exactly the key's field (RecordContract): its name is K.
  const key = Object.keys(params.shape)[0] as K;
  const url = `/:${key}`;
  routes.post('/', { policy: policies.create, body: contract.create, response, status: 201 }, ({ actor, body }) =>
    writes.create(db, actor, body),
  );
  routes.patch(url, { policy: policies.update, params, body: contract.update, response }, ({ actor, params, body }) =>
    writes.update(db, actor, params[key], body),
  );
  routes.remove(url, { policy: policies.remove, params, query: deleteVersionQuery }, ({ actor, params, query }) =>
    writes.remove(db, actor, params[key], query.version),
  );
}

/** The service calls on one record addressed by its key: `(db, actor, key)` to read, `(db, actor, key, body)` to write. */
type ReadById<Key, R extends z.ZodType> = (db: Db, actor: Actor, key: Key) => Promise<z.input<R>>;
type WriteById<Key, B extends z.ZodType, R extends z.ZodType> = (db: Db, actor: Actor, key: Key, body: Out<B>) => Promise<z.input<R>>;

/**
 * The routes of one record addressed by a single key in its URL (`/schemes/:id`), each a service call
 * with the key: `const scheme = keyedRoutes(routes, db, schemeParams); scheme.get('/schemes/:id', { policy, response }, getScheme)`.
 * `params` holds exactly the key's field (as in {@link RecordContract}); the other spec fields are as for `routes.get` and the rest.
 */
export function keyedRoutes<K extends string, Key>(
  routes: Routes,
  db: Db,
  params: z.ZodType<Record<K, Key>> & { shape: Record<K, z.ZodType> },
) {
  // `shape` holds exactly the key's field: its name is K.
  const key = Object.keys(params.shape)[0] as K;
  const write =
    (method: 'post' | 'put' | 'patch') =>
    <B extends z.ZodType, R extends z.ZodType>(
      url: string,
      spec: Omit<RouteSpec<undefined, undefined, B, R>, 'params' | 'query'>,
      service: WriteById<Key, B, R>,
    ) =>
      routes[method](url, { ...spec, params }, ({ actor, params, body }) => service(db, actor, params[key], body));
  const read =
    (method: 'get' | 'post') =>
    <R extends z.ZodType>(
      url: string,
      spec: Omit<RouteSpec<undefined, undefined, undefined, R>, 'params' | 'query' | 'body'>,
      service: ReadById<Key, R>,
    ) =>
      routes[method](url, { ...spec, params }, ({ actor, params }) => service(db, actor, params[key]));
  return {
    get: read('get'),
    /** A POST on the record with no body (an action such as 开始评分). */
    act: read('post'),
    post: write('post'),
    put: write('put'),
    patch: write('patch'),
  };
}
