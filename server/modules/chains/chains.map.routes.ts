import {
  chainHealthQuery,
  chainHealthResponse,
  chainMapParams,
  chainMapQuery,
  chainMapResponse,
  gapSettingsResponse,
  gapThresholds,
} from '../../../shared/contracts/chain-map.js';
import { localeOf } from '../../lib/http.js';
import { ADMIN, routePlugin } from '../../lib/routes.js';
import { getChainHealthRanking, getChainMap } from './chains.map.js';
import { getGapSettings, updateGapSettings } from './chains.settings.js';

/** The chain workspace: maps with the gap analysis, the health ranking, the gap thresholds (under /api/chains). */
export const chainsMapRoutes = routePlugin('chains', (routes, { db }) => {
  routes.get('/health', { policy: 'session', query: chainHealthQuery, response: chainHealthResponse }, ({ actor, query }) =>
    getChainHealthRanking(db, actor, query),
  );
  routes.get('/gap-settings', { policy: 'session', response: gapSettingsResponse }, ({ actor }) => getGapSettings(db, actor));
  routes.put('/gap-settings', { policy: ADMIN, body: gapThresholds, response: gapSettingsResponse }, ({ actor, body }) =>
    updateGapSettings(db, actor, body),
  );
  routes.get(
    '/:code/map',
    { policy: 'session', params: chainMapParams, query: chainMapQuery, response: chainMapResponse },
    ({ actor, params, query, request }) => getChainMap(db, actor, localeOf(request), params.code, query),
  );
});
