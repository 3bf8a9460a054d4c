import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BRIEF_ROLES, generateBriefRequest } from '../../../shared/contracts/briefs.js';
import { chainListImportQuery, chainListParams } from '../../../shared/contracts/chain-prospects.js';
import { job, jobParams } from '../../../shared/contracts/jobs.js';
import { periodParam } from '../../../shared/contracts/periods.js';
import { projectImportQuery } from '../../../shared/contracts/projects.js';
import type { Database } from '../../db/client.js';
import { localeOf } from '../../lib/http.js';
import { ADMIN, routesOf } from '../../lib/routes.js';
import { readUploadedFile, registerMultipart, uploadTooLarge, type UploadRules } from '../../lib/uploads.js';
import { errorResponse } from '../../../shared/contracts/common.js';
import { importQuery } from '../../../shared/contracts/enterprises.js';
import { IMPORT_MAX_BYTES as ENTERPRISE_IMPORT_MAX_BYTES } from '../enterprises/import/import.service.js';
import { requireAccess } from '../access/access.policy.js';
import { canGenerateBrief } from '../briefs/briefs.policy.js';
import { IMPORT_LISTS, LIST_UPLOAD } from '../chains/chains.import.js';
import { requireListAccess } from '../chains/chains.lists.js';
import { CHAIN_LIST_WRITERS } from '../chains/chains.policy.js';
import { canMovePeriod, PERIOD_MOVE_ROLES } from '../periods/periods.policy.js';
import { PROJECT_IMPORT_MAX_BYTES } from '../projects/import/import.service.js';
import { isProjectWriter, PROJECT_WRITERS } from '../projects/projects.policy.js';
import type { JobRunner } from './jobs.runner.js';
import { getJob, startJob } from './jobs.service.js';

/** The enterprise import's file, within its own limit (as its synchronous route reads it). */
const ENTERPRISE_UPLOAD: UploadRules = {
  maxBytes: ENTERPRISE_IMPORT_MAX_BYTES,
  tooLarge: () => uploadTooLarge(ENTERPRISE_IMPORT_MAX_BYTES, 'enterprises.import.tooLarge'),
  noFileKey: 'enterprises.import.noFile',
};
const PROJECT_UPLOAD: UploadRules = { maxBytes: PROJECT_IMPORT_MAX_BYTES, noFileKey: 'figures.error.noFile' };
const chainListJobParams = chainListParams.extend({ list: z.enum(IMPORT_LISTS) });

/**
 * Long jobs: `GET /api/jobs/:id` (its starter and admins), and the jobs beside their synchronous
 * routes, each answering 202 with the job after the starter's access checks: `POST /api/jobs/publish/:period`
 * (publication of a month), `POST /api/jobs/briefs` (a brief's generation), and the imports whose file
 * is kept with the job: `POST /api/jobs/enterprises-import` (the register), `POST /api/jobs/projects-import`
 * (招商项目 or monthly investment) and `POST /api/jobs/chain-list-import/:code/:list` (a chain's 招商目标企业
 * or 科技成果). The figures import starts its job with `POST /api/figures/import?job=true`. The
 * synchronous routes stay as they were.
 */
export function jobsRoutes(database: Database, runner: JobRunner): FastifyPluginAsyncZod {
  return async (app) => {
    const routes = routesOf(app, { tags: ['jobs'] });
    const { db } = database;
    await registerMultipart(app, ENTERPRISE_IMPORT_MAX_BYTES);
    const fileOf = async (request: Parameters<typeof readUploadedFile>[0], rules: UploadRules) => {
      const upload = await readUploadedFile(request, rules);
      return { data: upload.data, fileName: upload.fileName || null };
    };
    const started = { response: job, status: 202, errors: { 413: errorResponse } } as const;

    routes.post(
      '/enterprises-import',
      {
        policy: ADMIN,
        summary: '后台导入企业名录 (import the enterprise register as a job; multipart file, options in the query)',
        query: importQuery,
        ...started,
      },
      async ({ actor, query, request }) => {
        const input = {
          dryRun: query.dryRun === 'true',
          mode: query.mode,
          acceptWarnings: query.acceptWarnings === 'true',
          ...(query.effectiveFromYear === undefined ? {} : { effectiveFromYear: query.effectiveFromYear }),
        };
        const file = await fileOf(request, ENTERPRISE_UPLOAD);
        return startJob(db, runner, actor, { locale: localeOf(request), kind: 'enterprises_import', input, file });
      },
    );
    routes.post(
      '/projects-import',
      {
        policy: PROJECT_WRITERS,
        summary: '后台导入招商项目或月度投资 (import projects or monthly investment as a job; multipart file)',
        query: projectImportQuery,
        ...started,
      },
      async ({ actor, query, request }) => {
        requireAccess(isProjectWriter(actor));
        const file = await fileOf(request, PROJECT_UPLOAD);
        const input = { kind: query.kind, dryRun: query.dryRun === 'true' };
        return startJob(db, runner, actor, { locale: localeOf(request), kind: 'projects_import', input, file });
      },
    );
    routes.post(
      '/chain-list-import/:code/:list',
      {
        policy: CHAIN_LIST_WRITERS,
        summary: '后台导入产业链招商目标企业或科技成果清单 (import a chain list as a job; multipart file)',
        params: chainListJobParams,
        query: chainListImportQuery,
        ...started,
      },
      async ({ actor, params, query, request }) => {
        await requireListAccess(db, actor, params.code, true);
        const file = await fileOf(request, LIST_UPLOAD);
        const input = { code: params.code, list: params.list, dryRun: query.dryRun === 'true' };
        return startJob(db, runner, actor, { locale: localeOf(request), kind: 'chain_list_import', input, file });
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
        return startJob(db, runner, actor, { locale: localeOf(request), kind: 'period_publish', input: { period: params.period } });
      },
    );
    routes.post(
      '/briefs',
      { policy: BRIEF_ROLES, summary: '后台生成简报 (generate a brief as a job)', body: generateBriefRequest, response: job, status: 202 },
      async ({ actor, body, request }) => {
        requireAccess(canGenerateBrief(actor, { kind: body.kind, chainCode: body.chainCode ?? null, regionCode: body.regionCode ?? null }));
        return startJob(db, runner, actor, { locale: localeOf(request), kind: 'brief_generate', input: body });
      },
    );
  };
}
