import { listRegionsQuery, listRegionsResponse, regionRecord } from '../../../shared/contracts/regions.js';
import { ADMIN, recordRoutes, routePlugin } from '../../lib/routes.js';
import { createRegion, deleteRegion, listRegions, updateRegion } from './regions.service.js';

export const regionsRoutes = routePlugin('regions', (routes, { db }) => {
  routes.get('/', { policy: 'session', query: listRegionsQuery, response: listRegionsResponse }, ({ actor, query }) =>
    listRegions(db, actor, query),
  );
  recordRoutes(routes, db, ADMIN, regionRecord, { create: createRegion, update: updateRegion, remove: deleteRegion });
});
