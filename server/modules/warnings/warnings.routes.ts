import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponse } from '../../../shared/contracts/common.js';
import { dispositionHistoryQuery, dispositionHistoryResponse, putDispositionRequest } from '../../../shared/contracts/periods.js';
import { warningSettings, warningSettingsResponse, warningsQuery, warningsResponse } from '../../../shared/contracts/warnings.js';
import type { Database } from '../../db/client.js';
import { actorOf } from '../../lib/http.js';
import { MONITORING_ROLES } from '../monitoring/monitoring.policy.js';
import { DATA_STAFF_ROLES } from '../periods/periods.policy.js';
import { getDispositionHistory, setDisposition } from './dispositions.service.js';
import { listWarnings } from './warnings.service.js';
import { getWarningSettings, updateWarningSettings } from './warnings.settings.js';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const tags = ['warnings'];

/** 预警 lists and their thresholds: read by every role but 企业 (scope-filtered), thresholds changed by the admin. */
export function warningsRoutes(database: Database): FastifyPluginAsyncZod {
  const { db } = database;
  return async (app) => {
    app.get(
      '/',
      {
        config: { policy: MONITORING_ROLES },
        schema: { tags, querystring: warningsQuery, response: { 200: warningsResponse, ...errors } },
      },
      async (request) => listWarnings(db, actorOf(request), request.query),
    );
    app.get(
      '/disposition',
      {
        config: { policy: MONITORING_ROLES },
        schema: { tags, querystring: dispositionHistoryQuery, response: { 200: dispositionHistoryResponse, ...errors } },
      },
      async (request) => getDispositionHistory(db, actorOf(request), request.query),
    );
    app.put(
      '/disposition',
      {
        config: { policy: DATA_STAFF_ROLES },
        schema: { tags, body: putDispositionRequest, response: { 200: dispositionHistoryResponse, ...errors } },
      },
      async (request) => setDisposition(db, actorOf(request), request.body),
    );
    app.get(
      '/settings',
      { config: { policy: MONITORING_ROLES }, schema: { tags, response: { 200: warningSettingsResponse, ...errors } } },
      async (request) => getWarningSettings(db, actorOf(request)),
    );
    app.put(
      '/settings',
      { config: { policy: ['admin'] }, schema: { tags, body: warningSettings, response: { 200: warningSettingsResponse, ...errors } } },
      async (request) => updateWarningSettings(db, actorOf(request), request.body),
    );
  };
}
