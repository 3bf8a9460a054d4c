// The ticket workflow through HTTP on a clock set to the 2025 National Day weeks, so every deadline
// can be checked by hand: holidays 1–8 October, make-up working days Sun 28 September and Sat 11 October.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rejectedPaths, useTestApp, type Session } from '../../test/app.js';
import { fakeDateOn, LONG_SESSIONS, onShanghaiDay } from '../../test/clock.js';
import { auditRows } from '../../test/factories/chains.js';
import { buildProject } from '../../test/factories/projects.js';
import { buildTicketFirms, ticketPartyUsers, type TicketFirms } from '../../test/factories/tickets.js';

const LAND = '市自然资源和规划局';
const DRC = '市发展和改革委员会';
const POWER = '国网衡阳供电公司';

let firms: TicketFirms = { firm: '', otherFirm: '' };

const t = useTestApp({
  // The clock moves weeks ahead: sessions last a year here.
  env: LONG_SESSIONS,
  data: async (db) => {
    firms = await buildTicketFirms(db, { name: '示例问题企业甲有限公司' });
  },
  users: {
    ...ticketPartyUsers(() => firms),
    otherOffice: { role: 'chain_office', scopes: [{ kind: 'chain', ref: 'CH05' }] },
    chief: { role: 'chain_chief', scopes: [{ kind: 'chain', ref: 'CH02' }] },
    land: { role: 'department', scopes: [{ kind: 'department', ref: LAND }] },
    drc: { role: 'department', scopes: [{ kind: 'department', ref: DRC }] },
    power: { role: 'department', scopes: [{ kind: 'department', ref: POWER }] },
    leader: { role: 'leader' },
    county: { role: 'county', scopes: [{ kind: 'region', ref: '430421' }] },
    admin: { role: 'admin' },
  },
});
const s = t.users;
const on = onShanghaiDay;

beforeAll(() => fakeDateOn('2025-09-29'));
afterAll(() => {
  vi.useRealTimers();
});

const { get } = t;
const post = (url: string, who: Session, payload: object, locale?: string) => t.send('POST', url, who, payload, locale);

