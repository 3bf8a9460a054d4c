import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponse, okResponse } from '../../../shared/contracts/common.js';
import {
  createProjectRequest,
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
  projectSummaryQuery,
  projectSummaryResponse,
} from '../../../shared/contracts/projects.js';
import type { Database } from '../../db/client.js';
import { actorOf, localeOf } from '../../lib/http.js';
import { PROJECT_READERS, PROJECT_WRITERS } from './projects.policy.js';
import { createProject, getProject, listProjects, moveProjectStage } from './projects.service.js';
import { getProjectSummary } from './projects.summary.js';
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
  };
}
