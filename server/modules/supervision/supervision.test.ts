// Supervision tasks through HTTP on a clock set to the 2025 National Day weeks (holidays 1–8 October,
// make-up working days Sun 28 September and Sat 11 October), so every light can be checked by hand.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rejectedPaths, useTestApp, type Session } from '../../test/app.js';
import { fakeDateOn, LONG_SESSIONS, onShanghaiDay } from '../../test/clock.js';
import { auditRows } from '../../test/factories/chains.js';
import { parkIdOf } from '../../test/factories/enterprises.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { setChainTarget } from '../chains/chains.service.js';
import { sweepTaskDeadlines } from './supervision.notify.js';
import { taskCompletionOf } from './supervision.stored.js';
import { sourceOf } from '../assessment/assessment.sources.js';

const DRC = '市发展和改革委员会';
const TRANSPORT = '市交通运输局';

const t = useTestApp({
  env: LONG_SESSIONS,
  users: {
    leader: { role: 'leader' },
    admin: { role: 'admin' },
    drc: { role: 'department', scopes: [{ kind: 'department', ref: DRC }] },
    transport: { role: 'department', scopes: [{ kind: 'department', ref: TRANSPORT }] },
    office: { role: 'chain_office', scopes: [{ kind: 'chain', ref: 'CH02' }] },
    otherOffice: { role: 'chain_office', scopes: [{ kind: 'chain', ref: 'CH05' }] },
    chief: { role: 'chain_chief', scopes: [{ kind: 'chain', ref: 'CH02' }] },
    // A park account naming its park by short name: a task assigned to the park's id is still its own.
    park: { role: 'park', scopes: [{ kind: 'park', ref: '西渡高新区' }] },
    county: { role: 'county', scopes: [{ kind: 'region', ref: '430421' }] },
  },
});
const s = t.users;
const on = onShanghaiDay;
let parkId: number;

beforeAll(async () => {
  fakeDateOn('2025-09-29');
  parkId = await parkIdOf(t.database.db, '西渡高新区');
});
afterAll(() => {
  vi.useRealTimers();
});

const { get } = t;
const post = (url: string, who: Session, payload: object) => t.send('POST', url, who, payload);

