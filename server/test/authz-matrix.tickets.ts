// The authorisation matrix rows of the calendar, tickets (问题交办), 督办 and notifications; spread
// into AUTHZ_MATRIX (server/test/authz-matrix.ts), kept apart so parallel work merges cleanly.
import { SYSTEM_ACTOR } from '../modules/access/actor.js';
import { actOnTicket, fileTicket } from '../modules/tickets/tickets.service.js';
import type { Role } from '../../shared/roles.js';
import { oncePerSide, type AuthzFixture, type Side } from './authz-fixture.js';
import { fixedGet, grid, listRow, type MatrixRow } from './authz-matrix.js';

/** The fixture's department account works for this unit; the "out" ticket is led by another. */
const UNIT: Record<Side, string> = { in: '市发展和改革委员会', out: '市交通运输局' };
/** The matrix's tickets are dated in 2025, whatever today is (deadlines stay in years the calendar holds). */
const DAY = '2025-06-10';

/** A pending ticket of the side's firm (filed by the system). */
async function pendingTicket(fx: AuthzFixture, side: Side): Promise<number> {
  const filed = await fileTicket(
    fx.db,
    SYSTEM_ACTOR,
    { uscc: fx.firm[side].uscc, category: 'power', title: `矩阵问题${fx.unique()}`, description: '矩阵测试' },
    DAY,
  );
  return filed.id;
}

/** One ticket per side, assigned to the side's unit (made once per fixture). */
const assignedTickets = oncePerSide(async (fx, side) => {
  const id = await pendingTicket(fx, side);
  await actOnTicket(fx.db, SYSTEM_ACTOR, id, { action: 'accept', version: 1 }, DAY);
  await actOnTicket(fx.db, SYSTEM_ACTOR, id, { action: 'assign', version: 2, leadUnit: UNIT[side] }, DAY);
  return id;
});
const assignedTicket = assignedTickets.get;

const CITY: readonly Role[] = ['admin', 'leader'];

/** Rows of the working-day calendar, tickets and notifications. */
export function ticketMatrixRows(): MatrixRow[] {
  const everyone = grid({}, 200);
  return [
    fixedGet('/api/calendar/add-working-days', everyone, '/api/calendar/add-working-days?from=2025-09-30&days=3'),
    fixedGet('/api/calendar/working-days', everyone, '/api/calendar/working-days?from=2025-09-30&to=2025-10-11'),
    fixedGet('/api/calendar/coverage', everyone),
    listRow('/api/tickets', '/api/tickets?pageSize=500', assignedTickets, everyone, (role) =>
      CITY.includes(role) ? ['in', 'out'] : ['in'],
    ),
    {
      method: 'POST',
      route: '/api/tickets',
      request: (fx, side) => ({
        url: '/api/tickets',
        payload: { uscc: fx.firm[side].uscc, category: 'land', title: `矩阵反映${fx.unique()}`, description: '矩阵测试' },
      }),
      status: grid({ admin: 201, enterprise: [201, 404], chain_office: [201, 404], park: [201, 404], county: [201, 404] }),
    },
    fixedGet('/api/tickets/stats', everyone, '/api/tickets/stats?year=2025'),
    fixedGet('/api/tickets/settings', everyone),
    {
      method: 'PUT',
      route: '/api/tickets/settings',
      request: () => ({
        url: '/api/tickets/settings',
        payload: { acceptDays: 1, answerDays: 2, resolveDays: 10, multiDepartmentDays: 25 },
      }),
      status: grid({ admin: 200 }),
    },
    {
      method: 'GET',
      route: '/api/tickets/:id',
      request: async (fx, side) => ({ url: `/api/tickets/${await assignedTicket(fx, side)}` }),
      status: grid({ admin: 200, leader: 200 }, [200, 404]),
    },
    {
      // 受理 of a pending ticket: the chain office's (and the admin's) move; others who see it may not make it.
      method: 'POST',
      route: '/api/tickets/:id/actions',
      request: async (fx, side) => ({
        url: `/api/tickets/${await pendingTicket(fx, side)}/actions`,
        payload: { action: 'accept', version: 1 },
      }),
      status: grid({ admin: 200, leader: 403, chain_office: [200, 404], chain_chief: [403, 404], enterprise: [403, 404], department: 404 }),
    },
    fixedGet('/api/notifications', everyone),
    {
      method: 'POST',
      route: '/api/notifications/read',
      request: () => ({ url: '/api/notifications/read', payload: {} }),
      status: everyone,
    },
  ];
}
