import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { generateBriefRequest } from '../../../shared/contracts/briefs.js';
import { job, jobParams } from '../../../shared/contracts/jobs.js';
import { periodParam } from '../../../shared/contracts/periods.js';
import type { Database } from '../../db/client.js';
import { localeOf } from '../../lib/http.js';
import { routesOf } from '../../lib/routes.js';
import { requireAccess } from '../access/access.policy.js';
import { BRIEF_ROLES, canGenerateBrief } from '../briefs/briefs.policy.js';
import { canMovePeriod, PERIOD_MOVE_ROLES } from '../periods/periods.policy.js';
import type { JobRunner } from './jobs.runner.js';
import { createJob, getJob } from './jobs.service.js';

/**
 * Long jobs: `GET /api/jobs/:id` (its starter and admins), and the jobs without a file:
 * `POST /api/jobs/publish/:period` (publication of a month) and `POST /api/jobs/briefs` (a brief's
 * generation), each answering 202 with the job. The figures import starts its job with
 * `POST /api/figures/import?job=true`. The synchronous routes stay as they were.
 */
export function jobsRoutes(database: Database, runner: JobRunner): FastifyPluginAsyncZod {
  return async (app) => {
    const routes = routesOf(app, { tags: ['jobs'] });
    const { db } = database;
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
