import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponse } from '../../../shared/contracts/common.js';
import {
  enterpriseFigures,
  figurePeriodParams,
  figuresParams,
  importFiguresQuery,
  importRejectedResponse,
  importReport,
  type ImportProgress,
  type ImportStreamLine,
  listFiguresQuery,
  listRevisionsResponse,
  putFigureRequest,
  putFigureResponse,
  rederiveResponse,
  staleDerivedResponse,
  templateQuery,
} from '../../../shared/contracts/figures.js';
import type { Database } from '../../db/client.js';
import { AppError, toAppError } from '../../lib/errors.js';
import { actorOf, errorBody, localeOf } from '../../lib/http.js';
import { contentDisposition, readUploadedFile, registerMultipart } from '../../lib/uploads.js';
import { routesOf } from '../../lib/routes.js';
import type { JobRunner } from '../jobs/jobs.runner.js';
import { startJob } from '../jobs/jobs.service.js';
import { job as jobResponse } from '../../../shared/contracts/jobs.js';
import { requireAccess } from '../access/access.policy.js';
import { canImportFigures } from './figures.policy.js';
import { localizeIssue } from './figures.issues.js';
import { ENTRY_ROLES, IMPORT_ROLES } from './figures.policy.js';
import { getEnterpriseFigures, getStaleDerived, listRevisions, putFigure, rederiveFigures } from './figures.service.js';
import { IMPORT_MAX_BYTES, importAnswerOf, importFigures } from './import/import.service.js';
import { buildTemplateCsv, buildTemplateXlsx } from './import/import.template.js';

const errors = {
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
  413: errorResponse,
  415: errorResponse,
  429: errorResponse,
};
const tags = ['figures'];

export function figuresRoutes(database: Database, jobs?: JobRunner): FastifyPluginAsyncZod {
  return async (app) => {
    // Multipart only inside this plugin (encapsulated), unless the app registered it already.
    await registerMultipart(app, IMPORT_MAX_BYTES);

    app.get(
      '/template',
      { config: { policy: IMPORT_ROLES }, schema: { tags, summary: '月度数据导入模板 (import template)', querystring: templateQuery } },
      async (request, reply) => {
        const xlsx = request.query.format === 'xlsx';
        const body = xlsx ? await buildTemplateXlsx() : buildTemplateCsv();
        return reply
          .type(xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8')
          .header(
            'content-disposition',
            contentDisposition(`月度数据导入模板.${xlsx ? 'xlsx' : 'csv'}`, `monthly-figures-template.${xlsx ? 'xlsx' : 'csv'}`),
          )
          .send(body);
      },
    );

    app.post(
      '/import',
      {
        config: { policy: IMPORT_ROLES },
        schema: {
          tags,
          summary: '导入月度数据 (import monthly figures; multipart file, options in the query)',
          querystring: importFiguresQuery,
          response: { 200: importReport, 202: jobResponse, 400: importRejectedResponse, ...errors },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const locale = localeOf(request);
        if (!request.isMultipart()) throw new AppError('unsupported_media_type', { messageKey: 'figures.error.notMultipart' });
        const file = await readUploadedFile(request, { maxBytes: IMPORT_MAX_BYTES, noFileKey: 'figures.error.noFile' });
        const data = file.data;
        const { progress, job, ...options } = request.query;
        if (job && jobs) {
          // As a job: the file is kept with it in the database, so any instance can run it (server/modules/jobs).
          requireAccess(canImportFigures(actor));
          const kept = { data, fileName: file.fileName || null };
          const started = await startJob(database.db, jobs, actor, { kind: 'figures_import', input: options, locale, file: kept });
          return reply.status(202).send(started);
        }
        const run = (onProgress?: (p: ImportProgress) => void) =>
          importFigures(database.db, actor, { source: { data }, fileName: file.fileName || null, ...options, onProgress });
        const answerOf = (outcome: Awaited<ReturnType<typeof run>>) => importAnswerOf(outcome, locale);
        if (!progress) {
          const { status, body } = answerOf(await run());
          return reply.status(status).send(body);
        }

        // NDJSON: progress lines (reading at most every 200 ms), then the result line.
        const stream = new PassThrough();
        const send = (line: ImportStreamLine) => stream.write(`${JSON.stringify(line)}\n`);
        let lastRead = 0;
        const onProgress = (p: ImportProgress) => {
          if (p.phase === 'read' && Date.now() - lastRead < 200) return;
          if (p.phase === 'read') lastRead = Date.now();
          send({ type: 'progress', ...p });
        };
        void run(onProgress)
          .then((outcome) => send({ type: 'result', ...answerOf(outcome) }))
          .catch((err: unknown) => {
            // The headers are gone: the failure is the stream's last line, in the one error format.
            const { error, unexpected } = toAppError(err);
            if (unexpected) request.log.error({ err }, 'import failed');
            send({ type: 'result', status: error.status, body: errorBody(error, locale) });
          })
          .finally(() => stream.end());
        return reply
          .header('cache-control', 'no-store')
          .type('application/x-ndjson; charset=utf-8')
          .send(stream as never); // a stream goes out as is, not through the response schema
      },
    );

    const routes = routesOf(app, { tags, errors });
    const { db } = database;
    routes.get(
      '/:uscc',
      {
        policy: 'session',
        summary: '企业月度数据 (a firm’s months of a year)',
        params: figuresParams,
        query: listFiguresQuery,
        response: enterpriseFigures,
      },
      ({ actor, params, query }) => getEnterpriseFigures(db, actor, params.uscc, query.year),
    );
    routes.get(
      '/:uscc/:period/revisions',
      {
        policy: 'session',
        summary: '某月数据的修订记录 (revisions of a month)',
        params: figurePeriodParams,
        response: listRevisionsResponse,
      },
      ({ actor, params }) => listRevisions(db, actor, params.uscc, params.period),
    );
    routes.put(
      '/:uscc/:period',
      {
        policy: ENTRY_ROLES,
        summary: '录入或更正某月数据；企业填报本企业数据 (enter or correct a month; an enterprise reports its own)',
        params: figurePeriodParams,
        body: putFigureRequest,
        response: putFigureResponse,
        errors: { 400: errorResponse },
      },
      async ({ actor, params, body, request }) => {
        const locale = localeOf(request);
        const result = await putFigure(db, actor, params.uscc, params.period, body);
        if (result.outcome === 'invalid') {
          throw new AppError('validation_failed', {
            messageKey: 'figures.error.entryRejected',
            params: { count: result.errors.length },
            details: result.errors.map((i) => localizeIssue(locale, i)),
          });
        }
        return {
          outcome: result.outcome,
          warnings: result.warnings.map((i) => localizeIssue(locale, i)),
          figure: result.figure,
          staleDerived: result.staleDerived,
        };
      },
    );
    routes.get(
      '/:uscc/derived',
      {
        policy: 'session',
        summary: '因修订而过时的推算当月 (derived months made stale by a revision)',
        params: figuresParams,
        response: staleDerivedResponse,
      },
      ({ actor, params }) => getStaleDerived(db, actor, params.uscc),
    );
    routes.post(
      '/:uscc/rederive',
      {
        policy: ENTRY_ROLES,
        summary: '按本年累计重新推算过时的当月 (re-derive stale months from their 累计)',
        params: figuresParams,
        response: rederiveResponse,
      },
      ({ actor, params }) => rederiveFigures(db, actor, params.uscc),
    );
  };
}
