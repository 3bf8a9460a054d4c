import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppConfig } from './config.js';
import type { Database } from './db/client.js';
import { AppError, toAppError } from './lib/errors.js';
import { sendError } from './lib/http.js';
import { onClientError, onFrameworkError, registerRequestGuards } from './lib/request-guards.js';
import { transformOpenApiObject } from './lib/openapi.js';
import { recordApiRoutes } from './lib/route-table.js';
import { registerAuth } from './modules/auth/auth.hooks.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { usersRoutes } from './modules/users/users.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { chainsRoutes } from './modules/chains/chains.routes.js';
import { chainsMapRoutes } from './modules/chains/chains.map.routes.js';
import { chainsProspectsRoutes } from './modules/chains/chains.prospects.routes.js';
import { industriesRoutes } from './modules/industries/industries.routes.js';
import { parksRoutes } from './modules/parks/parks.routes.js';
import { regionsRoutes } from './modules/regions/regions.routes.js';
import { enterprisesRoutes } from './modules/enterprises/enterprises.routes.js';
import { figuresRoutes } from './modules/figures/figures.routes.js';
import { monitoringRoutes } from './modules/monitoring/monitoring.routes.js';
import { periodsRoutes } from './modules/periods/periods.routes.js';
import { warningsRoutes } from './modules/warnings/warnings.routes.js';
import { calendarRoutes } from './modules/calendar/calendar.routes.js';
import { notificationsRoutes } from './modules/notifications/notifications.routes.js';
import { ticketsRoutes } from './modules/tickets/tickets.routes.js';
import { supervisionRoutes } from './modules/supervision/supervision.routes.js';
import { agendaRoutes } from './modules/agenda/agenda.routes.js';
import { projectsRoutes } from './modules/projects/projects.routes.js';
import { assessmentRoutes } from './modules/assessment/assessment.routes.js';
import { investorsRoutes } from './modules/investors/investors.routes.js';
import { attachmentsRoutes } from './modules/attachments/attachments.routes.js';
import { briefsRoutes } from './modules/briefs/briefs.routes.js';
import { workspaceRoutes } from './modules/workspace/workspace.routes.js';
import { jobsRoutes } from './modules/jobs/jobs.routes.js';
import { createJobRunner } from './modules/jobs/jobs.runner.js';
import { APP_VERSION } from './version.js';

export type AppDeps = {
  config: AppConfig;
  database: Database;
  /** Folder of the built SPA; not served when missing (API-only tests). */
  webDir?: string;
  logger?: boolean | object;
};

