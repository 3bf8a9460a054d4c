import { dispositionHistoryQuery, dispositionHistoryResponse, putDispositionRequest } from '../../../shared/contracts/periods.js';
import { createAnswerCache } from '../../lib/answer-cache.js';
import { warningSettings, warningSettingsResponse, warningsQuery, warningsResponse } from '../../../shared/contracts/warnings.js';
import { routePlugin } from '../../lib/routes.js';
import { MONITORING_READER_ROLES } from '../../../shared/contracts/monitoring.js';
import { DATA_STAFF_ROLES } from '../periods/periods.policy.js';
import { getDispositionHistory, setDisposition } from './dispositions.service.js';
import { listWarnings } from './warnings.service.js';
import { getWarningSettings, updateWarningSettings } from './warnings.settings.js';

/** 预警 lists and their thresholds: read by every role but 企业 (scope-filtered), thresholds changed by the admin. */
export const warningsRoutes = routePlugin('warnings', (routes, { db }) => {
  // Whole answers under the statistics token: figures, dispositions, statuses, master data and the
  // settings (app_settings has the trigger too); the deadline is by day, which the key holds.
  const cache = createAnswerCache(db, 'stats');
  routes.get('/', { policy: MONITORING_READER_ROLES, query: warningsQuery, response: warningsResponse, cache }, ({ actor, query }) =>
    listWarnings(db, actor, query),
  );
  routes.get(
    '/disposition',
    { policy: MONITORING_READER_ROLES, query: dispositionHistoryQuery, response: dispositionHistoryResponse },
    ({ actor, query }) => getDispositionHistory(db, actor, query),
  );
  routes.put(
    '/disposition',
    { policy: DATA_STAFF_ROLES, body: putDispositionRequest, response: dispositionHistoryResponse },
    ({ actor, body }) => setDisposition(db, actor, body),
  );
  routes.get('/settings', { policy: MONITORING_READER_ROLES, response: warningSettingsResponse }, ({ actor }) =>
    getWarningSettings(db, actor),
  );
  routes.put('/settings', { policy: ['admin'], body: warningSettings, response: warningSettingsResponse }, ({ actor, body }) =>
    updateWarningSettings(db, actor, body),
  );
});