async function create(who: Session, body: Record<string, unknown>) {
  const res = await post('/api/supervision/tasks', who, { title: '推进输变电装备产业园二期建设', description: '按月报告', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function act(id: number, who: Session, body: Record<string, unknown>) {
  const version = (await get(`/api/supervision/tasks/${id}`, s.admin)).json().version;
  return post(`/api/supervision/tasks/${id}/actions`, who, { version, ...body });
}

async function counts() {
  const r = await t.database.db.execute<{ tasks: number; events: number }>(
    sql`SELECT (SELECT count(*)::int FROM supervision_tasks) AS tasks, (SELECT count(*)::int FROM supervision_task_events) AS events`,
  );
  return r.rows[0];
}

async function unreadTasks(who: Session): Promise<string[]> {
  const body = (await get('/api/notifications?unread=true&pageSize=100', who)).json();
  return body.items
    .filter((n: { taskId: number | null }) => n.taskId !== null)
    .map((n: { kind: string; taskId: number }) => `${n.kind}:${n.taskId}`);
}

const ids = (body: { items: { id: number }[] }) => body.items.map((i) => i.id);

describe('supervision tasks: set, reported on, completed', () => {
  it('a leader sets a task for a department, which is told, reports progress and completes it on time', async () => {
    on('2025-09-29');
    const task = await create(s.leader, { assignee: { kind: 'department', ref: DRC }, deadline: '2025-10-10' });
    expect(task).toMatchObject({
      status: 'todo',
      source: 'leader',
      year: 2025,
      assigneeName: DRC,
      progress: 0,
      light: 'green',
      parties: ['assigner'],
    });
    expect(await unreadTasks(s.drc)).toEqual([`task_assigned:${task.id}`]);
    expect(await unreadTasks(s.transport)).toEqual([]);

    // 30 September: two working days (9, 10 October) before the deadline across the holiday: yellow.
    on('2025-09-30');
    const seen = (await get(`/api/supervision/tasks/${task.id}`, s.drc)).json();
    expect(seen).toMatchObject({
      light: 'yellow',
      parties: ['assignee'],
      actions: ['start', 'report', 'complete', 'return', 'request_extension'],
    });
    const reported = await act(task.id, s.drc, { action: 'report', percent: 40, note: '已完成可研批复' });
    expect(reported.statusCode, reported.body).toBe(200);
    expect(reported.json()).toMatchObject({ status: 'in_progress', progress: 40 });
    expect(reported.json().events.at(-1)).toMatchObject({
      action: 'report',
      percent: 40,
      reportedOn: '2025-09-30',
      note: '已完成可研批复',
    });
    expect(await unreadTasks(s.leader)).toEqual([`task_progress:${task.id}`]);

    on('2025-10-10');
    const done = await act(task.id, s.drc, { action: 'complete', note: '已开工' });
    expect(done.json()).toMatchObject({ status: 'done', progress: 100, doneOn: '2025-10-10', onTime: true, light: null, actions: [] });
    expect(await unreadTasks(s.leader)).toEqual([`task_done:${task.id}`, `task_progress:${task.id}`]);
    expect((await auditRows(t.database.db, 'supervision_task', String(task.id))).map((a) => a.action)).toEqual([
      'create',
      'report',
      'complete',
    ]);
    expect((await get(`/api/supervision/tasks/${task.id}`, s.leader)).json().actions).toEqual(['reopen']);
  });

  it('shows red past the deadline, in the escalated list, and the sweep tells the assignee and the creator once', async () => {
    on('2025-09-29');
    const task = await create(s.leader, { assignee: { kind: 'department', ref: TRANSPORT }, chainCode: 'CH02', deadline: '2025-09-30' });
    on('2025-10-09');
    const red = (await get('/api/supervision/tasks?escalated=true&pageSize=100', s.leader)).json();
    expect(ids(red)).toContain(task.id);
    expect(red.items.every((i: { light: string }) => i.light === 'red')).toBe(true);
    const sent = await sweepTaskDeadlines(t.database.db, '2025-10-09');
    // The department, the CH02 office and chief, and the leader who set it.
    expect(sent).toBe(4);
    expect(await sweepTaskDeadlines(t.database.db, '2025-10-09')).toBe(0);
    expect(await unreadTasks(s.transport)).toContain(`task_overdue:${task.id}`);
    expect(await unreadTasks(s.chief)).toContain(`task_overdue:${task.id}`);
    // Completed late.
    const done = await act(task.id, s.transport, { action: 'complete', note: '已完成' });
    expect(done.json()).toMatchObject({ status: 'done', onTime: false });
  });

  it('extends a deadline on request and the assigner’s approval; returns and reassigns', async () => {
    on('2025-09-29');
    const task = await create(s.office, { assignee: { kind: 'department', ref: DRC }, chainCode: 'CH02', deadline: '2025-10-20' });
    const asked = await act(task.id, s.drc, { action: 'request_extension', requestedDeadline: '2025-11-20', reason: '待省里批复' });
    expect(asked.json()).toMatchObject({ extensionDue: '2025-11-20', deadline: '2025-10-20' });
    expect((await act(task.id, s.drc, { action: 'approve_extension' })).statusCode).toBe(403);
    const approved = await act(task.id, s.office, { action: 'approve_extension' });
    expect(approved.json()).toMatchObject({ extensionDue: null, deadline: '2025-11-20' });
    const returned = await act(task.id, s.drc, { action: 'return', reason: '不属于本单位职责' });
    expect(returned.json()).toMatchObject({ status: 'returned', light: null });
    const reassigned = await act(task.id, s.office, { action: 'reassign', assignee: { kind: 'department', ref: TRANSPORT } });
    expect(reassigned.json()).toMatchObject({ status: 'todo', assigneeRef: TRANSPORT });
    expect(await unreadTasks(s.transport)).toContain(`task_assigned:${task.id}`);
    expect((await get(`/api/supervision/tasks/${task.id}`, s.drc)).statusCode).toBe(404);
  });
});

describe('supervision tasks: scope', () => {
  it('shows the assignee its tasks, chain roles their chains’, leaders all; enterprises and counties nothing', async () => {
    on('2025-09-29');
    const drcTask = await create(s.leader, { assignee: { kind: 'department', ref: DRC }, deadline: '2025-12-31' });
    const parkTask = await create(s.leader, { assignee: { kind: 'park', ref: String(parkId) }, deadline: '2025-12-31' });
    const chainTask = await create(s.office, {
      assignee: { kind: 'department', ref: TRANSPORT },
      chainCode: 'CH02',
      deadline: '2025-12-31',
    });
    const list = async (who: Session) => ids((await get('/api/supervision/tasks?pageSize=500', who)).json());
    expect(await list(s.leader)).toEqual(expect.arrayContaining([drcTask.id, parkTask.id, chainTask.id]));
    expect(await list(s.drc)).toContain(drcTask.id);
    expect(await list(s.drc)).not.toContain(parkTask.id);
    expect(await list(s.park)).toContain(parkTask.id);
    expect(await list(s.park)).not.toContain(drcTask.id);
    expect(await list(s.chief)).toContain(chainTask.id);
    expect(await list(s.chief)).not.toContain(drcTask.id);
    expect(await list(s.otherOffice)).not.toContain(chainTask.id);
    expect((await get(`/api/supervision/tasks/${chainTask.id}`, s.otherOffice)).statusCode).toBe(404);
    expect((await get('/api/supervision/tasks', s.county)).statusCode).toBe(403);
    // The park account reports on its own task; the 链长 only reads.
    expect((await act(parkTask.id, s.park, { action: 'start' })).statusCode).toBe(200);
    expect((await act(chainTask.id, s.chief, { action: 'start' })).statusCode).toBe(403);
  });

  it('lets a chain office set tasks only for its own chain', async () => {
    on('2025-09-29');
    const res = await post('/api/supervision/tasks', s.office, {
      title: '越权任务',
      assignee: { kind: 'department', ref: DRC },
      chainCode: 'CH05',
      deadline: '2025-12-31',
    });
    expect(res.statusCode).toBe(403);
    const noChain = await post('/api/supervision/tasks', s.office, {
      title: '无链任务',
      assignee: { kind: 'department', ref: DRC },
      deadline: '2025-12-31',
    });
    expect(noChain.statusCode).toBe(403);
  });
});

describe('supervision tasks: bad input is refused with nothing saved', () => {
  it('refuses a past deadline, an unknown assignee, a percent over 100, an illegal move and a wrong party', async () => {
    on('2025-09-29');
    const task = await create(s.leader, { assignee: { kind: 'department', ref: DRC }, deadline: '2025-12-31' });
    const before = await counts();
    const past = await post('/api/supervision/tasks', s.leader, {
      title: '过期',
      assignee: { kind: 'department', ref: DRC },
      deadline: '2025-09-28',
    });
    expect(past.statusCode).toBe(400);
    expect(rejectedPaths(past)).toEqual(['body.deadline']);
    expect(past.json().error.message).toBe('日期 2025-09-28 早于今天（2025-09-29），请选择今天或以后的日期。');
    const unknown = await post('/api/supervision/tasks', s.leader, {
      title: '无此单位',
      assignee: { kind: 'department', ref: '市不存在局' },
      deadline: '2025-12-31',
    });
    expect(unknown.statusCode).toBe(400);
    expect(rejectedPaths(unknown)).toEqual(['body.assignee.ref']);
    const noPark = await post('/api/supervision/tasks', s.leader, {
      title: '无此园区',
      assignee: { kind: 'park', ref: '99999' },
      deadline: '2025-12-31',
    });
    expect(noPark.statusCode).toBe(400);
    const over = await act(task.id, s.drc, { action: 'report', percent: 101, note: '超了' });
    expect(over.statusCode).toBe(400);
    expect(rejectedPaths(over)).toEqual(['body.percent']);
    const noNote = await act(task.id, s.drc, { action: 'report', percent: 50 });
    expect(noNote.statusCode).toBe(400);
    expect(rejectedPaths(noNote)).toEqual(['body.note']);
    const future = await act(task.id, s.drc, { action: 'report', percent: 50, note: '明天的', reportedOn: '2025-09-30' });
    expect(rejectedPaths(future)).toEqual(['body.reportedOn']);
    const illegal = await act(task.id, s.leader, { action: 'reopen', reason: '未完成' });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json().error.message).toBe('任务当前为「待办」，不能「重新办理」。');
    const party = await act(task.id, s.leader, { action: 'report', percent: 10, note: '代报' });
    expect(party.statusCode).toBe(403);
    expect(party.json().error.message).toBe('「报告进展」只能由承办单位进行。');
    const stale = await post(`/api/supervision/tasks/${task.id}/actions`, s.drc, { action: 'start', version: 99 });
    expect(stale.statusCode).toBe(409);
    expect(await counts()).toEqual(before);
    expect((await get(`/api/supervision/tasks/${task.id}`, s.admin)).json()).toMatchObject({ status: 'todo', progress: 0, version: 1 });
  });
});

describe('supervision tasks: from a chain’s yearly target', () => {
  it('generates the chain office’s task from the target once, and refuses a missing target', async () => {
    on('2025-09-29');
    await setChainTarget(t.database.db, SYSTEM_ACTOR, 'CH02', 2025, { outputTargetYuan: 52_000_000_000, growthTarget: 0.12 });
    const res = await post('/api/supervision/tasks/from-target', s.office, { chainCode: 'CH02', year: 2025 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      source: 'target',
      targetYear: 2025,
      deadline: '2025-12-31',
      assigneeKind: 'chain_office',
      assigneeRef: 'CH02',
      description: '2025年度目标：工业总产值 520.00 亿元，增长 12.0%。请按月报告进展。',
    });
    expect(res.json().title).toMatch(/^完成2025年.+年度目标$/);
    expect((await post('/api/supervision/tasks/from-target', s.office, { chainCode: 'CH02', year: 2025 })).statusCode).toBe(409);
    expect((await post('/api/supervision/tasks/from-target', s.leader, { chainCode: 'CH02', year: 2031 })).statusCode).toBe(404);
    expect((await post('/api/supervision/tasks/from-target', s.otherOffice, { chainCode: 'CH02', year: 2025 })).statusCode).toBe(403);
  });
});

describe('taskCompletionOf (the assessment’s "tasks done")', () => {
  it('counts a year’s tasks of one assignee: total, done, done on time', async () => {
    on('2025-09-29');
    const unit = { kind: 'park', ref: String(parkId) } as const;
    const before = await taskCompletionOf(t.database.db, { year: 2026, assigneeKind: 'park', assigneeRef: unit.ref });
    expect(before).toEqual({ total: 0, done: 0, onTime: 0 });
    const a = await create(s.leader, { assignee: unit, deadline: '2026-01-05' });
    const b = await create(s.leader, { assignee: unit, deadline: '2026-01-06' });
    await create(s.leader, { assignee: unit, deadline: '2026-01-07' });
    on('2026-01-05');
    await act(a.id, s.park, { action: 'complete', note: '按期完成' });
    on('2026-01-09');
    await act(b.id, s.park, { action: 'complete', note: '逾期完成' });
    expect(await taskCompletionOf(t.database.db, { year: 2026, assigneeKind: 'park', assigneeRef: unit.ref })).toEqual({
      total: 3,
      done: 2,
      onTime: 1,
    });
    // The assessment's source reads the same counts: 1 of 3 on time.
    const source = sourceOf('tasks_on_time');
    const scored = await source?.collect({
      db: t.database.db,
      year: 2026,
      kind: 'park',
      objects: [{ code: unit.ref, name: '园区', level: 'provincial', regionCode: null }],
      indicatorCode: 'tasks',
      manual: new Map(),
      now: '2026-01-09T00:00:00.000Z',
    });
    expect(scored?.get(unit.ref)).toMatchObject({ value: 1 / 3, unit: 'rate', status: 'live', detail: { total: 3, done: 2, onTime: 1 } });
  });
});