async function file(who: Session, uscc = firms.firm, title = '厂房用地指标不足') {
  const res = await post('/api/tickets', who, { uscc, category: 'land', title, description: '二期厂房需新增用地约30亩，指标未落实。' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function act(id: number, who: Session, body: Record<string, unknown>, locale = 'zh-CN') {
  const version = (await get(`/api/tickets/${id}`, s.admin)).json().version;
  return post(`/api/tickets/${id}/actions`, who, { version, ...body }, locale);
}

async function unread(who: Session): Promise<string[]> {
  const body = (await get('/api/notifications?unread=true&pageSize=100', who)).json();
  return body.items.map((n: { kind: string; ticketId: number }) => `${n.kind}:${n.ticketId}`);
}

describe('tickets: the whole way from filing to 办结', () => {
  it('files, accepts, assigns with 协办, works, extends, answers, is rated and closed, with deadlines on the calendar', async () => {
    on('2025-09-29');
    const filed = await file(s.firm);
    const id: number = filed.id;
    expect(filed).toMatchObject({
      state: 'pending',
      source: 'enterprise',
      chainCode: 'CH02',
      chainCodes: ['CH02'],
      regionCode: '430421',
      filedOn: '2025-09-29',
      acceptDue: '2025-09-30',
      deadline: '2025-09-30',
      light: 'yellow',
      nodeName: expect.any(String),
    });
    expect(filed.actions).toEqual([]);
    expect(await unread(s.office)).toEqual([`filed:${id}`]);
    expect(await unread(s.otherOffice)).toEqual([]);

    on('2025-09-30');
    expect((await act(id, s.office, { action: 'accept' })).json().state).toBe('accepted');
    const assigned = await act(id, s.office, { action: 'assign', leadUnit: LAND, coUnits: [DRC] });
    expect(assigned.statusCode, assigned.body).toBe(200);
    // 25 working days after 30 September (协办: the multi-department limit): 9, 10, 11 Oct … 11 November.
    // Two to start: 9 and 10 October.
    expect(assigned.json()).toMatchObject({
      state: 'assigned',
      leadUnit: LAND,
      coUnits: [DRC],
      respondDue: '2025-10-10',
      dueDate: '2025-11-11',
      deadline: '2025-10-10',
      light: 'yellow',
    });
    expect(await unread(s.land)).toEqual([`assigned:${id}`]);
    expect(await unread(s.drc)).toEqual([`assigned:${id}`]);
    expect(await unread(s.power)).toEqual([]);

    on('2025-10-09');
    expect((await get(`/api/tickets/${id}`, s.land)).json().actions).toEqual(['start', 'send_back', 'request_extension']);
    expect((await act(id, s.land, { action: 'start' })).json()).toMatchObject({
      state: 'in_progress',
      deadline: '2025-11-11',
      light: 'green',
    });
    const coAnswer = await act(id, s.drc, { action: 'answer', answer: '已协调' });
    expect(coAnswer.statusCode).toBe(403);
    expect(coAnswer.json().error.message).toBe('「答复」只能由牵头办理单位进行。');
    expect((await act(id, s.drc, { action: 'co_note', note: '发改委支持纳入年度计划' })).statusCode).toBe(200);

    expect((await act(id, s.land, { action: 'request_extension', requestedDue: '2025-11-20', reason: '需报省厅审批' })).statusCode).toBe(
      200,
    );
    expect(await unread(s.office)).toContain(`extension:${id}`);
    const approved = await act(id, s.office, { action: 'approve_extension' });
    expect(approved.json()).toMatchObject({ dueDate: '2025-11-20', extended: true, extensionDue: null });

    on('2025-10-13');
    expect((await act(id, s.leader, { action: 'instruct', note: '请自然资源局加快办理' })).statusCode).toBe(200);
    expect(await unread(s.land)).toContain(`instruction:${id}`);
    const answered = await act(id, s.land, { action: 'answer', answer: '已调剂用地指标30亩，10月底前供地。' });
    expect(answered.json()).toMatchObject({ state: 'answered', answeredOn: '2025-10-13', deadline: null, light: null });
    expect(await unread(s.firm)).toEqual([`answered:${id}`]);

    const officeRates = await act(id, s.office, { action: 'rate', rating: 5 });
    expect(officeRates.statusCode).toBe(403);
    expect(officeRates.json().error.message).toBe('「评价」只能由反映问题的企业本身进行。');
    expect((await act(id, s.firm, { action: 'rate', rating: 5, comment: '很满意' })).json()).toMatchObject({ state: 'rated', rating: 5 });
    expect(await unread(s.office)).toContain(`rated:${id}`);

    on('2025-10-15');
    const closed = await act(id, s.office, { action: 'close' });
    // Answered 13 October, due 20 November: on time. Filed 29 September → 15 October: 30 Sep, 9, 10, 11, 13, 14, 15 Oct.
    expect(closed.json()).toMatchObject({ state: 'closed', closedOn: '2025-10-15', onTime: true, actions: [] });
    const events = closed.json().events.map((e: { action: string; toState: string }) => `${e.action}→${e.toState}`);
    expect(events).toEqual([
      'file→pending',
      'accept→accepted',
      'assign→assigned',
      'start→in_progress',
      'co_note→in_progress',
      'request_extension→in_progress',
      'approve_extension→in_progress',
      'instruct→in_progress',
      'answer→answered',
      'rate→rated',
      'close→closed',
    ]);
    expect((await auditRows(t.database.db, 'ticket', String(id))).map((r) => r.action)).toEqual([
      'create',
      ...events.slice(1).map((e: string) => e.split('→')[0]),
    ]);

    const stats = (await get('/api/tickets/stats?year=2025', s.office)).json();
    expect({ ...stats, byUnit: undefined, byChain: undefined, byCategory: undefined, byMonth: undefined }).toEqual({
      year: 2025,
      received: 1,
      closed: 1,
      onTimeRate: 1,
      avgWorkingDays: 7,
      satisfaction: 1,
    });
    expect(stats.byUnit).toEqual([expect.objectContaining({ key: LAND, closed: 1, onTimeRate: 1 })]);
    expect(stats.byMonth.find((m: { key: string }) => m.key === '2025-09')).toMatchObject({ received: 1, closed: 0 });
    expect(stats.byMonth.find((m: { key: string }) => m.key === '2025-10')).toMatchObject({ received: 0, closed: 1 });
  });
});

describe('tickets: refusals change nothing', () => {
  it('refuses an illegal move, a past deadline, a missing reason and a stale version, writing nothing', async () => {
    on('2025-10-09');
    const { id } = await file(s.firm, firms.firm, '专变增容');
    const illegal = await act(id, s.office, { action: 'close' }, 'en');
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json().error.message).toBe('The problem is “Awaiting acceptance”: “Close” is not possible now.');
    await act(id, s.office, { action: 'accept' });
    const before = (await get(`/api/tickets/${id}`, s.admin)).json();
    const past = await act(id, s.office, { action: 'assign', leadUnit: POWER, dueDate: '2025-10-08' });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.message).toBe('日期 2025-10-08 早于今天（2025-10-09），请选择今天或以后的日期。');
    const noReason = await act(id, s.office, { action: 'return_to_enterprise' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details).toEqual([{ path: 'body.reason', message: 'required' }]);
    const stale = await post(`/api/tickets/${id}/actions`, s.office, { action: 'assign', leadUnit: POWER, version: before.version - 1 });
    expect(stale.statusCode).toBe(409);
    const after = (await get(`/api/tickets/${id}`, s.admin)).json();
    expect(after).toEqual(before);
    expect(await unread(s.power)).toEqual([]);

    // Without 协办: the 10-day limit. 9 October + 10 working days: 10, 11 (Sat), 13–17, 20, 21, 22 October.
    expect((await act(id, s.office, { action: 'assign', leadUnit: POWER })).json()).toMatchObject({
      dueDate: '2025-10-22',
      respondDue: '2025-10-11',
    });
    const transfer = await act(id, s.office, { action: 'transfer', leadUnit: POWER, reason: '调整' });
    expect(transfer.json().error.message).toBe('「国网衡阳供电公司」已是牵头单位，转办请选择其他单位。');
  });

  it('reopens an unsatisfied rating and lets only the enterprise itself rate', async () => {
    on('2025-10-09');
    const { id } = await file(s.firm, firms.firm, '融资担保');
    await act(id, s.office, { action: 'accept' });
    await act(id, s.office, { action: 'assign', leadUnit: DRC });
    await act(id, s.drc, { action: 'start' });
    await act(id, s.drc, { action: 'answer', answer: '已对接银行' });
    expect((await act(id, s.otherFirm, { action: 'rate', rating: 5 })).statusCode).toBe(404);
    expect((await act(id, s.firm, { action: 'rate', rating: 2, comment: '未解决' })).json()).toMatchObject({
      state: 'in_progress',
      rating: 2,
    });
  });

  it('refuses filing for a firm outside the scope, and by a department', async () => {
    const out = await post('/api/tickets', s.firm, { uscc: firms.otherFirm, category: 'other', title: 'x', description: 'y' });
    expect(out.statusCode).toBe(404);
    const dept = await post('/api/tickets', s.land, { uscc: firms.firm, category: 'other', title: 'x', description: 'y' });
    expect(dept.statusCode).toBe(403);
    const bad = await post('/api/tickets', s.firm, { uscc: firms.firm, category: 'weather', title: '', description: 'y' });
    expect(bad.statusCode).toBe(400);
    expect(rejectedPaths(bad)).toEqual(['body.category', 'body.title']);
  });

  it('answers 400 naming the id for an id beyond the database integer (2147483648), not a failed query', async () => {
    const res = await get('/api/tickets/2147483648', s.admin);
    expect(res.statusCode).toBe(400);
    expect(rejectedPaths(res)).toEqual(['params.id']);
  });
});

describe('tickets: the project a problem holds up', () => {
  it('links a project the filer may see, and refuses an unknown one with 404, writing nothing', async () => {
    on('2025-10-09');
    const project = await buildProject(t.database.db, { name: '示例链上扩产项目' });
    const payload = { uscc: firms.firm, category: 'land', title: '项目用地报批慢', description: '扩产项目用地报批进展慢。' };
    const linked = await post('/api/tickets', s.office, { ...payload, projectId: project.id });
    expect(linked.statusCode, linked.body).toBe(201);
    expect(linked.json().projectId).toBe(project.id);
    const total = async () => (await get('/api/tickets?pageSize=1', s.admin)).json().total;
    const before = await total();
    const unknown = await post('/api/tickets', s.office, { ...payload, projectId: project.id + 100_000 });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toContain(String(project.id + 100_000));
    expect(await total()).toBe(before);
  });
});

describe('tickets: 走访', () => {
  it('records the visit with a problem staff register during it, and refuses a visit dated after today', async () => {
    on('2025-10-10');
    const visit = { visitedOn: '2025-10-09', visitors: '链办张三、县工信局李四', notes: '走访座谈' };
    const res = await post('/api/tickets', s.office, {
      uscc: firms.firm,
      category: 'labour',
      title: '招工难',
      description: '缺技工20人',
      visit,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ source: 'visit', visit });
    const future = await post('/api/tickets', s.office, {
      uscc: firms.firm,
      category: 'labour',
      title: '招工难',
      description: '缺技工20人',
      visit: { ...visit, visitedOn: '2025-10-11' },
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details).toEqual([{ path: 'body.visit.visitedOn', message: 'after today' }]);
  });
});

describe('tickets: scopes', () => {
  it('shows each role its own tickets', async () => {
    on('2025-10-10');
    const mine = await file(s.county, firms.firm, '县里代企业反映');
    expect(mine.source).toBe('staff');
    const theirs = await file(s.otherFirm, firms.otherFirm, '另一条链的问题');
    const ids = async (who: Session) =>
      ((await get('/api/tickets?pageSize=100', who)).json().items as { id: number }[])
        .map((i) => i.id)
        .filter((i) => i === mine.id || i === theirs.id);
    expect(await ids(s.firm)).toEqual([mine.id]);
    expect(await ids(s.otherFirm)).toEqual([theirs.id]);
    expect(await ids(s.office)).toEqual([mine.id]);
    expect(await ids(s.otherOffice)).toEqual([theirs.id]);
    expect(await ids(s.county)).toEqual([mine.id]);
    expect((await ids(s.leader)).sort()).toEqual([mine.id, theirs.id].sort());
    expect(await ids(s.land)).toEqual([]);
    expect((await get(`/api/tickets/${theirs.id}`, s.office)).statusCode).toBe(404);
    expect((await get(`/api/tickets/${mine.id}`, s.land)).statusCode).toBe(404);
    await act(mine.id, s.office, { action: 'accept' });
    await act(mine.id, s.office, { action: 'assign', leadUnit: LAND });
    expect(await ids(s.land)).toEqual([mine.id]);
  });
});

describe('督办: the deadline sweep, escalation and the bell', () => {
  it('warns when yellow, escalates to the chain office and 链长 when red, once each, and marks read', async () => {
    on('2025-11-03');
    const { id } = await file(s.firm, firms.firm, '环评批复滞后');
    await act(id, s.office, { action: 'accept' });
    // 3 November + 10 working days: 4–7, 10–14, 17 November.
    expect((await act(id, s.office, { action: 'assign', leadUnit: POWER })).json()).toMatchObject({
      respondDue: '2025-11-05',
      dueDate: '2025-11-17',
    });
    const { sweepTicketDeadlines } = await import('./tickets.notify.js');
    // 4 November: the start deadline (5 November) is a working day away: yellow, the unit is warned.
    await sweepTicketDeadlines(t.database.db, '2025-11-04');
    const mine = async (who: Session) => (await unread(who)).filter((n) => n.endsWith(`:${id}`));
    expect(await mine(s.power)).toEqual([`deadline:${id}`, `assigned:${id}`]);
    // 6 November: not started, overdue: the unit, the chain office and the 链长 hear of it, once.
    await sweepTicketDeadlines(t.database.db, '2025-11-06');
    await sweepTicketDeadlines(t.database.db, '2025-11-06');
    expect(await mine(s.power)).toEqual([`overdue:${id}`, `deadline:${id}`, `assigned:${id}`]);
    expect((await unread(s.office)).filter((n) => n === `overdue:${id}`)).toHaveLength(1);
    expect((await unread(s.chief)).filter((n) => n === `overdue:${id}`)).toHaveLength(1);
    // The 链长's list of red tickets.
    on('2025-11-06');
    const red = (await get('/api/tickets?light=red&pageSize=100', s.chief)).json();
    expect(red.items.map((i: { id: number }) => i.id)).toContain(id);
    expect(red.items.every((i: { light: string }) => i.light === 'red')).toBe(true);

    const bell = (await get('/api/notifications', s.power)).json();
    // Its three of this ticket, and the assignment and overdue notice of the 专变增容 ticket (to start by 11 October).
    expect(bell.unread).toBe(5);
    expect(bell.items[0]).toMatchObject({
      kind: 'overdue',
      ticketId: id,
      params: { deadline: '2025-11-05', title: '环评批复滞后' },
      read: false,
    });
    const read = await post('/api/notifications/read', s.power, { ids: [bell.items[0].id] });
    expect(read.json()).toEqual({ changed: 1 });
    expect((await get('/api/notifications', s.power)).json().unread).toBe(4);
    expect((await post('/api/notifications/read', s.power, {})).json()).toEqual({ changed: 4 });
    expect((await get('/api/notifications', s.power)).json().unread).toBe(0);
  });
});

describe('tickets: time limits', () => {
  it('are settings the admin changes (audited), refused out of range', async () => {
    expect((await get('/api/tickets/settings', s.firm)).json().limits).toEqual({
      acceptDays: 1,
      answerDays: 2,
      resolveDays: 10,
      multiDepartmentDays: 25,
    });
    const put = (who: Session, payload: object) =>
      t.app.inject({ method: 'PUT', url: '/api/tickets/settings', headers: who.headers, payload });
    expect((await put(s.office, { acceptDays: 2, answerDays: 2, resolveDays: 10, multiDepartmentDays: 25 })).statusCode).toBe(403);
    expect((await put(s.admin, { acceptDays: 0, answerDays: 2, resolveDays: 10, multiDepartmentDays: 25 })).statusCode).toBe(400);
    const ok = await put(s.admin, { acceptDays: 2, answerDays: 2, resolveDays: 10, multiDepartmentDays: 25 });
    expect(ok.json().limits.acceptDays).toBe(2);
    on('2025-09-26');
    // Friday 26 September + 2 working days: Sunday 28 (make-up) is the first, Monday 29 the second.
    expect((await file(s.firm, firms.firm, '用工招聘')).acceptDue).toBe('2025-09-29');
    expect((await put(s.admin, { acceptDays: 1, answerDays: 2, resolveDays: 10, multiDepartmentDays: 25 })).statusCode).toBe(200);
  });
});
