import {
  createSchemeRequest,
  listRunsQuery,
  listRunsResponse,
  listSchemesQuery,
  listSchemesResponse,
  listSourcesResponse,
  putEntryRequest,
  runDetail,
  runParams,
  schemeDetail,
  schemeParams,
  updateSchemeRequest,
} from '../../../shared/contracts/assessment.js';
import { localeOf } from '../../lib/http.js';
import { routePlugin } from '../../lib/routes.js';
import { ASSESSMENT_MANAGERS, ASSESSMENT_READERS } from './assessment.policy.js';
import {
  createScheme,
  getRun,
  getScheme,
  listRuns,
  listSchemes,
  listSources,
  putEntry,
  runScheme,
  updateScheme,
} from './assessment.service.js';

/** 督查考核 assessment: the source registry, schemes and their entries, runs and their results. */
export const assessmentRoutes = routePlugin('assessment', (routes, { db }) => {
  const readers = ASSESSMENT_READERS;
  const managers = ASSESSMENT_MANAGERS;
  routes.get('/sources', { policy: readers, response: listSourcesResponse }, async ({ actor, request }) =>
    listSources(actor, localeOf(request)),
  );
  routes.get('/schemes', { policy: readers, query: listSchemesQuery, response: listSchemesResponse }, ({ actor, query }) =>
    listSchemes(db, actor, query),
  );
  routes.post('/schemes', { policy: managers, body: createSchemeRequest, response: schemeDetail, status: 201 }, ({ actor, body }) =>
    createScheme(db, actor, body),
  );
  routes.get('/schemes/:id', { policy: readers, params: schemeParams, response: schemeDetail }, ({ actor, params }) =>
    getScheme(db, actor, params.id),
  );
  routes.put(
    '/schemes/:id',
    { policy: managers, params: schemeParams, body: updateSchemeRequest, response: schemeDetail },
    ({ actor, params, body }) => updateScheme(db, actor, params.id, body),
  );
  routes.put(
    '/schemes/:id/entries',
    { policy: managers, params: schemeParams, body: putEntryRequest, response: schemeDetail },
    ({ actor, params, body }) => putEntry(db, actor, params.id, body),
  );
  routes.post('/schemes/:id/runs', { policy: managers, params: schemeParams, response: runDetail, status: 201 }, ({ actor, params }) =>
    runScheme(db, actor, params.id),
  );
  routes.get('/runs', { policy: readers, query: listRunsQuery, response: listRunsResponse }, ({ actor, query }) =>
    listRuns(db, actor, query),
  );
  routes.get('/runs/:id', { policy: readers, params: runParams, response: runDetail }, ({ actor, params }) => getRun(db, actor, params.id));
});
