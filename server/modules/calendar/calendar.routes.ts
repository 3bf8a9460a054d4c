import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
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
import type { Database } from '../../db/client.js';
import { routesOf } from '../../lib/routes.js';
import { deleteCalendarYear, getCalendarYear, listCalendarYears, loadEnteredCalendar, putCalendarYear } from './calendar.service.js';
import { addWorkingDays, calendarCoverage, missingCalendarYears, todayInShanghai, workingDaysBetween } from '../../lib/calendar.js';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 422: errorResponse };
const tags = ['calendar'];

/** The working-day calendar (public holidays and 调休 make-up days): deadlines of tickets and tasks count in it. */
export function calendarRoutes(database: Database): FastifyPluginAsyncZod {
  return async (app) => {
    // The years the admin entered, loaded before the first request counts a working day.
    await loadEnteredCalendar(database.db);
    app.get(
      '/add-working-days',
      {
        config: { policy: 'session' },
        schema: { tags, querystring: addWorkingDaysQuery, response: { 200: addWorkingDaysResponse, ...errors } },
      },
      async (request) => {
        const { from, days } = request.query;
        return { from, days, date: addWorkingDays(from, days) };
      },
    );
    app.get(
      '/working-days',
      { config: { policy: 'session' }, schema: { tags, querystring: workingDaysQuery, response: { 200: workingDaysResponse, ...errors } } },
      async (request) => {
        const { from, to } = request.query;
        return { from, to, days: workingDaysBetween(from, to) };
      },
    );
    app.get(
      '/coverage',
      { config: { policy: 'session' }, schema: { tags, response: { 200: calendarCoverageResponse, ...errors } } },
      async () => {
        const year = Number(todayInShanghai().slice(0, 4));
        return { ...calendarCoverage(), missingYears: missingCalendarYears([year, year + 1]) };
      },
    );
    const routes = routesOf(app, { tags });
    routes.get('/years', { policy: 'session', response: calendarYearsResponse }, () => listCalendarYears(database.db));
    routes.get('/years/:year', { policy: 'session', params: calendarYearParams, response: calendarYearResponse }, ({ params }) =>
      getCalendarYear(database.db, params.year),
    );
    // 录入一年的节假日和调休上班日: the year from the State Council notice.
    routes.put(
      '/years/:year',
      { policy: ['admin'], params: calendarYearParams, body: putCalendarYearRequest, response: calendarYearResponse },
      ({ actor, params, body }) => putCalendarYear(database.db, actor, params.year, body),
    );
    routes.remove('/years/:year', { policy: ['admin'], params: calendarYearParams }, ({ actor, params }) =>
      deleteCalendarYear(database.db, actor, params.year),
    );
  };
}
