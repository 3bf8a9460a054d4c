// 督查考核 through the API on a hand-made world (no reference data): chains TA and TB, park P1
// (national) and P2 (provincial), one firm each, Jan–Mar 2024 and 2025 published. Every score below
// can be worked out by hand from the figures in `world`.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { CreateSchemeRequest, RunDetail, SchemeDefinition, SchemeIndicator } from '../../../shared/contracts/assessment.js';
import type { Db } from '../../db/client.js';
import { rejectedPaths, useTestApp } from '../../test/app.js';
import { publishHistory } from '../../test/factories/common.js';
import { buildChain } from '../../test/factories/chains.js';
import { buildEnterprise } from '../../test/factories/enterprises.js';
import { insertMonths } from '../../test/factories/figures.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { createNode } from '../chains/chain-nodes.service.js';
import { setChainTarget } from '../chains/chains.service.js';
import { createIndustry } from '../industries/industries.service.js';
import { createPark } from '../parks/parks.service.js';
import { createRegion } from '../regions/regions.service.js';

const REGION = '439001';
const parks: Record<'P1' | 'P2', number> = { P1: 0, P2: 0 };

/**
 * TA's firm (in P1) made 1,000,000 a month in Jan–Mar 2024 and 1,100,000 in 2025: +10%; TB's (in P2)
 * 2,000,000 then 2,050,000: +2.5%. Targets 2025: TA 4,400,000 (3,300,000 YTD → 75%), TB 12,300,000 (50%).
 */
async function world(db: Db) {
  await createRegion(db, SYSTEM_ACTOR, { code: REGION, name: '测试区', shortName: '测试', kind: 'district' });
  await createIndustry(db, SYSTEM_ACTOR, { code: 'T1', group: '四新', name: '测试产业' });
  for (const [code, level] of [
    ['P1', 'national'],
    ['P2', 'provincial'],
  ] as const) {
    parks[code] = (
      await createPark(db, SYSTEM_ACTOR, {
        name: `测试园区${code}`,
        shortName: code,
        level,
        regionCode: REGION,
        areaHectares: null,
        establishedOn: null,
        focus: [],
        focusChainCodes: [],
      })
    ).id;
  }
  const months = (year: number, value: number) =>
    Object.fromEntries(['01', '02', '03'].map((m) => [`${year}-${m}`, { grossOutput: value }]));
  for (const [chain, park, before, after, target] of [
    ['TA', 'P1', 1_000_000, 1_100_000, 4_400_000],
    ['TB', 'P2', 2_000_000, 2_050_000, 12_300_000],
  ] as const) {
    await buildChain(db, chain, { name: `测试链${chain}`, industryCode: 'T1', sortOrder: 1 });
    await createNode(db, SYSTEM_ACTOR, chain, { key: 'n1', name: '环节', stage: 'midstream', gbt4754: [] });
    await setChainTarget(db, SYSTEM_ACTOR, chain, 2025, { outputTargetYuan: target, growthTarget: null });
    const firm = await buildEnterprise(db, {
      regionCode: REGION,
      parkId: parks[park],
      aboveScaleYears: [2024, 2025],
      memberships: [{ chainCode: chain, nodeKey: 'n1', isPrimary: true }],
    });
    await insertMonths(db, firm.uscc, { ...months(2024, before), ...months(2025, after) });
  }
  await publishHistory(db, ['2024-02', '2024-03', '2025-02', '2025-03']);
}

const t = useTestApp({
  reference: false,
  data: world,
  users: {
    admin: { role: 'admin' },
    chief: { role: 'chain_chief', scopes: [{ kind: 'chain', ref: 'TA' }] },
    park: { role: 'park', scopes: [{ kind: 'park', ref: 'P2' }] },
    firm: { role: 'department', scopes: [{ kind: 'department', ref: '市发展和改革委员会' }] },
  },
});

const linear = (floor: number, target: number) => ({ kind: 'linear' as const, floor, target });

/** A 2025 scheme with the given indicators and the one veto item `accident`. */
function schemeOf(
  kind: 'chain' | 'park',
  name: string,
  indicators: SchemeIndicator[],
  extra: Partial<SchemeDefinition> = {},
): CreateSchemeRequest {
  return {
    kind,
    year: 2025,
    name,
    definition: { indicators, bonuses: [], deductions: [], vetoes: [{ code: 'accident', name: '重大安全事故' }], ...extra },
  };
}

const CHAIN_SCHEME = schemeOf(
  'chain',
  '测试链长制考核',
  [
    { code: 'growth', name: '产值增长', group: '', weight: 40, source: 'chain_output_growth', rule: linear(0, 0.1) },
    { code: 'target', name: '目标完成', group: '', weight: 30, source: 'target_completion', rule: linear(0.5, 1) },
    { code: 'duty', name: '链长履职', group: '', weight: 20, source: 'manual', rule: linear(0, 100) },
    { code: 'growth_rank', name: '增长排位', group: '', weight: 10, source: 'chain_output_growth', rule: { kind: 'rank' } },
  ],
  { bonuses: [{ code: 'pilot', name: '国家级试点', maxPoints: 3 }], deductions: [{ code: 'late', name: '督办逾期', maxPoints: 3 }] },
);

