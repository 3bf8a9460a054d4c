import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponse } from '../../../shared/contracts/common.js';
import {
  monitoringBreakdownQuery,
  monitoringBreakdownResponse,
  monitoringChainsQuery,
  monitoringChainsResponse,
  monitoringEnterprisesQuery,
  monitoringEnterprisesResponse,
  monitoringTrendQuery,
  monitoringTrendResponse,
} from '../../../shared/contracts/monitoring.js';
import type { Database } from '../../db/client.js';
import { routesOf } from '../../lib/routes.js';
import type { Actor } from '../access/actor.js';
import { readerOf } from './monitoring.replica.js';
import { MONITORING_ROLES } from './monitoring.policy.js';
import { getBreakdown, getChainStatistics, getEnterpriseRanking, getTrend } from './monitoring.service.js';

/** Read-only statistics of monthly monitoring; every role but 企业, filtered by the caller's data scope. */
export function monitoringRoutes(database: Database): FastifyPluginAsyncZod {
  const dbOf = (actor: Actor) => readerOf(database, actor);
  return async (app) => {
    const routes = routesOf(app, { tags: ['monitoring'], errors: { 400: errorResponse, 401: errorResponse, 403: errorResponse } });
    const policy = MONITORING_ROLES;
    routes.get('/chains', { policy, query: monitoringChainsQuery, response: monitoringChainsResponse }, ({ actor, query }) =>
      getChainStatistics(dbOf(actor), actor, query),
    );
    routes.get('/breakdown', { policy, query: monitoringBreakdownQuery, response: monitoringBreakdownResponse }, ({ actor, query }) =>
      getBreakdown(dbOf(actor), actor, query),
    );
    routes.get('/enterprises', { policy, query: monitoringEnterprisesQuery, response: monitoringEnterprisesResponse }, ({ actor, query }) =>
      getEnterpriseRanking(dbOf(actor), actor, query),
    );
    routes.get('/trend', { policy, query: monitoringTrendQuery, response: monitoringTrendResponse }, ({ actor, query }) =>
      getTrend(dbOf(actor), actor, query),
    );
  };
}
