import multipart from '@fastify/multipart';
import { errorResponse } from '../../../shared/contracts/common.js';
import {
  addSigningEventRequest,
  approvalParams,
  blockerItem,
  blockerParams,
  signingEventItem,
  signingEventParams,
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
import { AppError } from '../../lib/errors.js';
import { actorOf, localeOf } from '../../lib/http.js';
import { ADMIN, keyedRoutes, routePlugin } from '../../lib/routes.js';
import { answerProjectImport, PROJECT_IMPORT_MAX_BYTES } from './import/import.service.js';
import { buildInvestmentTemplate, buildProjectTemplate } from './import/import.template.js';
import { PROJECT_READERS, PROJECT_WRITERS } from './projects.policy.js';
import { createProject, getProject, listProjects, moveProjectStage } from './projects.service.js';
import { getProjectSummary } from './projects.summary.js';
import { getProjectSettings, updateProjectSettings } from './projects.settings.js';
import { listProjectWarnings } from './projects.warnings.js';
import { listMajorProjects } from './projects.major.js';
import { addSigningEvent, removeSigningEvent } from './projects.events.js';
import { createBlocker, getProjectSupport, listBlockers, resolveBlocker, setProjectAgent, setProjectApproval } from './projects.support.js';
import { reportInvestment, setMajorYear, updateProject } from './projects.plan.js';

export const projectsRoutes = routePlugin('projects', async (routes, { db }, app) => {
  // Multipart only inside this plugin (encapsulated), unless the app registered it already.
  if (!app.hasContentTypeParser('multipart/form-data')) await app.register(multipart);
  app.get(
    '/import/template',
    { config: { policy: PROJECT_WRITERS }, schema: { tags: ['projects'], querystring: projectImportTemplateQuery } },
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
  routes.post(
    '/import',
    { policy: PROJECT_WRITERS, query: projectImportQuery, response: projectImportReport, errors: { 413: errorResponse } },
    async ({ actor, query, request }) => {
      if (!request.isMultipart()) throw new AppError('unsupported_media_type', { messageKey: 'figures.error.notMultipart' });
      const file = await request.file({ limits: { fileSize: PROJECT_IMPORT_MAX_BYTES, files: 1 }, throwFileSizeLimit: true });
      if (!file) throw new AppError('validation_failed', { messageKey: 'figures.error.noFile' });
      const input = { kind: query.kind, source: { data: await file.toBuffer() }, dryRun: query.dryRun === 'true' };
      return answerProjectImport(db, actor, input, localeOf(request));
    },
  );
  routes.get('/', { policy: PROJECT_READERS, query: listProjectsQuery, response: listProjectsResponse }, ({ actor, query }) =>
    listProjects(db, actor, query),
  );
  routes.get('/summary', { policy: PROJECT_READERS, query: projectSummaryQuery, response: projectSummaryResponse }, ({ actor, query }) =>
    getProjectSummary(db, actor, query.year),
  );
  routes.get('/settings', { policy: PROJECT_READERS, response: projectSettingsResponse }, ({ actor }) => getProjectSettings(db, actor));
  routes.put('/settings', { policy: ADMIN, body: projectSettings, response: projectSettingsResponse }, ({ actor, body }) =>
    updateProjectSettings(db, actor, body),
  );
  routes.get('/major', { policy: PROJECT_READERS, query: majorProjectsQuery, response: majorProjectsResponse }, ({ actor, query }) =>
    listMajorProjects(db, actor, query),
  );
  routes.get('/warnings', { policy: PROJECT_READERS, query: projectWarningsQuery, response: projectWarningsResponse }, ({ actor, query }) =>
    listProjectWarnings(db, actor, query),
  );
  routes.post(
    '/',
    { policy: PROJECT_WRITERS, body: createProjectRequest, response: projectDetail, status: 201 },
    ({ actor, body, request }) => createProject(db, actor, body, localeOf(request)),
  );
  const project = keyedRoutes(routes, db, projectParams);
  // An enterprise account reads the page of the project linked to it (the service checks which).
  routes.get('/:id', { policy: 'session', params: projectParams, response: projectDetail }, ({ actor, params, request }) =>
    getProject(db, actor, params.id, localeOf(request)),
  );
  routes.post(
    '/:id/stage',
    { policy: PROJECT_WRITERS, params: projectParams, body: moveProjectRequest, response: projectDetail },
    ({ actor, params, body, request }) => moveProjectStage(db, actor, params.id, body, localeOf(request)),
  );
  routes.patch(
    '/:id',
    { policy: PROJECT_WRITERS, params: projectParams, body: updateProjectRequest, response: projectDetail },
    ({ actor, params, body, request }) => updateProject(db, actor, params.id, body, localeOf(request)),
  );
  routes.confirm(
    'PUT',
    '/:id/major/:year',
    { policy: PROJECT_WRITERS, params: majorYearParams, body: setMajorYearRequest },
    ({ actor, params, body }) => setMajorYear(db, actor, params.id, params.year, body),
  );
  routes.confirm(
    'PUT',
    '/:id/investment/:period',
    { policy: PROJECT_WRITERS, params: investmentParams, body: reportInvestmentRequest },
    ({ actor, params, body }) => reportInvestment(db, actor, params.id, params.period, body),
  );
  routes.get('/blockers', { policy: PROJECT_READERS, query: listBlockersQuery, response: listBlockersResponse }, ({ actor, query }) =>
    listBlockers(db, actor, query),
  );
  // The owning department resolves a blocker too (the service checks whose it is).
  routes.confirm(
    'POST',
    '/blockers/:blockerId/resolve',
    { policy: [...PROJECT_WRITERS, 'department'], params: blockerParams, body: resolveBlockerRequest },
    ({ actor, params, body }) => resolveBlocker(db, actor, params.blockerId, body),
  );
  project.get('/:id/support', { policy: 'session', response: projectSupportResponse }, getProjectSupport);
  routes.confirm(
    'PUT',
    '/:id/agent',
    { policy: PROJECT_WRITERS, params: projectParams, body: setAgentRequest },
    ({ actor, params, body }) => setProjectAgent(db, actor, params.id, body),
  );
  routes.confirm(
    'PUT',
    '/:id/approvals/:item',
    { policy: PROJECT_WRITERS, params: approvalParams, body: setApprovalRequest },
    ({ actor, params, body }) => setProjectApproval(db, actor, params.id, params.item, body),
  );
  project.post(
    '/:id/signing-events',
    { policy: PROJECT_WRITERS, body: addSigningEventRequest, response: signingEventItem, status: 201 },
    addSigningEvent,
  );
  routes.remove('/:id/signing-events/:eventId', { policy: PROJECT_WRITERS, params: signingEventParams }, ({ actor, params }) =>
    removeSigningEvent(db, actor, params.id, params.eventId),
  );
  project.post('/:id/blockers', { policy: PROJECT_WRITERS, body: createBlockerRequest, response: blockerItem, status: 201 }, createBlocker);
});
