// The authorisation matrix rows of the calendar, tickets (问题交办), 督办 and notifications; spread
// into AUTHZ_MATRIX (server/test/authz-matrix.ts), kept apart so parallel work merges cleanly.
import { grid, type MatrixRow } from './authz-matrix.js';

/** Rows of the working-day calendar: every logged-in user reads it. */
export function calendarMatrixRows(): MatrixRow[] {
  const everyone = grid({}, 200);
  return [
    {
      method: 'GET',
      route: '/api/calendar/add-working-days',
      request: () => ({ url: '/api/calendar/add-working-days?from=2025-09-30&days=3' }),
      status: everyone,
    },
    {
      method: 'GET',
      route: '/api/calendar/working-days',
      request: () => ({ url: '/api/calendar/working-days?from=2025-09-30&to=2025-10-11' }),
      status: everyone,
    },
    { method: 'GET', route: '/api/calendar/coverage', request: () => ({ url: '/api/calendar/coverage' }), status: everyone },
  ];
}
