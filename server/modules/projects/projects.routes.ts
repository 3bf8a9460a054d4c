import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponse, okResponse } from '../../../shared/contracts/common.js';
import {
  approvalParams,
  blockerItem,
  blockerParams,
  createBlockerRequest,
  createProjectRequest,
  listBlockersQuery,
  listBlockersResponse,
  majorProjectsQuery,
  majorProjectsResponse,
  projectSupportResponse,
  resolveBlockerRequest,
  setAgentRequest,
  setApprovalRequest,
  investmentParams,
  majorYearParams,
  reportInvestmentRequest,
  setMajorYearRequest,
  updateProjectRequest,
  listProjectsQuery,
  listProjectsResponse,
  moveProjectRequest,
  projectDetail,
  projectParams,
  projectWarningsQuery,
  projectWarningsResponse,
  projectSummaryQuery,
  projectSummaryResponse,
  projectSettings,
  projectSettingsResponse,
  projectImportQuery,
  projectImportReport,
  projectImportTemplateQuery,
} from '../../../shared/contracts/projects.js';
import type { Database } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { actorOf, localeOf } from '../../lib/http.js';
import { importInvestment, importProjects, localizeImport } from './import/import.service.js';
import { buildInvestmentTemplate, buildProjectTemplate } from './import/import.template.js';
import { PROJECT_READERS, PROJECT_WRITERS } from './projects.policy.js';
import { createProject, getProject, listProjects, moveProjectStage } from './projects.service.js';
import { getProjectSummary } from './projects.summary.js';
import { getProjectSettings, updateProjectSettings } from './projects.settings.js';
import { listProjectWarnings } from './projects.warnings.js';
import { listMajorProjects } from './projects.major.js';
import { createBlocker, getProjectSupport, listBlockers, resolveBlocker, setProjectAgent, setProjectApproval } from './projects.support.js';
import { reportInvestment, setMajorYear, updateProject } from './projects.plan.js';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const tags = ['projects'];
/** A project file of 5 MB holds tens of thousands of rows, far more than a city's projects. */
const PROJECT_IMPORT_MAX_BYTES = 5 * 1024 * 1024;

