import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectRefusal, loginAs, rejectedPaths, type Session, type TestApp } from '../../test/app.js';
import { buildUser, countRows, TEST_PASSWORD } from '../../test/factories/common.js';
import { seedReferenceData } from '../demo/seed.js';
import { currentYear } from '../../../shared/stats/period.js';
import { auditRows, buildFirm } from '../../test/factories/chains.js';

let t: TestApp;
let admin: Session;
let leader: Session;
let officeCh02: Session;
let parkUser: Session;
let firmUser: Session;
let firmA: string;
let firmB: string;
let firmC: string;

async function sessionFor(overrides: Parameters<typeof buildUser>[1]): Promise<Session> {
  const user = await buildUser(t.database.db, overrides);
  return loginAs(t.app, user.username, TEST_PASSWORD);
}

beforeAll(async () => {
  t = await createTestApp();
  const seeded = await seedReferenceData(t.database.db);
  expect(seeded.seeded).toBe(true);
  const db = t.database.db;
  // CH02: A and B in 变压器 (both 规上 in 2024), C alone in 铜材 (not 规上, in 衡阳高新区). B's primary chain is CH04.
  firmA = await buildFirm(db, { name: '甲变压器(示例)', nodes: ['CH02:xfmr'], aboveScaleYears: [2023, 2024] });
  firmB = await buildFirm(db, { name: '乙铜业(示例)', nodes: ['CH04:cuproc', 'CH02:xfmr'], aboveScaleYears: [2024] });
  firmC = await buildFirm(db, { name: '丙铜材(示例)', nodes: ['CH02:cu'], parkShortName: '衡阳高新区' });
  admin = await sessionFor({ role: 'admin' });
  leader = await sessionFor({ role: 'leader' });
  officeCh02 = await sessionFor({ role: 'chain_office', scopes: [{ kind: 'chain', ref: 'CH02' }] });
  parkUser = await sessionFor({ role: 'park', scopes: [{ kind: 'park', ref: '衡阳高新区' }] });
  firmUser = await sessionFor({ role: 'enterprise', scopes: [{ kind: 'enterprise', ref: firmA }] });
});
afterAll(async () => t.close());

const get = (url: string, s: Session, locale = 'zh-CN') =>
  t.app.inject({ method: 'GET', url, headers: { ...s.headers, 'x-locale': locale } });

describe('GET /api/chains', () => {
  it('keeps the contract: items with code, name, industryCode, nodeCount, enterpriseCount, and total', async () => {
    const res = await get('/api/chains?year=2024', admin);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(15);
    expect(body.items).toHaveLength(15);
    const ch02 = body.items.find((c: { code: string }) => c.code === 'CH02');
    expect(ch02).toMatchObject({
      code: 'CH02',
      name: '输变电装备产业链',
      industryCode: 'E1',
      nodeCount: 10,
      enterpriseCount: 3,
      aboveScaleCount: 2,
    });
    // B sits in CH04 once (its primary), A and C are not there.
    expect(body.items.find((c: { code: string }) => c.code === 'CH04')).toMatchObject({ enterpriseCount: 1, nodeCount: 8 });
  });

  it('shows the list of the year asked for: 14 chains in 2022, CH15 from 2023, this year by default', async () => {
    const y2022 = (await get('/api/chains?year=2022', admin)).json();
    expect(y2022.total).toBe(14);
    expect(y2022.items.map((c: { code: string }) => c.code)).not.toContain('CH15');
    const y2023 = (await get('/api/chains?year=2023', admin)).json();
    expect(y2023.total).toBe(15);
    const now = (await get('/api/chains', admin)).json();
    expect(now).toMatchObject({ year: currentYear(), total: 15 });
    // 规上 counts follow the year: in 2023 only A was 规上.
    expect(y2023.items.find((c: { code: string }) => c.code === 'CH02').aboveScaleCount).toBe(1);
  });

  it('filters by data scope: a chain office sees its chain, a firm the chains it belongs to, the leader and parks all', async () => {
    expect((await get('/api/chains?year=2024', officeCh02)).json()).toMatchObject({ total: 1, items: [{ code: 'CH02' }] });
    expect((await get('/api/chains?year=2024', firmUser)).json()).toMatchObject({ total: 1, items: [{ code: 'CH02' }] });
    expect((await get('/api/chains?year=2024', leader)).json().total).toBe(15);
    expect((await get('/api/chains?year=2024', parkUser)).json().total).toBe(15);
  });

  it('refuses a bad year with the field path', async () => {
    const res = await get('/api/chains?year=abc', admin);
    expect(res.statusCode).toBe(400);
    expect(rejectedPaths(res)).toEqual(['querystring.year']);
  });
});

