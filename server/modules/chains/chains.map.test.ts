// The chain map and health ranking through the API, on CH02 (输变电装备产业链, 10 nodes) with firms and
// published months made here, so every status, reason and figure can be checked by hand.
import { describe, expect, it } from 'vitest';
import { rejectedPaths, useTestApp, type Session } from '../../test/app.js';
import { buildFirm } from '../../test/factories/chains.js';
import { publishHistory } from '../../test/factories/common.js';
import { insertMonths } from '../../test/factories/figures.js';
import type { Db } from '../../db/client.js';

/** Six months of 2024 at `now` a month and of 2023 at `before` a month. */
const halfYears = (now: number, before: number) =>
  Object.fromEntries(
    [1, 2, 3, 4, 5, 6].flatMap((m) => [
      [`2024-0${m}`, { grossOutput: now }],
      [`2023-0${m}`, { grossOutput: before }],
    ]),
  );

async function data(db: Db): Promise<void> {
  // xfmr: 甲 1000/month and 乙 500/month, flat on 2023; cu: 丙 alone (feeds wire and xfmr, xfmr is local);
  // switch: 丁 alone, 100 against 200 (−50%; switch feeds uhv and grid, neither local); wire: 戊 and 己, not 规上.
  const jia = await buildFirm(db, { name: '甲变压器(示例)', nodes: ['CH02:xfmr'], aboveScaleYears: [2023, 2024] });
  const yi = await buildFirm(db, { name: '乙变压器(示例)', nodes: ['CH02:xfmr'], aboveScaleYears: [2024] });
  const bing = await buildFirm(db, { name: '丙铜材(示例)', nodes: ['CH02:cu'], aboveScaleYears: [2024] });
  const ding = await buildFirm(db, { name: '丁开关(示例)', nodes: ['CH02:switch'], aboveScaleYears: [2024] });
  await buildFirm(db, { name: '戊电缆(示例)', nodes: ['CH02:wire'] });
  await buildFirm(db, { name: '己电缆(示例)', nodes: ['CH02:wire'] });
  await insertMonths(db, jia, halfYears(1000, 1000));
  await insertMonths(db, yi, halfYears(500, 500));
  await insertMonths(db, bing, halfYears(300, 300));
  await insertMonths(db, ding, halfYears(100, 200));
  // 甲 is the only firm of 2023's 名录: 1000 a month all year, so by June 2023 half the year was made.
  await insertMonths(db, jia, Object.fromEntries(['07', '08', '09', '10', '11', '12'].map((m) => [`2023-${m}`, { grossOutput: 1000 }])));
  const months2023 = ['02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `2023-${m}`);
  await publishHistory(db, [...months2023, '2024-02', '2024-03', '2024-04', '2024-05', '2024-06']);
}

const t = useTestApp({
  data,
  users: {
    admin: { role: 'admin' },
    leader: { role: 'leader' },
    office: { role: 'chain_office', scopes: [{ kind: 'chain', ref: 'CH02' }] },
  },
});

const get = (url: string, s: Session, locale = 'zh-CN') =>
  t.app.inject({ method: 'GET', url, headers: { ...s.headers, 'x-locale': locale } });
type MapBody = {
  period: string;
  name: string;
  output: number;
  nodes: {
    key: string;
    status: string;
    action: string;
    reason: string;
    output: number;
    enterpriseCount: number;
    firms: { name: string }[];
  }[];
  edges: { from: string; to: string }[];
  health: { score: number; components: { name: string; value: number }[] };
  figures: { status: string; unit: string; range: string };
};
const node = (body: MapBody, key: string) => body.nodes.find((n) => n.key === key);

describe('GET /api/chains/{code}/map', () => {
  it('opens on the latest published month with every node’s status, reason, action and output', async () => {
    const res = await get('/api/chains/CH02/map', t.users.leader);
    expect(res.statusCode).toBe(200);
    const body = res.json<MapBody>();
    expect(body).toMatchObject({ code: 'CH02', name: '输变电装备产业链', period: '2024-06', output: 11_400 });
    expect(body.figures).toMatchObject({ status: 'published', unit: 'yuan', range: 'ytd' });
    expect(body.nodes).toHaveLength(10);
    expect(body.edges).toContainEqual({ from: 'cu', to: 'xfmr' });
    expect(node(body, 'uhv')).toMatchObject({ status: 'missing', action: 'fill', reason: '本地无企业', enterpriseCount: 0, output: 0 });
    expect(node(body, 'cu')).toMatchObject({ status: 'fragile', action: 'secure', reason: '仅1家供应商：丙铜材(示例)', output: 1800 });
    expect(node(body, 'switch')).toMatchObject({ status: 'fragile', reason: '产值同比下降50%（阈值 30%）', output: 600 });
    expect(node(body, 'wire')).toMatchObject({ status: 'weak', action: 'grow', reason: '无规上企业；产值占全链0%，低于2%' });
    expect(node(body, 'xfmr')).toMatchObject({ status: 'strong', action: 'extend', output: 9000, reason: '2家企业，其中规上2家' });
    expect(node(body, 'xfmr')?.firms.map((f) => f.name)).toEqual(['甲变压器(示例)', '乙变压器(示例)']);
  });

  it('states the reasons in English for an English caller', async () => {
    const body = (await get('/api/chains/CH02/map?period=2024-06', t.users.leader, 'en')).json<MapBody>();
    expect(node(body, 'uhv')?.reason).toBe('No local firm');
    expect(node(body, 'cu')?.reason).toBe('Only 1 supplier: 丙铜材(示例)');
  });

  it('computes the health index: 100 × (0.3×0.4 + 0.2×(1−0.373961) + 0.2×0.375 + 0.15×0 + 0.15×0.5) = 39.5', async () => {
    // Coverage 4 of 10 nodes; HHI of 6000/3000/1800/600 of 11400; growth 11400 ÷ 12000 − 1 = −5%; no 链主; 9 gap nodes both years.
    const body = (await get('/api/chains/CH02/map?period=2024-06', t.users.leader)).json<MapBody>();
    expect(body.health.score).toBe(39.5);
    expect(body.health.components.map((c) => [c.name, c.value])).toEqual([
      ['coverage', 0.4],
      ['concentration', 0.626],
      ['growth', 0.375],
      ['chainMaster', 0],
      ['gapTrend', 0.5],
    ]);
  });

  it('reads published months only: a month never published is refused, for the admin too', async () => {
    const res = await get('/api/chains/CH02/map?period=2024-08', t.users.admin);
    expect(res.statusCode).toBe(403);
    expect(res.json<{ error: { message: string } }>().error.message).toContain('2024-06');
  });

  it('answers 404 for a chain outside a 链办’s scope, and for an unknown chain', async () => {
    expect((await get('/api/chains/CH05/map', t.users.office)).statusCode).toBe(404);
    expect((await get('/api/chains/CH99/map', t.users.admin)).statusCode).toBe(404);
  });
});

describe('target tracking on the map', () => {
  it('compares YTD with the year’s target and projects the year end from last year’s profile', async () => {
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/chains/CH02/targets/2024',
      headers: t.users.admin.headers,
      payload: { outputTargetYuan: 30_000, growthTarget: null },
    });
    expect(put.statusCode, put.body).toBe(200);
    const body = (await get('/api/chains/CH02/map?period=2024-06', t.users.leader)).json<{ tracking: unknown }>();
    // YTD 11,400 of 30,000 = 38%; 2023: 6,000 by June of 12,000 → share 0.5; 11,400 ÷ 0.5 = 22,800 = 76% of the target.
    expect(body.tracking).toEqual({
      year: 2024,
      outputTarget: 30_000,
      ytd: 11_400,
      completion: 0.38,
      lastYearShare: 0.5,
      projection: 22_800,
      projectedCompletion: 0.76,
    });
  });

  it('gives no completion or projection to a chain without a target or output last year', async () => {
    const body = (await get('/api/chains/CH05/map?period=2024-06', t.users.leader)).json<{ tracking: unknown }>();
    expect(body.tracking).toMatchObject({ outputTarget: null, ytd: 0, completion: null, lastYearShare: null, projection: null });
  });
});

