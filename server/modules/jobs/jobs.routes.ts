import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { generateBriefRequest } from '../../../shared/contracts/briefs.js';
import { job, jobParams } from '../../../shared/contracts/jobs.js';
import { periodParam } from '../../../shared/contracts/periods.js';
import type { Database } from '../../db/client.js';
import { localeOf } from '../../lib/http.js';
import { ADMIN, routesOf } from '../../lib/routes.js';
import { readUploadedFile, registerMultipart, uploadTooLarge } from '../../lib/uploads.js';
import { errorResponse } from '../../../shared/contracts/common.js';
import { importQuery } from '../../../shared/contracts/enterprises.js';
import { IMPORT_MAX_BYTES as ENTERPRISE_IMPORT_MAX_BYTES } from '../enterprises/import/import.service.js';
import { requireAccess } from '../access/access.policy.js';
import { BRIEF_ROLES, canGenerateBrief } from '../briefs/briefs.policy.js';
import { canMovePeriod, PERIOD_MOVE_ROLES } from '../periods/periods.policy.js';
import type { JobRunner } from './jobs.runner.js';
import { createJob, getJob } from './jobs.service.js';

/**
 * Long jobs: `GET /api/jobs/:id` (its starter and admins), and the jobs without a file:
 * `POST /api/jobs/publish/:period` (publication of a month), `POST /api/jobs/briefs` (a brief's
 * generation) and `POST /api/jobs/enterprises-import` (the register's import, its file kept with the
 * job), each answering 202 with the job. The figures import starts its job with
 * `POST /api/figures/import?job=true`. The synchronous routes stay as they were.
 */
export function jobsRoutes(database: Database, runner: JobRunner): FastifyPluginAsyncZod {
  return async (app) => {
    const routes = routesOf(app, { tags: ['jobs'] });
    const { db } = database;
    // The enterprise import's file, within its own limit (as its synchronous route reads it).
    await registerMultipart(app, ENTERPRISE_IMPORT_MAX_BYTES);
    routes.post(
      '/enterprises-import',
      {
        policy: ADMIN,
        summary: '后台导入企业名录 (import the enterprise register as a job; multipart file, options in the query)',
        query: importQuery,
        response: job,
        status: 202,
        errors: { 413: errorResponse },
      },
      async ({ actor, query, request }) => {
        const upload = await readUploadedFile(request, {
          maxBytes: ENTERPRISE_IMPORT_MAX_BYTES,
          tooLarge: () => uploadTooLarge(ENTERPRISE_IMPORT_MAX_BYTES, 'enterprises.import.tooLarge'),
          noFileKey: 'enterprises.import.noFile',
        });
        const input = {
          dryRun: query.dryRun === 'true',
          mode: query.mode,
          acceptWarnings: query.acceptWarnings === 'true',
          ...(query.effectiveFromYear === undefined ? {} : { effectiveFromYear: query.effectiveFromYear }),
        };
        const started = await createJob(db, actor, {
          kind: 'enterprises_import',
          input,
          locale: localeOf(request),
          file: { data: upload.data, fileName: upload.fileName || null },
        });
        await runner.dispatch(started.id);
        return started;
      },
    );
    routes.get(
      '/:id',
      { policy: 'session', summary: '长任务的进度与结果 (a long job: progress and result)', params: jobParams, response: job },
      ({ actor, params }) => getJob(db, actor, params.id, runner.live),
    );
    routes.post(
      '/publish/:period',
      { policy: PERIOD_MOVE_ROLES, summary: '后台发布某月 (publish a month as a job)', params: periodParam, response: job, status: 202 },
      async ({ actor, params, request }) => {
        requireAccess(canMovePeriod(actor));
        const started = await createJob(db, actor, { kind: 'period_publish', input: { period: params.period }, locale: localeOf(request) });
        await runner.dispatch(started.id);
        return started;
      },
    );
    routes.post(
      '/briefs',
      { policy: BRIEF_ROLES, summary: '后台生成简报 (generate a brief as a job)', body: generateBriefRequest, response: job, status: 202 },
      async ({ actor, body, request }) => {
        requireAccess(canGenerateBrief(actor, { kind: body.kind, chainCode: body.chainCode ?? null, regionCode: body.regionCode ?? null }));
        const started = await createJob(db, actor, { kind: 'brief_generate', input: body, locale: localeOf(request) });
        await runner.dispatch(started.id);
        return started;
      },
    );
  };
}
