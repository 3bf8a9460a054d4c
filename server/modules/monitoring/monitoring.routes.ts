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
import { actorOf } from '../../lib/http.js';
import { MONITORING_ROLES } from './monitoring.policy.js';
import { getBreakdown, getChainStatistics, getEnterpriseRanking, getTrend } from './monitoring.service.js';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse };

/** Read-only statistics of monthly monitoring; every role but 企业, filtered by the caller's data scope. */
export function monitoringRoutes(database: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/chains',
      {
        config: { policy: MONITORING_ROLES },
        schema: { tags: ['monitoring'], querystring: monitoringChainsQuery, response: { 200: monitoringChainsResponse, ...errors } },
      },
      async (request) => getChainStatistics(database.db, actorOf(request), request.query),
    );
    app.get(
      '/breakdown',
      {
        config: { policy: MONITORING_ROLES },
        schema: { tags: ['monitoring'], querystring: monitoringBreakdownQuery, response: { 200: monitoringBreakdownResponse, ...errors } },
      },
      async (request) => getBreakdown(database.db, actorOf(request), request.query),
    );
    app.get(
      '/enterprises',
      {
        config: { policy: MONITORING_ROLES },
        schema: {
          tags: ['monitoring'],
          querystring: monitoringEnterprisesQuery,
          response: { 200: monitoringEnterprisesResponse, ...errors },
        },
      },
      async (request) => getEnterpriseRanking(database.db, actorOf(request), request.query),
    );
    app.get(
      '/trend',
      {
        config: { policy: MONITORING_ROLES },
        schema: { tags: ['monitoring'], querystring: monitoringTrendQuery, response: { 200: monitoringTrendResponse, ...errors } },
      },
      async (request) => getTrend(database.db, actorOf(request), request.query),
    );
  };
}
