import { listParksQuery, listParksResponse, parkDetail, parkParams, parkRecord } from '../../../shared/contracts/parks.js';
import { createAnswerCache } from '../../lib/answer-cache.js';
import { ADMIN, recordRoutes, routePlugin } from '../../lib/routes.js';
import { createPark, deletePark, getPark, listParks, updatePark } from './parks.service.js';

export const parksRoutes = routePlugin('parks', (routes, { db }) => {
  // The list reads parks, regions, focus chains and firms only: kept until master data changes.
  const cache = createAnswerCache(db, 'master');
  routes.get('/', { policy: 'session', query: listParksQuery, response: listParksResponse, cache }, ({ actor, query }) =>
    listParks(db, actor, query),
  );
  routes.get('/:id', { policy: 'session', params: parkParams, response: parkDetail }, ({ actor, params }) => getPark(db, actor, params.id));
  recordRoutes(routes, db, ADMIN, parkRecord, { create: createPark, update: updatePark, remove: deletePark });
});
