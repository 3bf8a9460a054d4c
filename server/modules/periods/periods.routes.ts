import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponse } from '../../../shared/contracts/common.js';
import {
  missingFirmsResponse,
  periodDetailResponse,
  periodMoveResponse,
  periodParam,
  periodsQuery,
  periodsResponse,
  reopenRequest,
} from '../../../shared/contracts/periods.js';
import type { Database } from '../../db/client.js';
import { actorOf } from '../../lib/http.js';
import { MONITORING_ROLES } from '../monitoring/monitoring.policy.js';
import { DATA_STAFF_ROLES, PERIOD_MOVE_ROLES } from './periods.policy.js';
import { getPeriodDetail, listMissingFirms, listPeriods, moveToReview, publishPeriod, reopenPeriod } from './periods.service.js';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const tags = ['periods'];

/**
 * 数据审核与发布: month statuses for every monitoring reader; coverage and review items for data
 * staff; moves (review, publish, reopen) for the admin and statistics reviewers.
 */
export function periodsRoutes(database: Database): FastifyPluginAsyncZod {
  const { db } = database;
  return async (app) => {
    app.get(
      '/',
      { config: { policy: MONITORING_ROLES }, schema: { tags, querystring: periodsQuery, response: { 200: periodsResponse, ...errors } } },
      async (request) => listPeriods(db, actorOf(request), request.query),
    );
    app.get(
      '/:period',
      { config: { policy: DATA_STAFF_ROLES }, schema: { tags, params: periodParam, response: { 200: periodDetailResponse, ...errors } } },
      async (request) => getPeriodDetail(db, actorOf(request), request.params.period),
    );
    app.get(
      '/:period/missing',
      { config: { policy: DATA_STAFF_ROLES }, schema: { tags, params: periodParam, response: { 200: missingFirmsResponse, ...errors } } },
      async (request) => listMissingFirms(db, actorOf(request), request.params.period),
    );
    app.post(
      '/:period/review',
      { config: { policy: PERIOD_MOVE_ROLES }, schema: { tags, params: periodParam, response: { 200: periodMoveResponse, ...errors } } },
      async (request) => moveToReview(db, actorOf(request), request.params.period),
    );
    app.post(
      '/:period/collecting',
      { config: { policy: PERIOD_MOVE_ROLES }, schema: { tags, params: periodParam, response: { 200: periodMoveResponse, ...errors } } },
      async (request) => moveToReview(db, actorOf(request), request.params.period, true),
    );
    app.post(
      '/:period/publish',
      { config: { policy: PERIOD_MOVE_ROLES }, schema: { tags, params: periodParam, response: { 200: periodMoveResponse, ...errors } } },
      async (request) => publishPeriod(db, actorOf(request), request.params.period),
    );
    app.post(
      '/:period/reopen',
      {
        config: { policy: PERIOD_MOVE_ROLES },
        schema: { tags, params: periodParam, body: reopenRequest, response: { 200: periodMoveResponse, ...errors } },
      },
      async (request) => reopenPeriod(db, actorOf(request), request.params.period, request.body.reason),
    );
  };
}
