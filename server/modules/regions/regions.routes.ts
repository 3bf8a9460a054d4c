import { listRegionsQuery, listRegionsResponse, regionRecord } from '../../../shared/contracts/regions.js';
import { createAnswerCache } from '../../lib/answer-cache.js';
import { ADMIN, recordRoutes, routePlugin } from '../../lib/routes.js';
import { createRegion, deleteRegion, listRegions, updateRegion } from './regions.service.js';

export const regionsRoutes = routePlugin('regions', (routes, { db }) => {
  // The list reads regions with their parks and firms counted: kept until master data changes.
  const cache = createAnswerCache(db, 'master');
  routes.get('/', { policy: 'session', query: listRegionsQuery, response: listRegionsResponse, cache }, ({ actor, query }) =>
    listRegions(db, actor, query),
  );
  recordRoutes(routes, db, ADMIN, regionRecord, { create: createRegion, update: updateRegion, remove: deleteRegion });
});