describe('GET /api/chains/health', () => {
  it('ranks the 15 chains by score, CH02 first (39.5), the chains without firms at 7.5 by code', async () => {
    const res = await get('/api/chains/health?period=2024-06', t.users.leader);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ period: string; items: { code: string; score: number; rank: number }[] }>();
    expect(body.period).toBe('2024-06');
    expect(body.items).toHaveLength(15);
    expect(body.items[0]).toMatchObject({ code: 'CH02', score: 39.5, rank: 1 });
    expect(body.items[1]).toMatchObject({ code: 'CH01', score: 7.5, rank: 2 });
    expect(body.items.map((i) => i.rank)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
  });

  it('shows a 链办 its own chain only', async () => {
    const body = (await get('/api/chains/health', t.users.office)).json<{ items: { code: string }[] }>();
    expect(body.items.map((i) => i.code)).toEqual(['CH02']);
  });
});

describe('the gap thresholds', () => {
  const put = (payload: Record<string, number>, s: Session) =>
    t.app.inject({ method: 'PUT', url: '/api/chains/gap-settings', headers: s.headers, payload });

  it('refuses thresholds out of range, naming each field', async () => {
    const res = await put({ minFirms: 0, minOutputShare: 0.9, sharpDrop: 0.01 }, t.users.admin);
    expect(res.statusCode).toBe(400);
    expect(rejectedPaths(res)).toEqual(['body.minFirms', 'body.minOutputShare', 'body.sharpDrop']);
  });

  it('lets only the admin change them, and the map follows: with 1 firm and a 60% drop, 丁开关 is strong', async () => {
    expect((await put({ minFirms: 1, minOutputShare: 0.02, sharpDrop: 0.6 }, t.users.office)).statusCode).toBe(403);
    expect((await put({ minFirms: 1, minOutputShare: 0.02, sharpDrop: 0.6 }, t.users.admin)).statusCode).toBe(200);
    const body = (await get('/api/chains/CH02/map', t.users.leader)).json<MapBody>();
    expect(node(body, 'switch')).toMatchObject({ status: 'strong' });
    const settings = await get('/api/chains/gap-settings', t.users.leader);
    expect(settings.json()).toMatchObject({ thresholds: { minFirms: 1, minOutputShare: 0.02, sharpDrop: 0.6 } });
    expect((await put({ minFirms: 2, minOutputShare: 0.02, sharpDrop: 0.3 }, t.users.admin)).statusCode).toBe(200);
  });
});
