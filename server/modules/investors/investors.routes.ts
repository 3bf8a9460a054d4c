import {
  createInvestorRequest,
  investorItem,
  investorParams,
  listInvestorsQuery,
  listInvestorsResponse,
  updateInvestorRequest,
} from '../../../shared/contracts/projects.js';
import { localeOf } from '../../lib/http.js';
import { routePlugin } from '../../lib/routes.js';
import { PROJECT_READERS, PROJECT_WRITERS } from '../projects/projects.policy.js';
import { createInvestor, listInvestors, updateInvestor } from './investors.service.js';

export const investorsRoutes = routePlugin('investors', (routes, { db }) => {
  routes.get('/', { policy: PROJECT_READERS, query: listInvestorsQuery, response: listInvestorsResponse }, ({ actor, query }) =>
    listInvestors(db, actor, query),
  );
  routes.post(
    '/',
    { policy: PROJECT_WRITERS, body: createInvestorRequest, response: investorItem, status: 201 },
    ({ actor, body, request }) => createInvestor(db, actor, body, localeOf(request)),
  );
  // The owner of the record or the admin (the service checks whose it is).
  routes.put(
    '/:id',
    { policy: PROJECT_WRITERS, params: investorParams, body: updateInvestorRequest, response: investorItem },
    ({ actor, params, body, request }) => updateInvestor(db, actor, params.id, body, localeOf(request)),
  );
});