const PARK_SCHEME = schemeOf('park', '测试五好园区', [
  { code: 'growth', name: '产值增长', group: '规划定位好', weight: 50, source: 'chain_output_growth', rule: linear(0, 0.1) },
  { code: 'image', name: '发展形象', group: '发展形象好', weight: 50, source: 'manual', rule: linear(0, 100) },
]);

async function createAs(payload: object, who: 'admin' | 'chief' = 'admin') {
  return t.app.inject({ method: 'POST', url: '/api/assessment/schemes', payload, headers: t.users[who].headers });
}

async function enter(schemeId: number, objectCode: string, itemCode: string, value: number | null, evidence: string) {
  return t.app.inject({
    method: 'PUT',
    url: `/api/assessment/schemes/${schemeId}/entries`,
    payload: { objectCode, itemCode, value, evidence },
    headers: t.users.admin.headers,
  });
}

async function run(schemeId: number): Promise<RunDetail> {
  const res = await t.app.inject({ method: 'POST', url: `/api/assessment/schemes/${schemeId}/runs`, headers: t.users.admin.headers });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const countSchemes = async () =>
  (await t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM assessment_schemes`)).rows[0]?.n;

/** Each object's total and indicator scores (what must not move between runs). */
const scoresOf = (r: RunDetail) =>
  r.results.map((o) => [o.code, o.total, o.rank, o.vetoed, o.indicators.map((i) => [i.score, i.figures.value])]);

describe('the chain scheme on hand-made figures', () => {
  let schemeId = 0;
  let first: RunDetail;

  it('scores each indicator from its source and ranks the chains', async () => {
    const created = await createAs(CHAIN_SCHEME);
    expect(created.statusCode, created.body).toBe(201);
    schemeId = created.json().id;
    expect((await enter(schemeId, 'TA', 'duty', 80, '调度会 6 次')).statusCode).toBe(200);
    expect((await enter(schemeId, 'TB', 'duty', 90, '调度会 8 次')).statusCode).toBe(200);
    expect((await enter(schemeId, 'TB', 'pilot', 2, '国家级试点批复')).statusCode).toBe(200);
    expect((await enter(schemeId, 'TA', 'late', 1, '一项督办逾期')).statusCode).toBe(200);
    first = await run(schemeId);
    const ta = first.results.find((o) => o.code === 'TA');
    const tb = first.results.find((o) => o.code === 'TB');
    // TA: growth 10% → 40; target 75% → (0.75−0.5)/0.5 × 30 = 15; duty 80 → 16; rank 1 of 2 → 10; − 1 = 80.
    expect(ta?.indicators.map((i) => i.score)).toEqual([40, 15, 16, 10]);
    expect(ta).toMatchObject({ indicatorTotal: 81, bonus: 0, deduction: 1, total: 80, rank: 1, vetoed: false });
    // TB: growth 2.5% → 10; target 50% → 0; duty 90 → 18; rank 2 of 2 → 5; + 2 = 35.
    expect(tb?.indicators.map((i) => i.score)).toEqual([10, 0, 18, 5]);
    expect(tb).toMatchObject({ indicatorTotal: 33, bonus: 2, total: 35, rank: 2 });
    expect(ta?.indicators[0]?.figures.value).toBeCloseTo(0.1, 10);
    expect(ta?.indicators[0]?.figures).toMatchObject({
      period: '2025-01…2025-03',
      status: 'published',
      detail: { output: 3_300_000, outputPrevYear: 3_000_000 },
    });
    expect(ta?.indicators[1]?.figures).toMatchObject({ value: 0.75, detail: { output: 3_300_000, target: 4_400_000 } });
    expect(tb?.indicators[2]?.figures).toMatchObject({ value: 90, status: 'manual', evidence: '调度会 8 次' });
  });

  it('keeps a stored run when data changes, and a rerun on unchanged data scores the same', async () => {
    const again = await run(schemeId);
    expect(scoresOf(again)).toEqual(scoresOf(first));
    await enter(schemeId, 'TA', 'duty', 20, '复核后调整');
    await t.database.db.execute(sql`UPDATE monthly_figures SET gross_output = gross_output * 2 WHERE period = '2025-03'`);
    const stored = (await t.app.inject({ method: 'GET', url: `/api/assessment/runs/${first.id}`, headers: t.users.admin.headers })).json();
    expect(scoresOf(stored)).toEqual(scoresOf(first));
    // The rerun reads the published (frozen) figures, so only the changed manual score moves: 16 → 4.
    const later = await run(schemeId);
    expect(later.results.find((o) => o.code === 'TA')?.indicators.map((i) => i.score)).toEqual([40, 15, 4, 10]);
  });

  it('writes a new version when a scheme with runs is edited; the old run keeps its definition', async () => {
    const definition = { ...CHAIN_SCHEME.definition, vetoes: [] };
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/assessment/schemes/${schemeId}`,
      payload: { definition },
      headers: t.users.admin.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, runCount: 0 });
    expect(res.json().id).not.toBe(schemeId);
    expect(res.json().entries).toHaveLength(4);
    const old = (await t.app.inject({ method: 'GET', url: `/api/assessment/schemes/${schemeId}`, headers: t.users.admin.headers })).json();
    expect(old).toMatchObject({ version: 1, status: 'archived' });
    const stored = (await t.app.inject({ method: 'GET', url: `/api/assessment/runs/${first.id}`, headers: t.users.admin.headers })).json();
    expect(stored.definition.vetoes).toHaveLength(1);
  });

  it('shows a 链长 only the results of its chains, and a department nothing', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/assessment/runs/${first.id}`, headers: t.users.chief.headers });
    expect(res.json().results.map((o: { code: string }) => o.code)).toEqual(['TA']);
    expect((await t.app.inject({ method: 'GET', url: '/api/assessment/runs', headers: t.users.firm.headers })).statusCode).toBe(403);
    expect((await createAs(CHAIN_SCHEME, 'chief')).statusCode).toBe(403);
  });
});

describe('the park scheme', () => {
  it('ranks national and provincial parks apart, a veto zeroing the total', async () => {
    const created = await createAs(PARK_SCHEME);
    const schemeId: number = created.json().id;
    await enter(schemeId, String(parks.P1), 'image', 60, '现场评价');
    await enter(schemeId, String(parks.P2), 'image', 100, '现场评价');
    expect((await enter(schemeId, String(parks.P2), 'accident', null, '示例：某月发生较大事故')).statusCode).toBe(200);
    const result = await run(schemeId);
    const p1 = result.results.find((o) => o.name === 'P1');
    const p2 = result.results.find((o) => o.name === 'P2');
    // P1: 10% → 50, image 60 → 30 = 80; P2: 2.5% → 12.5, image 100 → 50 = 62.5, vetoed → 0.
    expect(p1).toMatchObject({ level: 'national', indicatorTotal: 80, total: 80, rank: 1 });
    expect(p2).toMatchObject({ level: 'provincial', indicatorTotal: 62.5, total: 0, vetoed: true, rank: 1 });
    expect(p2?.adjustments).toEqual([
      { kind: 'veto', code: 'accident', name: '重大安全事故', points: 0, evidence: '示例：某月发生较大事故' },
    ]);
    const asPark = (await t.app.inject({ method: 'GET', url: `/api/assessment/runs/${result.id}`, headers: t.users.park.headers })).json();
    expect(asPark.results.map((o: { name: string }) => o.name)).toEqual(['P2']);
  });
});

describe('bad input', () => {
  it('refuses weights that do not sum to 100, saving nothing', async () => {
    const before = await countSchemes();
    const [first, ...rest] = CHAIN_SCHEME.definition.indicators;
    const payload = { ...CHAIN_SCHEME, definition: { ...CHAIN_SCHEME.definition, indicators: [{ ...first, weight: 30 }, ...rest] } };
    const res = await createAs(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('各项指标权重合计为 90，应为 100；请调整权重后再保存（未保存任何内容）。');
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/assessment/schemes',
      payload,
      headers: { ...t.users.admin.headers, 'x-locale': 'en' },
    });
    expect(en.json().error.message).toContain('add up to 90, not 100');
    expect(await countSchemes()).toBe(before);
  });

  it('refuses an unknown source, and a source that cannot score the kind', async () => {
    const [first, ...rest] = CHAIN_SCHEME.definition.indicators;
    const unknown = await createAs({
      ...CHAIN_SCHEME,
      definition: { ...CHAIN_SCHEME.definition, indicators: [{ ...first, source: 'gdp' }, ...rest] },
    });
    expect(unknown.statusCode).toBe(400);
    expect(rejectedPaths(unknown)).toEqual(['body.definition.indicators.0.source']);
    const wrongKind = await createAs({
      ...PARK_SCHEME,
      definition: {
        ...PARK_SCHEME.definition,
        indicators: [{ ...PARK_SCHEME.definition.indicators[0], source: 'target_completion' }, PARK_SCHEME.definition.indicators[1]],
      },
    });
    expect(wrongKind.statusCode).toBe(400);
  });

  it('refuses a veto without its reason and an entry without evidence', async () => {
    const { id } = (await createAs(PARK_SCHEME)).json();
    const veto = await enter(id, String(parks.P1), 'accident', null, '');
    expect(veto.statusCode).toBe(400);
    expect(veto.json().error.message).toBe('一票否决须写明理由。');
    expect(rejectedPaths(await enter(id, String(parks.P1), 'image', 70, ''))).toEqual(['body.evidence']);
    const entries = (await t.app.inject({ method: 'GET', url: `/api/assessment/schemes/${id}`, headers: t.users.admin.headers })).json()
      .entries;
    expect(entries).toEqual([]);
  });
});
