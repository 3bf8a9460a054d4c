import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectRefusal, loginAs, type Session, type TestApp } from '../../test/app.js';
import { buildUser, countRows, publishHistory, TEST_PASSWORD } from '../../test/factories/common.js';
import { buildEnterprise, parkIdOf } from '../../test/factories/enterprises.js';
import { seedReferenceData } from '../demo/seed.js';

let t: TestApp;
let admin: Session;
let office02: Session;
let office05: Session;
let chief02: Session;
let county: Session;
let department: Session;
let firmSession: Session;
let firmUscc: string;
let xiduPark: number;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  await seedReferenceData(db);
  xiduPark = await parkIdOf(db, '西渡高新区');
  firmUscc = (await buildEnterprise(db)).uscc;
  const login = async (overrides: Parameters<typeof buildUser>[1]) =>
    loginAs(t.app, (await buildUser(db, overrides)).username, TEST_PASSWORD);
  admin = await login({ role: 'admin' });
  office02 = await login({ role: 'chain_office', scopes: [{ kind: 'chain', ref: 'CH02' }] });
  office05 = await login({ role: 'chain_office', scopes: [{ kind: 'chain', ref: 'CH05' }] });
  chief02 = await login({ role: 'chain_chief', scopes: [{ kind: 'chain', ref: 'CH02' }] });
  county = await login({ role: 'county', scopes: [{ kind: 'region', ref: '430421' }] });
  department = await login({ role: 'department', scopes: [{ kind: 'department', ref: '市发展和改革委员会' }] });
  firmSession = await login({ role: 'enterprise', scopes: [{ kind: 'enterprise', ref: firmUscc }] });
});
afterAll(async () => t.close());

const get = (url: string, s: Session) => t.app.inject({ method: 'GET', url, headers: s.headers });
const send = (method: 'POST' | 'PATCH' | 'PUT', url: string, s: Session, payload: object, locale = 'zh-CN') =>
  t.app.inject({ method, url, headers: { ...s.headers, 'x-locale': locale }, payload });

const lead = (changes: object = {}) => ({
  name: '示例储能变流器项目',
  channel: 'chain_chief',
  chainCode: 'CH02',
  nodeKey: 'xfmr',
  parkId: xiduPark,
  regionCode: '430421',
  plannedInvestment: 1_200_000_000,
  leadDate: '2024-01-10',
  ...changes,
});

async function createLead(changes: object = {}, session = office02): Promise<number> {
  const res = await send('POST', '/api/projects', session, lead(changes));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

describe('projects: recording a lead', () => {
  it('records a lead dated and attributed, with its first timeline event, and lists it', async () => {
    const res = await send('POST', '/api/projects', office02, lead({ name: '示例线索甲' }));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      name: '示例线索甲',
      stage: 'lead',
      chainCode: 'CH02',
      nodeKey: 'xfmr',
      parkId: xiduPark,
      regionCode: '430421',
      plannedInvestment: 1_200_000_000,
      stageDates: { lead: '2024-01-10' },
      warnings: [],
    });
    expect(body.timeline).toEqual([expect.objectContaining({ fromStage: null, toStage: 'lead', on: '2024-01-10', byName: '测试用户' })]);
    const list = (await get(`/api/projects?q=${encodeURIComponent('示例线索甲')}`, office02)).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ id: body.id, chainName: expect.any(String), stage: 'lead' });
  });

  it('refuses unknown references, a confidential lead without a code name and absurd amounts, and saves nothing', async () => {
    const before = await countRows(t.database.db, 'projects');
    const events = await countRows(t.database.db, 'project_stage_events');
    const audits = await countRows(t.database.db, 'audit_log');
    const cases: [object, string][] = [
      [{ chainCode: 'CH99' }, '产业链 CH99 不存在'],
      [{ nodeKey: 'nosuch' }, '没有环节 nosuch'],
      [{ parkId: 99999 }, '园区 99999 不存在'],
      [{ investorId: 99999 }, '客商 99999 不存在'],
      [{ regionCode: '430999' }, '区域 430999 不存在'],
      [{ confidential: true }, '保密线索须填写代号'],
      [{ leadDate: '2999-01-01' }, '在今天之后'],
    ];
    for (const [changes, message] of cases) {
      const res = await send('POST', '/api/projects', office02, lead(changes));
      expect(res.statusCode, JSON.stringify(changes)).toBe(400);
      expect(res.json().error.message).toContain(message);
    }
    expect((await send('POST', '/api/projects', office02, lead({ signedAmount: -1 }))).statusCode).toBe(400);
    expect((await send('POST', '/api/projects', office02, lead({ plannedInvestment: 10 ** 14 }))).statusCode).toBe(400);
    expect(await countRows(t.database.db, 'projects')).toBe(before);
    expect(await countRows(t.database.db, 'project_stage_events')).toBe(events);
    expect(await countRows(t.database.db, 'audit_log')).toBe(audits);
  });

  it('warns when an amount looks typed in 万元', async () => {
    const res = await send('POST', '/api/projects', office02, lead({ plannedInvestment: 5000 }));
    expect(res.statusCode).toBe(201);
    expect(res.json().warnings).toEqual(['计划总投资仅 5000 元，是否误按万元填写？如是请乘以 10000']);
  });

  it('refuses a lead outside the caller scope', async () => {
    const res = await send('POST', '/api/projects', office05, lead());
    expect(res.statusCode).toBe(403);
  });
});

