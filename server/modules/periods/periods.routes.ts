import {
  missingFirmsResponse,
  periodDetailResponse,
  periodMoveResponse,
  periodParam,
  periodsQuery,
  periodsResponse,
  reopenRequest,
} from '../../../shared/contracts/periods.js';
import { routePlugin } from '../../lib/routes.js';
import { MONITORING_READER_ROLES } from '../../../shared/contracts/monitoring.js';
import { DATA_STAFF_ROLES, PERIOD_MOVE_ROLES } from './periods.policy.js';
import { getPeriodDetail, listMissingFirms, listPeriods, moveToReview, publishPeriod, reopenPeriod } from './periods.service.js';

/**
 * 数据审核与发布: month statuses for every monitoring reader; coverage and review items for data
 * staff; moves (review, publish, reopen) for the admin and statistics reviewers.
 */
export const periodsRoutes = routePlugin('periods', (routes, { db }) => {
  routes.get('/', { policy: MONITORING_READER_ROLES, query: periodsQuery, response: periodsResponse }, ({ actor, query }) =>
    listPeriods(db, actor, query),
  );
  const month = { params: periodParam } as const;
  routes.get('/:period', { ...month, policy: DATA_STAFF_ROLES, response: periodDetailResponse }, ({ actor, params }) =>
    getPeriodDetail(db, actor, params.period),
  );
  routes.get('/:period/missing', { ...month, policy: DATA_STAFF_ROLES, response: missingFirmsResponse }, ({ actor, params }) =>
    listMissingFirms(db, actor, params.period),
  );
  const move = { ...month, policy: PERIOD_MOVE_ROLES, response: periodMoveResponse } as const;
  routes.post('/:period/review', move, ({ actor, params }) => moveToReview(db, actor, params.period));
  routes.post('/:period/collecting', move, ({ actor, params }) => moveToReview(db, actor, params.period, true));
  routes.post('/:period/publish', move, ({ actor, params }) => publishPeriod(db, actor, params.period));
  routes.post('/:period/reopen', { ...move, body: reopenRequest }, ({ actor, params, body }) =>
    reopenPeriod(db, actor, params.period, body.reason),
  );
});