export function projectsRoutes(database: Database): FastifyPluginAsyncZod {
  const { db } = database;
  return async (app) => {
    // Multipart only inside this plugin (encapsulated), unless the app registered it already.
    if (!app.hasContentTypeParser('multipart/form-data')) await app.register(multipart);
    app.get(
      '/import/template',
      { config: { policy: PROJECT_WRITERS }, schema: { tags, querystring: projectImportTemplateQuery } },
      async (request, reply) => {
        const projectsKind = request.query.kind === 'projects';
        const file = projectsKind ? await buildProjectTemplate(db, actorOf(request)) : await buildInvestmentTemplate(actorOf(request));
        const [name, ascii] = projectsKind
          ? ['招商项目导入模板.xlsx', 'project-import-template.xlsx']
          : ['月度投资导入模板.xlsx', 'investment-import-template.xlsx'];
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`)
          .send(file);
      },
    );
    // A file of leads or of monthly investment: checked (dryRun) or written all or nothing.
    app.post(
      '/import',
      {
        config: { policy: PROJECT_WRITERS },
        schema: { tags, querystring: projectImportQuery, response: { 200: projectImportReport, 413: errorResponse, ...errors } },
      },
      async (request) => {
        if (!request.isMultipart()) throw new AppError('unsupported_media_type', { messageKey: 'figures.error.notMultipart' });
        const file = await request.file({ limits: { fileSize: PROJECT_IMPORT_MAX_BYTES, files: 1 }, throwFileSizeLimit: true });
        if (!file) throw new AppError('validation_failed', { messageKey: 'figures.error.noFile' });
        const input = { source: { data: await file.toBuffer() }, dryRun: request.query.dryRun === 'true' };
        const run = request.query.kind === 'projects' ? importProjects : importInvestment;
        const report = localizeImport(await run(db, actorOf(request), input), localeOf(request));
        // A real import with errors wrote nothing: a failed request, with every error in details.
        if (!input.dryRun && report.errors.length > 0) {
          throw new AppError('validation_failed', {
            messageKey: 'projects.import.hasErrors',
            params: { count: report.errors.length },
            details: report,
          });
        }
        return report;
      },
    );
    app.get(
      '/',
      {
        config: { policy: PROJECT_READERS },
        schema: { tags, querystring: listProjectsQuery, response: { 200: listProjectsResponse, ...errors } },
      },
      async (request) => listProjects(db, actorOf(request), request.query),
    );
    app.get(
      '/summary',
      {
        config: { policy: PROJECT_READERS },
        schema: { tags, querystring: projectSummaryQuery, response: { 200: projectSummaryResponse, ...errors } },
      },
      async (request) => getProjectSummary(db, actorOf(request), request.query.year),
    );
    app.get(
      '/settings',
      { config: { policy: PROJECT_READERS }, schema: { tags, response: { 200: projectSettingsResponse, ...errors } } },
      async (request) => getProjectSettings(db, actorOf(request)),
    );
    app.put(
      '/settings',
      { config: { policy: ['admin'] }, schema: { tags, body: projectSettings, response: { 200: projectSettingsResponse, ...errors } } },
      async (request) => updateProjectSettings(db, actorOf(request), request.body),
    );
    app.get(
      '/major',
      {
        config: { policy: PROJECT_READERS },
        schema: { tags, querystring: majorProjectsQuery, response: { 200: majorProjectsResponse, ...errors } },
      },
      async (request) => listMajorProjects(db, actorOf(request), request.query),
    );
    app.get(
      '/warnings',
      {
        config: { policy: PROJECT_READERS },
        schema: { tags, querystring: projectWarningsQuery, response: { 200: projectWarningsResponse, ...errors } },
      },
      async (request) => listProjectWarnings(db, actorOf(request), request.query),
    );
    app.post(
      '/',
      { config: { policy: PROJECT_WRITERS }, schema: { tags, body: createProjectRequest, response: { 201: projectDetail, ...errors } } },
      async (request, reply) => reply.status(201).send(await createProject(db, actorOf(request), request.body, localeOf(request))),
    );
    // An enterprise account reads the page of the project linked to it (the service checks which).
    app.get(
      '/:id',
      { config: { policy: 'session' }, schema: { tags, params: projectParams, response: { 200: projectDetail, ...errors } } },
      async (request) => getProject(db, actorOf(request), request.params.id, localeOf(request)),
    );
    app.post(
      '/:id/stage',
      {
        config: { policy: PROJECT_WRITERS },
        schema: { tags, params: projectParams, body: moveProjectRequest, response: { 200: projectDetail, ...errors } },
      },
      async (request) => moveProjectStage(db, actorOf(request), request.params.id, request.body, localeOf(request)),
    );
    app.patch(
      '/:id',
      {
        config: { policy: PROJECT_WRITERS },
        schema: { tags, params: projectParams, body: updateProjectRequest, response: { 200: projectDetail, ...errors } },
      },
      async (request) => updateProject(db, actorOf(request), request.params.id, request.body, localeOf(request)),
    );
    app.put(
      '/:id/major/:year',
      {
        config: { policy: PROJECT_WRITERS },
        schema: { tags, params: majorYearParams, body: setMajorYearRequest, response: { 200: okResponse, ...errors } },
      },
      async (request) => {
        await setMajorYear(db, actorOf(request), request.params.id, request.params.year, request.body);
        return { ok: true as const };
      },
    );
    app.put(
      '/:id/investment/:period',
      {
        config: { policy: PROJECT_WRITERS },
        schema: { tags, params: investmentParams, body: reportInvestmentRequest, response: { 200: okResponse, ...errors } },
      },
      async (request) => {
        await reportInvestment(db, actorOf(request), request.params.id, request.params.period, request.body);
        return { ok: true as const };
      },
    );
    app.get(
      '/blockers',
      {
        config: { policy: PROJECT_READERS },
        schema: { tags, querystring: listBlockersQuery, response: { 200: listBlockersResponse, ...errors } },
      },
      async (request) => listBlockers(db, actorOf(request), request.query),
    );
    // The owning department resolves a blocker too (the service checks whose it is).
    app.post(
      '/blockers/:blockerId/resolve',
      {
        config: { policy: [...PROJECT_WRITERS, 'department'] },
        schema: { tags, params: blockerParams, body: resolveBlockerRequest, response: { 200: okResponse, ...errors } },
      },
      async (request) => {
        await resolveBlocker(db, actorOf(request), request.params.blockerId, request.body);
        return { ok: true as const };
      },
    );
    app.get(
      '/:id/support',
      { config: { policy: 'session' }, schema: { tags, params: projectParams, response: { 200: projectSupportResponse, ...errors } } },
      async (request) => getProjectSupport(db, actorOf(request), request.params.id),
    );
    app.put(
      '/:id/agent',
      {
        config: { policy: PROJECT_WRITERS },
        schema: { tags, params: projectParams, body: setAgentRequest, response: { 200: okResponse, ...errors } },
      },
      async (request) => {
        await setProjectAgent(db, actorOf(request), request.params.id, request.body);
        return { ok: true as const };
      },
    );
    app.put(
      '/:id/approvals/:item',
      {
        config: { policy: PROJECT_WRITERS },
        schema: { tags, params: approvalParams, body: setApprovalRequest, response: { 200: okResponse, ...errors } },
      },
      async (request) => {
        await setProjectApproval(db, actorOf(request), request.params.id, request.params.item, request.body);
        return { ok: true as const };
      },
    );
    app.post(
      '/:id/blockers',
      {
        config: { policy: PROJECT_WRITERS },
        schema: { tags, params: projectParams, body: createBlockerRequest, response: { 201: blockerItem, ...errors } },
      },
      async (request, reply) => reply.status(201).send(await createBlocker(db, actorOf(request), request.params.id, request.body)),
    );
  };
}
