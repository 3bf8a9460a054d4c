// The authorisation matrix rows of supervision tasks (督办任务) and the chains' agenda (议题); spread
// into AUTHZ_MATRIX (server/test/authz-matrix.ts). Each side has tasks of its chain assigned to its
// department (the fixture's department account works for the "in" one), and common problems of its
// chain: two firms' tickets assigned to one department, a group the agenda proposes.
import type { Role } from '../../shared/roles.js';
import { SYSTEM_ACTOR } from '../modules/access/actor.js';
import { scheduleAgendaItem } from '../modules/agenda/agenda.service.js';
import { createTask } from '../modules/supervision/supervision.service.js';
import { actOnTicket, fileTicket } from '../modules/tickets/tickets.service.js';
import { oncePerSide, type AuthzFixture, type Side } from './authz-fixture.js';
import { fixedGet, grid, listRow, OUT_OF_SCOPE_STATUS as OOS, type MatrixRow } from './authz-matrix.js';
import { buildUser } from './factories/common.js';

const UNIT: Record<Side, string> = { in: '市发展和改革委员会', out: '市交通运输局' };
/** Tasks are set as on this day, due at the year's end (in a year the calendar holds). */
const DAY = '2025-06-10';
const MEETING = '2030-01-15';

const known = new WeakSet<AuthzFixture>();

/** A new 待办 task of the side's chain, assigned to the side's department. */
async function taskOn(fx: AuthzFixture, side: Side): Promise<number> {
  if (!known.has(fx)) {
    // The "out" department has no account in the fixture: one makes it a known assignee.
    await buildUser(fx.db, { role: 'department', scopes: [{ kind: 'department', ref: UNIT.out }] });
    known.add(fx);
  }
  const task = await createTask(
    fx.db,
    SYSTEM_ACTOR,
    {
      title: `矩阵任务${fx.unique()}`,
      chainCode: fx.chain[side],
      assignee: { kind: 'department', ref: UNIT[side] },
      deadline: '2025-12-31',
    },
    DAY,
  );
  return task.id;
}

/** Each side's task (made once per fixture). */
const baseTasks = oncePerSide(taskOn);
const baseTask = baseTasks.get;

/**
 * A new group of common problems on the side's chain: the side's firm and a new one, each with an
 * open ticket assigned to a new department (so every request has its own proposal).
 */
async function commonProblem(fx: AuthzFixture, side: Side): Promise<string> {
  const department = `矩阵议题部门${fx.unique()}`;
  for (const uscc of [fx.firm[side].uscc, (await fx.freshFirm(side)).uscc]) {
    const id = (await fileTicket(fx.db, SYSTEM_ACTOR, { uscc, category: 'other', title: '矩阵共性问题', description: '矩阵测试' }, DAY)).id;
    await actOnTicket(fx.db, SYSTEM_ACTOR, id, { action: 'accept', version: 1 }, DAY);
    await actOnTicket(fx.db, SYSTEM_ACTOR, id, { action: 'assign', version: 2, leadUnit: department }, DAY);
  }
  return department;
}

const agendaBody = (fx: AuthzFixture, side: Side, department: string) => ({
  chainCode: fx.chain[side],
  kind: 'department' as const,
  category: null,
  nodeId: null,
  department,
  meetingOn: MEETING,
});

const CITY: readonly Role[] = ['admin', 'leader'];
const READERS = grid({ admin: 200, leader: 200, chain_chief: 200, chain_office: 200, department: 200, park: 200 });

/** Rows of supervision tasks and the agenda. */
export function supervisionMatrixRows(): MatrixRow[] {
  return [
    listRow('/api/supervision/tasks', '/api/supervision/tasks?pageSize=500', baseTasks, READERS, (role) =>
      CITY.includes(role) ? ['in', 'out'] : role === 'park' ? [] : ['in'],
    ),
    {
      method: 'POST',
      route: '/api/supervision/tasks',
      request: (fx, side) => ({
        url: '/api/supervision/tasks',
        payload: {
          title: `矩阵下达${fx.unique()}`,
          chainCode: fx.chain[side],
          assignee: { kind: 'department', ref: UNIT.in },
          deadline: '2099-12-31',
        },
      }),
      status: grid({ admin: 201, leader: 201, chain_office: [201, 403] }),
    },
    {
      method: 'POST',
      route: '/api/supervision/tasks/from-target',
      request: async (fx, side) => ({
        url: '/api/supervision/tasks/from-target',
        payload: { chainCode: fx.chain[side], year: await fx.freshTarget(side) },
      }),
      status: grid({ admin: 201, leader: 201, chain_office: [201, 403] }),
    },
    fixedGet('/api/supervision/assignees', grid({ admin: 200, leader: 200, chain_office: 200 })),
    {
      method: 'GET',
      route: '/api/supervision/tasks/:id',
      request: async (fx, side) => ({ url: `/api/supervision/tasks/${await baseTask(fx, side)}` }),
      status: grid({ admin: 200, leader: 200, chain_chief: [200, OOS], chain_office: [200, OOS], department: [200, OOS], park: OOS }),
    },
    {
      // 签收 of a new task: the assignee's move; the assigners who see it may not make it.
      method: 'POST',
      route: '/api/supervision/tasks/:id/actions',
      request: async (fx, side) => ({
        url: `/api/supervision/tasks/${await taskOn(fx, side)}/actions`,
        payload: { action: 'start', version: 1 },
      }),
      status: grid({ admin: 403, leader: 403, chain_office: [403, OOS], department: [200, OOS], park: OOS }),
    },
    {
      method: 'GET',
      route: '/api/agenda',
      request: (fx, side) => ({ url: `/api/agenda?chain=${fx.chain[side]}` }),
      status: grid({ admin: 200, leader: 200, chain_chief: [200, OOS], chain_office: [200, OOS] }),
    },
    {
      method: 'POST',
      route: '/api/agenda',
      request: async (fx, side) => ({ url: '/api/agenda', payload: agendaBody(fx, side, await commonProblem(fx, side)) }),
      status: grid({ admin: 201, chain_office: [201, OOS] }),
    },
    {
      method: 'POST',
      route: '/api/agenda/:id/status',
      request: async (fx, side) => {
        const item = await scheduleAgendaItem(fx.db, SYSTEM_ACTOR, agendaBody(fx, side, await commonProblem(fx, side)));
        return { url: `/api/agenda/${item.id}/status`, payload: { status: 'discussed', version: 1 } };
      },
      status: grid({ admin: 200, chain_office: [200, OOS] }),
    },
    fixedGet('/api/agenda/settings', grid({ admin: 200, leader: 200, chain_chief: 200, chain_office: 200 })),
    {
      method: 'PUT',
      route: '/api/agenda/settings',
      request: () => ({ url: '/api/agenda/settings', payload: { minFirms: 2 } }),
      status: grid({ admin: 200 }),
    },
  ];
}
