import {
  addWorkingDaysQuery,
  addWorkingDaysResponse,
  calendarCoverageResponse,
  calendarYearParams,
  calendarYearResponse,
  calendarYearsResponse,
  putCalendarYearRequest,
  workingDaysQuery,
  workingDaysResponse,
} from '../../../shared/contracts/calendar.js';
import { errorResponse } from '../../../shared/contracts/common.js';
import { addWorkingDays, calendarCoverage, missingCalendarYears, todayInShanghai, workingDaysBetween } from '../../lib/calendar.js';
import { ADMIN, routePlugin, routesOf } from '../../lib/routes.js';
import { deleteCalendarYear, getCalendarYear, listCalendarYears, loadEnteredCalendar, putCalendarYear } from './calendar.service.js';

/** The error answers of the day-counting routes: 422 for a date in a year whose calendar is not entered. */
const countingErrors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 422: errorResponse };

/** The working-day calendar (public holidays and 调休 make-up days): deadlines of tickets and tasks count in it. */
export const calendarRoutes = routePlugin('calendar', async (routes, { db }, app) => {
  // The years the admin entered, loaded before the first request counts a working day.
  await loadEnteredCalendar(db);
  const counting = routesOf(app, { tags: ['calendar'], errors: countingErrors });
  counting.get(
    '/add-working-days',
    { policy: 'session', query: addWorkingDaysQuery, response: addWorkingDaysResponse },
    async ({ query }) => {
      const { from, days } = query;
      return { from, days, date: addWorkingDays(from, days) };
    },
  );
  counting.get('/working-days', { policy: 'session', query: workingDaysQuery, response: workingDaysResponse }, async ({ query }) => {
    const { from, to } = query;
    return { from, to, days: workingDaysBetween(from, to) };
  });
  counting.get('/coverage', { policy: 'session', response: calendarCoverageResponse }, async () => {
    const year = Number(todayInShanghai().slice(0, 4));
    return { ...calendarCoverage(), missingYears: missingCalendarYears([year, year + 1]) };
  });
  routes.get('/years', { policy: 'session', response: calendarYearsResponse }, () => listCalendarYears(db));
  routes.get('/years/:year', { policy: 'session', params: calendarYearParams, response: calendarYearResponse }, ({ params }) =>
    getCalendarYear(db, params.year),
  );
  // 录入一年的节假日和调休上班日: the year from the State Council notice.
  routes.put(
    '/years/:year',
    { policy: ADMIN, params: calendarYearParams, body: putCalendarYearRequest, response: calendarYearResponse },
    ({ actor, params, body }) => putCalendarYear(db, actor, params.year, body),
  );
  routes.remove('/years/:year', { policy: ADMIN, params: calendarYearParams }, ({ actor, params }) =>
    deleteCalendarYear(db, actor, params.year),
  );
});