describe('GET /api/chains/:code', () => {
  it('gives the chain facts, node statuses, edges by key and the chain firms', async () => {
    const res = await get('/api/chains/CH02?year=2024', admin);
    expect(res.statusCode).toBe(200);
    const chain = res.json();
    expect(chain).toMatchObject({
      code: 'CH02',
      office: '市工业和信息化局',
      chiefTitle: '市委副书记',
      canEdit: true,
      canAdminister: true,
      year: 2024,
    });
    expect(chain.supportingDepartments).toContain('市财政局');
    const status = (key: string) => chain.nodes.find((n: { key: string }) => n.key === key);
    expect(status('xfmr')).toMatchObject({ enterpriseCount: 2, aboveScaleCount: 2, status: 'ok', stage: 'midstream', gbt4754: ['3821'] });
    expect(status('cu')).toMatchObject({ enterpriseCount: 1, aboveScaleCount: 0, status: 'weak' });
    expect(status('uhv')).toMatchObject({ enterpriseCount: 0, status: 'missing' });
    expect(chain.nodes[0].stage).toBe('upstream');
    expect(chain.edges).toHaveLength(12);
    expect(chain.edges).toContainEqual({ from: 'cu', to: 'xfmr' });
    expect(chain.enterprises).toHaveLength(3);
    expect(chain.enterprises.find((e: { uscc: string }) => e.uscc === firmA)).toMatchObject({
      primary: true,
      nodeKeys: ['xfmr'],
      aboveScale: true,
    });
    expect(chain.enterprises.find((e: { uscc: string }) => e.uscc === firmB)).toMatchObject({ primary: false, nodeKeys: ['xfmr'] });
  });

  it('judges 弱链 by the year: in 2023 变压器 has one 规上 firm and is still ok, in 2022 none and is weak', async () => {
    const node = async (year: number) =>
      (await get(`/api/chains/CH02?year=${year}`, admin)).json().nodes.find((n: { key: string }) => n.key === 'xfmr');
    expect((await node(2023)).status).toBe('ok');
    expect((await node(2022)).status).toBe('weak');
  });

  it('shows a park user only its own firms on the chain, while counts cover all', async () => {
    const chain = (await get('/api/chains/CH02?year=2024', parkUser)).json();
    expect(chain.enterpriseCount).toBe(3);
    expect(chain.enterprises.map((e: { uscc: string }) => e.uscc)).toEqual([firmC]);
    expect(chain.canEdit).toBe(false);
  });

  it('answers a chain office another chain, and a firm the chains it is not in, as if they did not exist', async () => {
    expect((await get('/api/chains/CH04', officeCh02)).statusCode).toBe(404);
    expect((await get('/api/chains/CH04', firmUser)).statusCode).toBe(404);
    const own = (await get('/api/chains/CH02', firmUser)).json();
    expect(own.enterprises.map((e: { uscc: string }) => e.uscc)).toEqual([firmA]);
  });

  it('answers 404 for an unknown chain, in the language of the UI', async () => {
    const zh = await get('/api/chains/CH99', admin);
    expect(zh.statusCode).toBe(404);
    expect(zh.json().error.message).toContain('产业链 CH99 不存在');
    const en = await get('/api/chains/CH99', admin, 'en');
    expect(en.json().error.message).toContain('Chain CH99 does not exist');
  });
});