describe('projects: the lifecycle through the API', () => {
  it('advances, refuses skips without dates and moves back without reason, and keeps every step', async () => {
    const id = await createLead();
    const move = (payload: object, locale = 'zh-CN') => send('POST', `/api/projects/${id}/stage`, office02, payload, locale);
    const skip = await move({ to: 'registered', on: '2024-03-01' });
    expect(skip.statusCode).toBe(400);
    expect(skip.json().error.message).toBe('跳过的阶段“在谈”须填写到达日期');
    expect((await move({ to: 'registered', on: '2024-03-01' }, 'en')).json().error.message).toContain('"negotiating"');
    const ok = await move({ to: 'registered', on: '2024-03-01', skippedDates: { negotiating: '2024-02-01', signed: '2024-02-20' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ stage: 'registered', signedOn: '2024-02-20' });
    expect(ok.json().timeline.map((e: { toStage: string }) => e.toStage)).toEqual(['lead', 'negotiating', 'signed', 'registered']);
    const back = await move({ to: 'signed', on: '2024-03-05' });
    expect(back.json().error.message).toBe('退回到之前的阶段须填写原因');
    expect((await move({ to: 'signed', on: '2024-03-05', reason: '注册信息有误，撤回' })).json()).toMatchObject({
      stage: 'signed',
      stageDates: { lead: '2024-01-10', negotiating: '2024-02-01', signed: '2024-02-20' },
    });
    expect((await move({ to: 'terminated', on: '2024-04-01' })).json().error.message).toBe('终止项目须填写原因');
    const ended = await move({ to: 'terminated', on: '2024-04-01', reason: '客商撤资' });
    expect(ended.json()).toMatchObject({ stage: 'terminated', terminatedReason: '客商撤资', signedOn: '2024-02-20' });
    expect((await move({ to: 'producing', on: '2024-05-01' })).json().error.message).toBe('项目已终止，不能再变更阶段');
    expect(ended.json().timeline).toHaveLength(6);
  });

  it('links the registered enterprise only from 注册 on, and only a registered one', async () => {
    const id = await createLead();
    const move = (payload: object) => send('POST', `/api/projects/${id}/stage`, office02, payload);
    expect((await move({ to: 'negotiating', on: '2024-02-01', enterpriseUscc: firmUscc })).json().error.message).toBe(
      '只有注册及以后阶段的项目才能关联注册企业',
    );
    const dates = { negotiating: '2024-02-01', signed: '2024-02-02' };
    expect((await move({ to: 'registered', on: '2024-02-03', skippedDates: dates, enterpriseUscc: '91430421MA4L00001X' })).statusCode).toBe(
      400,
    );
    const ok = await move({ to: 'registered', on: '2024-02-03', skippedDates: dates, enterpriseUscc: firmUscc });
    expect(ok.json()).toMatchObject({ enterpriseUscc: firmUscc, enterpriseName: expect.stringContaining('测试企业') });
    // The firm's own account sees its project page, nothing else.
    expect((await get(`/api/projects/${id}`, firmSession)).statusCode).toBe(200);
    expect((await get(`/api/projects/${await createLead()}`, firmSession)).statusCode).toBe(404);
    expect((await get('/api/projects', firmSession)).statusCode).toBe(403);
  });

  it('keeps every amount change', async () => {
    const id = await createLead({ signedAmount: 500_000_000 });
    const res = await send('PATCH', `/api/projects/${id}`, office02, { signedAmount: 800_000_000 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().amountChanges).toEqual([expect.objectContaining({ field: 'signedAmount', before: 500_000_000, after: 800_000_000 })]);
  });
});

describe('projects: scopes and confidentiality', () => {
  it('shows each role its own projects only', async () => {
    const id = await createLead({ name: '示例范围项目' });
    const q = `/api/projects?q=${encodeURIComponent('示例范围项目')}`;
    expect((await get(q, office02)).json().total).toBe(1);
    expect((await get(q, county)).json().total).toBe(1);
    expect((await get(q, office05)).json().total).toBe(0);
    expect((await get(q, department)).json().total).toBe(0);
    expect((await get(`/api/projects/${id}`, office05)).statusCode).toBe(404);
    expect((await send('POST', `/api/projects/${id}/stage`, office05, { to: 'negotiating', on: '2024-02-01' })).statusCode).toBe(404);
  });

  it('shows a confidential lead by its code name to roles without clearance', async () => {
    const id = await createLead({ name: '示例绝密电池项目', confidential: true, codeName: '代号北极星' }, admin);
    expect((await get(`/api/projects/${id}`, office02)).json()).toMatchObject({ name: '代号北极星', investorName: null, notes: null });
    expect((await get(`/api/projects/${id}`, chief02)).json()).toMatchObject({ name: '示例绝密电池项目' });
    expect((await get(`/api/projects/${id}`, admin)).json()).toMatchObject({ name: '示例绝密电池项目' });
    expect((await get(`/api/projects?q=${encodeURIComponent('绝密')}`, office02)).json().total).toBe(0);
    expect((await get(`/api/projects?q=${encodeURIComponent('北极星')}`, office02)).json().total).toBe(1);
  });
});

describe('investors', () => {
  it('checks the USCC and masks contacts for whoever does not own the record', async () => {
    const bad = await send('POST', '/api/investors', office02, { kind: 'company', name: '示例客商', uscc: '91430400MA4L000001' });
    expectRefusal(bad, 400, '统一社会信用代码无效');
    const res = await send('POST', '/api/investors', office02, {
      kind: 'person',
      name: '示例乡贤张先生',
      origin: '广东深圳',
      nativePlace: '湖南衡阳',
      contactName: '张三丰',
      contactPhone: '13812345678',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ contactName: '张三丰', contactPhone: '13812345678', masked: false });
    const seen = (await get(`/api/investors?q=${encodeURIComponent('乡贤')}`, county)).json().items[0];
    expect(seen).toMatchObject({ contactName: '张**', contactPhone: '138****5678', masked: true, nativePlace: '湖南衡阳' });
  });
});

describe('projects: the yearly summary', () => {
  it('counts the major list, signings, rates and the pipeline output as published', async () => {
    const summary = async (s: Session) => (await get('/api/projects/summary?year=2023', s)).json();
    // Two CH05 projects signed in 2023 (the other tests sign in 2024): one performs and produces, one stays signed.
    const base = { chainCode: 'CH05', nodeKey: 'pipe', parkId: null, regionCode: '430482', leadDate: '2023-01-04' };
    const a = await createLead({ ...base, name: '示例管材项目', signedAmount: 300_000_000, plannedInvestment: 1_000_000_000 }, admin);
    const b = await createLead({ ...base, name: '示例管件项目', signedAmount: 100_000_000, plannedInvestment: 400_000_000 }, admin);
    const firm = await buildEnterprise(t.database.db, {
      regionCode: '430482',
      aboveScaleYears: [2023],
      memberships: [{ chainCode: 'CH05', nodeKey: 'pipe', isPrimary: true }],
    });
    const dates = {
      negotiating: '2023-02-01',
      signed: '2023-03-01',
      registered: '2023-04-01',
      land: '2023-05-01',
      started: '2023-06-01',
      completed: '2023-09-01',
    };
    const moved = await send('POST', `/api/projects/${a}/stage`, admin, {
      to: 'producing',
      on: '2023-10-08',
      skippedDates: dates,
      enterpriseUscc: firm.uscc,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    await send('POST', `/api/projects/${b}/stage`, admin, { to: 'signed', on: '2023-03-15', skippedDates: { negotiating: '2023-02-01' } });
    for (const id of [a, b])
      expect((await send('PUT', `/api/projects/${id}/major/2023`, admin, { annualPlan: 200_000_000 })).statusCode).toBe(200);
    await send('PUT', `/api/projects/${a}/investment/2023-06`, admin, { completed: 150_000_000, fundsArrived: 120_000_000 });
    await send('PUT', `/api/projects/${b}/investment/2023-06`, admin, { completed: 50_000_000, fundsArrived: 40_000_000 });
    // The firm's output: 2,000,000 元 a month; Oct–Dec published, and a December correction made after publication is not counted.
    for (const month of ['10', '11', '12']) {
      await t.database.db.execute(
        sql`INSERT INTO monthly_figures (uscc, period, gross_output, source) VALUES (${firm.uscc}, ${`2023-${month}`}, 2000000, 'demo')`,
      );
    }
    await publishHistory(t.database.db, ['2023-10', '2023-11', '2023-12']);
    await t.database.db.execute(sql`UPDATE monthly_figures SET gross_output = 9000000 WHERE uscc = ${firm.uscc} AND period = '2023-12'`);

    expect(await summary(admin)).toEqual({
      year: 2023,
      majorNew: { count: 2, totalInvestment: 1_400_000_000 },
      signed: { count: 2, amount: 400_000_000 },
      rates: { performance: 0.5, started: 0.5, inProduction: 0.5, fundsArrived: 160_000_000 / 400_000_000, annualInvestment: 0.5 },
      pipelineOutput: { enterprises: 1, output: 6_000_000 },
    });
    // A CH02 chain office sees none of it.
    expect(await summary(office02)).toMatchObject({
      signed: { count: 0, amount: 0 },
      rates: { performance: null },
      pipelineOutput: { enterprises: 0 },
    });
    // A second year on the list is not new.
    await send('PUT', `/api/projects/${a}/major/2024`, admin, { annualPlan: 100_000_000 });
    expect((await get('/api/projects/summary?year=2024', admin)).json().majorNew).toEqual({ count: 0, totalInvestment: 0 });

    // The yearly list: each entry's plan and reported figures, and plan vs done by month.
    const major = (await get('/api/projects/major?year=2023&chain=CH05', admin)).json();
    expect(major.total).toBe(2);
    expect(major.items).toEqual([
      expect.objectContaining({ projectId: a, annualPlan: 200_000_000, completed: 150_000_000, fundsArrived: 120_000_000, isNew: true }),
      expect.objectContaining({ projectId: b, annualPlan: 200_000_000, completed: 50_000_000, fundsArrived: 40_000_000, isNew: true }),
    ]);
    expect(major.months).toHaveLength(12);
    expect(major.months[5]).toEqual({ period: '2023-06', plan: 33_333_333, completed: 200_000_000, fundsArrived: 160_000_000 });
    expect(major.months[11]).toEqual({ period: '2023-12', plan: 33_333_337, completed: 0, fundsArrived: 0 });
    const next = (await get('/api/projects/major?year=2024&chain=CH05', admin)).json();
    expect(next.items).toEqual([expect.objectContaining({ projectId: a, isNew: false, annualPlan: 100_000_000 })]);
    expect((await get('/api/projects/major?year=2023&chain=CH05', office02)).json().total).toBe(0);
  });
});

describe('projects: 代办制 and 要素保障', () => {
  it('names an agent once signed, keeps the approval checklist and lists overdue blockers to the chain office and the owning department', async () => {
    const id = await createLead();
    const agent = (payload: object) => send('PUT', `/api/projects/${id}/agent`, office02, payload);
    expect((await agent({ agentName: '李代办' })).json().error.message).toBe('签约后的项目才配备代办员');
    await send('POST', `/api/projects/${id}/stage`, office02, {
      to: 'signed',
      on: '2024-02-01',
      skippedDates: { negotiating: '2024-01-20' },
    });
    expect((await agent({ agentName: '李代办', agentPhone: '13900001111' })).statusCode).toBe(200);
    const approval = (item: string, payload: object) => send('PUT', `/api/projects/${id}/approvals/${item}`, office02, payload);
    expect((await approval('eia', { status: 'done' })).json().error.message).toBe('已办结的审批事项须填写办结日期');
    expect((await approval('eia', { status: 'done', doneOn: '2024-02-10' })).statusCode).toBe(200);
    expect((await approval('filing', { status: 'in_progress', dueOn: '2024-02-05' })).statusCode).toBe(200);
    const blocker = (payload: object) => send('POST', `/api/projects/${id}/blockers`, office02, payload);
    const late = await blocker({
      kind: 'power',
      description: '示例：35千伏专线未接入',
      ownerDepartment: '市发展和改革委员会',
      dueOn: '2024-03-01',
    });
    expect(late.statusCode, late.body).toBe(201);
    expect(late.json()).toMatchObject({ kind: 'power', overdue: true, resolvedOn: null });
    await blocker({ kind: 'land', description: '示例：用地指标', ownerDepartment: '市自然资源和规划局', dueOn: '2999-01-01' });

    const support = (await get(`/api/projects/${id}/support`, office02)).json();
    expect(support).toMatchObject({ agentName: '李代办', agentPhone: '13900001111' });
    expect(support.approvals).toEqual([
      { item: 'eia', status: 'done', dueOn: null, doneOn: '2024-02-10' },
      { item: 'filing', status: 'in_progress', dueOn: '2024-02-05', doneOn: null },
    ]);
    expect(support.blockers.map((b: { overdue: boolean }) => b.overdue)).toEqual([true, false]);

    const overdueIds = async (s: Session) =>
      (await get('/api/projects/blockers?overdue=true', s)).json().items.map((b: { id: number }) => b.id) as number[];
    expect(await overdueIds(office02)).toContain(late.json().id);
    expect(await overdueIds(department)).toEqual([late.json().id]);
    expect(await overdueIds(office05)).not.toContain(late.json().id);
    // The owning department marks it resolved; then it is no longer overdue.
    const resolved = await send('POST', `/api/projects/blockers/${late.json().id}/resolve`, department, { resolvedOn: '2024-03-10' });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(await overdueIds(department)).toEqual([]);
  });
});

describe('projects: 签约活动 and the 多次签约活动 warning', () => {
  it('records the events of a signed project, refuses bad ones, and warns when one project is at two events', async () => {
    const id = await createLead({ name: '示例签约活动项目' });
    const event = (payload: object, locale?: string) => send('POST', `/api/projects/${id}/signing-events`, office02, payload, locale);
    const first = { eventName: '2024年示例重大项目集中签约活动', heldOn: '2024-02-01' };
    expect((await event(first)).json().error.message).toBe('签约后的项目才有签约活动');
    await send('POST', `/api/projects/${id}/stage`, office02, {
      to: 'signed',
      on: '2024-02-01',
      skippedDates: { negotiating: '2024-01-20' },
    });
    const warnings = async () =>
      (await get('/api/projects/warnings?kind=multi_event&asOf=2024-12-31', office02))
        .json()
        .items.filter((w: { projectId: number }) => w.projectId === id);

    expect((await event(first)).statusCode).toBe(201);
    expect(await warnings()).toEqual([]);
    expect((await event(first)).json().error.message).toBe('这个项目已登记过这次签约活动（同名同日）');
    expect((await event({ eventName: '示例投洽会', heldOn: '2999-01-01' }, 'en')).json().error.message).toBe(
      'The event date cannot be later than today',
    );
    expect((await event({ eventName: ' ', heldOn: '2024-03-01' })).statusCode).toBe(400);
    const second = await event({ eventName: '示例湘南湘西承接产业转移投洽会', heldOn: '2024-03-18' });
    expect(second.statusCode, second.body).toBe(201);

    expect(await warnings()).toEqual([
      {
        kind: 'multi_event',
        projectId: id,
        name: '示例签约活动项目',
        chainCode: 'CH02',
        stage: 'signed',
        date: '2024-03-18',
        days: 2,
        otherProjectId: null,
      },
    ]);
    // Not yet at the second event on its eve; another chain's office does not see the project at all.
    expect(
      (await get('/api/projects/warnings?kind=multi_event&asOf=2024-03-17', office02))
        .json()
        .items.map((w: { projectId: number }) => w.projectId),
    ).not.toContain(id);
    expect((await get('/api/projects/warnings?kind=multi_event&asOf=2024-12-31', office05)).json().items).toEqual([]);
    const support = (await get(`/api/projects/${id}/support`, office02)).json();
    expect(support.signingEvents.map((e: { eventName: string; heldOn: string }) => [e.eventName, e.heldOn])).toEqual([
      ['2024年示例重大项目集中签约活动', '2024-02-01'],
      ['示例湘南湘西承接产业转移投洽会', '2024-03-18'],
    ]);

    // Removing the event recorded by mistake clears the warning; an event of another project is unknown here.
    const removeUrl = `/api/projects/${id}/signing-events/${second.json().id}`;
    expect((await t.app.inject({ method: 'DELETE', url: removeUrl, headers: office05.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: removeUrl, headers: office02.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'DELETE', url: removeUrl, headers: office02.headers })).statusCode).toBe(404);
    expect(await warnings()).toEqual([]);
    const audit = await t.database.db.execute<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE entity = 'project_signing_event' ORDER BY id`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['create', 'create', 'delete']);
  });
});
