import { errorResponse } from '../../../shared/contracts/common.js';
import { industryRecord, listIndustriesResponse } from '../../../shared/contracts/industries.js';
import { ADMIN, recordRoutes, routePlugin, routesOf } from '../../lib/routes.js';
import { createIndustry, deleteIndustry, listIndustries, updateIndustry } from './industries.service.js';

export const industriesRoutes = routePlugin('industries', (routes, { db }, app) => {
  // The list takes no input: the only error it answers is a missing session.
  routesOf(app, { tags: ['industries'], errors: { 401: errorResponse } }).get(
    '/',
    { policy: 'session', response: listIndustriesResponse },
    ({ actor }) => listIndustries(db, actor),
  );
  recordRoutes(routes, db, ADMIN, industryRecord, { create: createIndustry, update: updateIndustry, remove: deleteIndustry });
});
