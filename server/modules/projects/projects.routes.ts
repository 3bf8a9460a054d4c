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
} from '../../../shared/contracts/projects.js';
import type { Database } from '../../db/client.js';
import { actorOf, localeOf } from '../../lib/http.js';
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

export function projectsRoutes(database: Database): FastifyPluginAsyncZod {
  const { db } = database;
  return async (app) => {
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