/** Builds the HTTP application: API under /api, OpenAPI docs, and the SPA on the same port. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const app = Fastify({
    logger: deps.logger ?? { level: config.LOG_LEVEL },
    bodyLimit: config.BODY_LIMIT_BYTES,
    // Fastify's own refusals (bad URL, too-long path parameter, unparsable HTTP) in the one error format.
    frameworkErrors: onFrameworkError,
    clientErrorHandler: onClientError,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Before any plugin: the authorisation matrix test checks every /api route, the docs included.
  recordApiRoutes(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd injects CSS-in-JS style tags; the swagger UI page needs inline styles too.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  // gzip (or deflate) for text answers over 1 KB when the client accepts it: JSON, the SPA's scripts,
  // styles and SVG. Downloads (xlsx, docx, pdf, zip, images) are compressed already and sent as they are.
  await app.register(compress, {
    threshold: 1024,
    encodings: ['gzip', 'deflate'],
    customTypes: /^(application\/(json|javascript|x-ndjson)|text\/|image\/svg\+xml)/,
  });
  await app.register(cookie);
  // preHandler: the login limit is keyed by address and username, so it needs the parsed body.
  await app.register(rateLimit, { global: false, hook: 'preHandler' });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'ChainChief (链长通) API', version: APP_VERSION },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'cc_session' } } },
    },
    transform: jsonSchemaTransform,
    transformObject: transformOpenApiObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  // Every API route must state its access policy; a route without one is a bug caught at start.
  app.addHook('onRoute', (route) => {
    const url = route.url;
    if (!url.startsWith('/api/') || url.startsWith('/api/docs')) return;
    if (route.config?.policy === undefined) throw new Error(`Route ${route.method} ${url} has no access policy (config.policy)`);
  });

  registerRequestGuards(app, config.PUBLIC_ORIGIN);
  registerAuth(app, config, database);

  app.setErrorHandler((err, request, reply) => {
    const { error, unexpected } = toAppError(err, { bodyLimitBytes: config.BODY_LIMIT_BYTES });
    if (unexpected) request.log.error({ err }, 'unhandled error');
    return sendError(request, reply, error);
  });

  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url === '/api';
    const indexFile = deps.webDir ? path.join(deps.webDir, 'index.html') : null;
    if (!isApi && request.method === 'GET' && indexFile && fs.existsSync(indexFile)) {
      // Client-side routes: the SPA handles them.
      return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendError(request, reply, new AppError('not_found', { details: { method: request.method, url: request.url.split('?')[0] } }));
  });

  // Long jobs (imports, publication, briefs): pg-boss on PostgreSQL, in-process on the embedded database.
  const jobs = createJobRunner(database, {
    workers: config.JOB_WORKERS,
    log: app.log,
    retentionDays: config.JOB_RETENTION_DAYS,
    staleSeconds: config.JOB_STALE_SECONDS,
  });
  app.addHook('onReady', () => jobs.start());
  app.addHook('onClose', () => jobs.stop());

  await app.register(healthRoutes(database, { lagWarnSeconds: config.REPLICA_LAG_WARN_SECONDS }), { prefix: '/api' });
  await app.register(authRoutes(config, database), { prefix: '/api/auth' });
  await app.register(usersRoutes(database), { prefix: '/api/users' });
  await app.register(auditRoutes(database), { prefix: '/api/audit' });
  await app.register(chainsRoutes(database), { prefix: '/api/chains' });
  await app.register(chainsMapRoutes(database), { prefix: '/api/chains' });
  await app.register(chainsProspectsRoutes(database), { prefix: '/api/chains' });
  await app.register(industriesRoutes(database), { prefix: '/api/industries' });
  await app.register(parksRoutes(database), { prefix: '/api/parks' });
  await app.register(regionsRoutes(database), { prefix: '/api/regions' });
  await app.register(enterprisesRoutes(database), { prefix: '/api/enterprises' });
  await app.register(figuresRoutes(database, jobs), { prefix: '/api/figures' });
  await app.register(monitoringRoutes(database), { prefix: '/api/monitoring' });
  await app.register(warningsRoutes(database), { prefix: '/api/warnings' });
  await app.register(periodsRoutes(database), { prefix: '/api/periods' });
  await app.register(calendarRoutes(database), { prefix: '/api/calendar' });
  await app.register(ticketsRoutes(database), { prefix: '/api/tickets' });
  await app.register(notificationsRoutes(database), { prefix: '/api/notifications' });
  await app.register(supervisionRoutes(database), { prefix: '/api/supervision' });
  await app.register(agendaRoutes(database), { prefix: '/api/agenda' });
  await app.register(projectsRoutes(database), { prefix: '/api/projects' });
  await app.register(assessmentRoutes(database), { prefix: '/api/assessment' });
  await app.register(investorsRoutes(database), { prefix: '/api/investors' });
  await app.register(attachmentsRoutes(database), { prefix: '/api/attachments' });
  await app.register(briefsRoutes(database), { prefix: '/api/briefs' });
  await app.register(workspaceRoutes(database), { prefix: '/api/workspace' });
  await app.register(jobsRoutes(database, jobs), { prefix: '/api/jobs' });

  app.get('/api/openapi.json', { config: { policy: 'public' }, schema: { hide: true } }, async () => app.swagger());

  if (deps.webDir && fs.existsSync(deps.webDir)) {
    await app.register(fastifyStatic, {
      root: path.resolve(deps.webDir),
      wildcard: false,
      index: ['index.html'],
      // Vite names every built asset by its content hash, so a browser may keep it for good; the
      // page itself is revalidated, so a new version is picked up at the next load.
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        const isAsset = path.relative(path.resolve(deps.webDir ?? ''), filePath).startsWith(`assets${path.sep}`);
        reply.header('cache-control', isAsset ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  return app;
}
