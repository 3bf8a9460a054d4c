import {
  ASSESSMENT_MANAGER_ROLES,
  ASSESSMENT_READER_ROLES,
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
import { keyedRoutes, routePlugin } from '../../lib/routes.js';
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
  const readers = ASSESSMENT_READER_ROLES;
  const managers = ASSESSMENT_MANAGER_ROLES;
  routes.get('/sources', { policy: readers, response: listSourcesResponse }, async ({ actor, request }) =>
    listSources(actor, localeOf(request)),
  );
  routes.get('/schemes', { policy: readers, query: listSchemesQuery, response: listSchemesResponse }, ({ actor, query }) =>
    listSchemes(db, actor, query),
  );
  routes.post('/schemes', { policy: managers, body: createSchemeRequest, response: schemeDetail, status: 201 }, ({ actor, body }) =>
    createScheme(db, actor, body),
  );
  const scheme = keyedRoutes(routes, db, schemeParams);
  scheme.get('/schemes/:id', { policy: readers, response: schemeDetail }, getScheme);
  scheme.put('/schemes/:id', { policy: managers, body: updateSchemeRequest, response: schemeDetail }, updateScheme);
  scheme.put('/schemes/:id/entries', { policy: managers, body: putEntryRequest, response: schemeDetail }, putEntry);
  scheme.act('/schemes/:id/runs', { policy: managers, response: runDetail, status: 201 }, runScheme);
  routes.get('/runs', { policy: readers, query: listRunsQuery, response: listRunsResponse }, ({ actor, query }) =>
    listRuns(db, actor, query),
  );
  routes.get('/runs/:id', { policy: readers, params: runParams, response: runDetail }, ({ actor, params }) => getRun(db, actor, params.id));
});