describe('chain writes', () => {
  const send = (method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, s: Session, payload?: object, locale = 'zh-CN') =>
    t.app.inject({ method, url, headers: { ...s.headers, 'x-locale': locale }, payload });

  it('lets the admin create, edit and delete a chain, each audited with before and after', async () => {
    const created = await send('POST', '/api/chains', admin, { code: 'ch16', name: '测试产业链', industryCode: 'X2', validFromYear: 2025 });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: 'CH16', nodeCount: 0, enterpriseCount: 0, validToYear: null });
    expect((await get('/api/chains?year=2024', admin)).json().total).toBe(15);
    expect((await get('/api/chains?year=2025', admin)).json().total).toBe(16);

    const edited = await send('PATCH', '/api/chains/CH16', admin, { validToYear: 2025, office: '市发展和改革委员会' });
    expect(edited.statusCode).toBe(200);
    expect((await get('/api/chains?year=2026', admin)).json().total).toBe(15);

    expect((await send('DELETE', '/api/chains/CH16', admin)).statusCode).toBe(200);
    const audit = await auditRows(t.database.db, 'chain', 'CH16');
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
    expect(audit[1]).toMatchObject({
      before: { office: null, validToYear: null },
      after: { office: '市发展和改革委员会', validToYear: 2025 },
    });
    expect(audit[2]?.before).toMatchObject({ code: 'CH16', nodes: [] });
  });

  it('refuses duplicates with 409 and an unknown industry with 400, writing nothing', async () => {
    const before = await countRows(t.database.db, 'chains');
    const chain = { code: 'CH17', name: '某链', industryCode: 'E1', validFromYear: 2024 };
    expectRefusal(await send('POST', '/api/chains', admin, { ...chain, code: 'CH02' }), 409, 'CH02');
    expectRefusal(await send('POST', '/api/chains', admin, { ...chain, name: '输变电装备产业链' }), 409, '输变电装备产业链');
    const badIndustry = await send('POST', '/api/chains', admin, { ...chain, industryCode: 'ZZ' });
    expect(badIndustry.statusCode).toBe(400);
    expect(badIndustry.json().error.details).toEqual([{ path: 'body.industryCode', message: 'unknown industry ZZ' }]);
    const badShape = await send('POST', '/api/chains', admin, { code: 'x', name: '', validFromYear: 1800 });
    expect(badShape.statusCode).toBe(400);
    expect(rejectedPaths(badShape)).toEqual(['body.code', 'body.industryCode', 'body.name', 'body.validFromYear']);
    expect(await countRows(t.database.db, 'chains')).toBe(before);
  });

  it('lets a chain office edit its own chain facts but not the list fields, and not other chains', async () => {
    const ok = await send('PATCH', '/api/chains/CH02', officeCh02, { chainMasters: ['甲变压器(示例)'], name: '输变电装备产业链' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().chainMasters).toEqual(['甲变压器(示例)']);
    const rename = await send('PATCH', '/api/chains/CH02', officeCh02, { name: '输变电产业链' });
    expect(rename.statusCode).toBe(403);
    expect(rename.json().error.message).toContain('只有系统管理员');
    expect((await send('PATCH', '/api/chains/CH04', officeCh02, { office: '某局' })).statusCode).toBe(404);
    expect((await send('PATCH', '/api/chains/CH02', leader, { office: '某局' })).statusCode).toBe(403);
    expect(
      (await send('POST', '/api/chains', officeCh02, { code: 'CH18', name: '链', industryCode: 'E1', validFromYear: 2024 })).statusCode,
    ).toBe(403);
  });

  it('refuses to delete a chain with firms on its nodes, with the count', async () => {
    const res = await send('DELETE', '/api/chains/CH02', admin);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('有 3 家企业');
    expect((await get('/api/chains/CH02', admin)).statusCode).toBe(200);
  });

  it('sets and deletes a yearly target (output in 元, growth as a fraction), audited', async () => {
    const put = await send('PUT', '/api/chains/CH02/targets/2025', officeCh02, { outputTargetYuan: 32_000_000_000, growthTarget: 0.12 });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({ year: 2025, outputTargetYuan: 32_000_000_000, growthTarget: 0.12, version: 1 });
    const again = await send('PUT', '/api/chains/CH02/targets/2025', officeCh02, { outputTargetYuan: 33_000_000_000, growthTarget: null });
    expect(again.json()).toEqual({ year: 2025, outputTargetYuan: 33_000_000_000, growthTarget: null, version: 2 });
    expect((await get('/api/chains/CH02', admin)).json().targets).toEqual([
      { year: 2025, outputTargetYuan: 33_000_000_000, growthTarget: null, version: 2 },
    ]);
    const empty = await send('PUT', '/api/chains/CH02/targets/2026', officeCh02, { outputTargetYuan: null, growthTarget: null });
    expect(empty.statusCode).toBe(400);
    const fractional = await send('PUT', '/api/chains/CH02/targets/2026', officeCh02, { outputTargetYuan: 1.5, growthTarget: 0.1 });
    expect(rejectedPaths(fractional)).toEqual(['body.outputTargetYuan']);
    expect((await send('DELETE', '/api/chains/CH02/targets/2025', officeCh02)).statusCode).toBe(200);
    expect((await send('DELETE', '/api/chains/CH02/targets/2025', officeCh02)).statusCode).toBe(404);
    const audit = await auditRows(t.database.db, 'chain_target', 'CH02:2025');
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
    expect(audit[1]).toMatchObject({ before: { outputTargetYuan: 32_000_000_000 }, after: { outputTargetYuan: 33_000_000_000 } });
  });
});
