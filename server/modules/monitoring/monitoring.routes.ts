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
import { createAnswerCache } from '../../lib/answer-cache.js';
import { routesOf } from '../../lib/routes.js';
import type { Actor } from '../access/actor.js';
import { readerOf } from './monitoring.replica.js';
import { MONITORING_READER_ROLES } from '../../../shared/contracts/monitoring.js';
import { getBreakdown, getChainStatistics, getEnterpriseRanking, getTrend } from './monitoring.service.js';

/** Read-only statistics of monthly monitoring; every role but 企业, filtered by the caller's data scope. */
export function monitoringRoutes(database: Database): FastifyPluginAsyncZod {
  const dbOf = (actor: Actor) => readerOf(database, actor);
  return async (app) => {
    const routes = routesOf(app, { tags: ['monitoring'], errors: { 400: errorResponse, 401: errorResponse, 403: errorResponse } });
    const policy = MONITORING_READER_ROLES;
    // Whole answers under the statistics token (any write they read); the computations behind a miss
    // have their own caches, under the master token for a published month (monitoring.service.ts).
    // A caller who reads the replica gets the replica's cache, whose tokens are read on the replica:
    // an answer is then always kept under the version of the data it was computed from (a token read
    // on the primary while the replica still lags would keep yesterday's answer under today's token).
    const primaryCache = createAnswerCache(database.db, 'stats');
    const replicaCache = database.read ? createAnswerCache(database.read.db, 'stats', { ownVersions: true }) : null;
    const cache = (actor: Actor) => (replicaCache && dbOf(actor) !== database.db ? replicaCache : primaryCache);
    routes.get('/chains', { policy, query: monitoringChainsQuery, response: monitoringChainsResponse, cache }, ({ actor, query }) =>
      getChainStatistics(dbOf(actor), actor, query),
    );
    routes.get(
      '/breakdown',
      { policy, query: monitoringBreakdownQuery, response: monitoringBreakdownResponse, cache },
      ({ actor, query }) => getBreakdown(dbOf(actor), actor, query),
    );
    routes.get(
      '/enterprises',
      { policy, query: monitoringEnterprisesQuery, response: monitoringEnterprisesResponse, cache },
      ({ actor, query }) => getEnterpriseRanking(dbOf(actor), actor, query),
    );
    routes.get('/trend', { policy, query: monitoringTrendQuery, response: monitoringTrendResponse, cache }, ({ actor, query }) =>
      getTrend(dbOf(actor), actor, query),
    );
  };
}
