import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  addWorkingDaysQuery,
  addWorkingDaysResponse,
  calendarCoverageResponse,
  workingDaysQuery,
  workingDaysResponse,
} from '../../../shared/contracts/calendar.js';
import { errorResponse } from '../../../shared/contracts/common.js';
import { addWorkingDays, calendarCoverage, missingCalendarYears, todayInShanghai, workingDaysBetween } from '../../lib/calendar.js';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 422: errorResponse };
const tags = ['calendar'];

/** The working-day calendar (public holidays and 调休 make-up days): deadlines of tickets and tasks count in it. */
export function calendarRoutes(): FastifyPluginAsyncZod {
  return async (app) => {
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
  };
}
