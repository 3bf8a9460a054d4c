import { describe, expect, it } from 'vitest';
import type { MonitoringChainsResponse } from '../../../shared/contracts/monitoring.js';
import type { CreateUserRequest } from '../../../shared/contracts/users.js';
import { computeComparableGrowth, type ComparableGrowth } from '../../../shared/stats/growth.js';
import { parseStatsQuery, printChainStatistics } from '../../cli/commands/stats.js';
import { runCli } from '../../cli/index.js';
import type { CliIo } from '../../cli/io.js';
import { rejectedPaths, type Session } from '../../test/app.js';
import { COUNTY_A, referenceFirmsOf, usccOf, useMonitoringApp } from '../../test/factories/monitoring.js';

const { t, fixture } = useMonitoringApp({
  // Roles other than data staff read published months only: 1–2月 and March 2024 are published.
  published: ['2024-02', '2024-03'],
  users: {
    admin: { role: 'admin' },
    leader: { role: 'leader' },
    chief: { role: 'chain_chief', scopes: [{ kind: 'chain', ref: 'CH02' }] },
    county: { role: 'county', scopes: [{ kind: 'region', ref: COUNTY_A }] },
    park: (): Partial<CreateUserRequest> => ({ role: 'park', scopes: [{ kind: 'park', ref: String(fixture.parkId) }] }),
    dept: { role: 'department', scopes: [{ kind: 'department', ref: '市发展改革委' }] },
    firm: { role: 'enterprise', scopes: [{ kind: 'enterprise', ref: usccOf('B') }] },
  },
});
const s = t.users;

async function get(session: Session, url: string) {
  return t.app.inject({ method: 'GET', url, headers: session.headers });
}

async function chainsOf(session: Session, query: string): Promise<MonitoringChainsResponse> {
  const res = await get(session, `/api/monitoring/chains?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const byCode = (answer: { chains: MonitoringChainsResponse['chains'] }, code: string) => answer.chains.find((c) => c.code === code)!;

/** The SQL engine and the plain-loop reference implementation agree on every figure. */
function expectMatchesReference(answer: MonitoringChainsResponse, reference: ComparableGrowth) {
  const pick = (f: ComparableGrowth['total']) => ({
    output: f.output,
    comparableOutput: f.comparableOutput,
    outputPrevYear: f.outputPrevYear,
    enterpriseCount: f.enterpriseCount,
    excludedFromGrowth: f.excludedFromGrowth,
    notReportedCount: f.notReportedCount,
    publishedOutputPrevYear: f.publishedOutputPrevYear,
  });
  expect(answer.total).toMatchObject({ ...pick(reference.total), chainSum: { output: reference.total.chainSumOutput } });
  expect(answer.total.yoy).toBeCloseTo(reference.total.yoy ?? NaN, 12);
  expect(answer.doubleDigitCount).toBe(reference.doubleDigitCount);
  expect(answer.chains.map((c) => c.code)).toEqual(reference.chains.map((c) => c.code));
  for (const ref of reference.chains) {
    const chain = byCode(answer, ref.code);
    expect(chain, ref.code).toMatchObject({ ...pick({ ...ref, chainSumOutput: 0 }), doubleDigit: ref.doubleDigit });
    for (const key of ['yoy', 'publishedYoy', 'contributionPp', 'contributionShare'] as const) {
      if (ref[key] === null) expect(chain[key], `${ref.code} ${key}`).toBeNull();
      else expect(chain[key], `${ref.code} ${key}`).toBeCloseTo(ref[key], 12);
    }
  }
}

describe('GET /api/monitoring/chains: the comparable basis on the hand-built fixture', () => {
  it('sums Jan–Feb 2024 per chain and deduplicated, with growth worked out by hand', async () => {
    const answer = await chainsOf(s.admin, 'period=2024-02&range=ytd');
    expect(answer).toMatchObject({ period: '2024-02', range: 'ytd', unit: '元', basis: 'comparable' });
    // Chains on the 2024 list only: CH04 was retired after 2023.
    expect(answer.chains.map((c) => [c.code, c.name])).toEqual([
      ['CH01', '测试甲产业链'],
      ['CH02', '测试乙产业链'],
      ['CH03', '测试丙产业链'],
    ]);
    // CH01 = A 220 + B 400 + D 70 + G 30 = 720. D (no 2023 figure) is excluded from growth:
    // comparable 650 over A 180 + B 320 + G (上年同期 0 + 5) 5 = 505 → +28.71%. The leaver E is not counted.
    expect(byCode(answer, 'CH01')).toMatchObject({
      output: 720,
      comparableOutput: 650,
      outputPrevYear: 505,
      enterpriseCount: 4,
      excludedFromGrowth: 1,
    });
    expect(byCode(answer, 'CH01').yoy).toBeCloseTo(145 / 505, 12);
    // CH02 = B 400 + C 110 (entrant with its below-scale 2023: 80) + F 50 (January only, base 60) = 560 over 460 → +21.74%.
    expect(byCode(answer, 'CH02')).toMatchObject({ output: 560, outputPrevYear: 460, enterpriseCount: 3, excludedFromGrowth: 0 });
    expect(byCode(answer, 'CH02').yoy).toBeCloseTo(100 / 460, 12);
    // CH03 = H 21 over 20 → +5%, not double-digit.
    expect(byCode(answer, 'CH03')).toMatchObject({ output: 21, outputPrevYear: 20, doubleDigit: false });
    // Deduplicated: B once → 901 (the chains sum to 1,301); comparable 831 over 665 → +24.96%. I (no chain) never counts.
    expect(answer.total).toMatchObject({
      output: 901,
      comparableOutput: 831,
      outputPrevYear: 665,
      enterpriseCount: 7,
      excludedFromGrowth: 1,
    });
    expect(answer.total.chainSum).toEqual({ output: 1301, enterpriseCount: 8 });
    expect(answer.total.yoy).toBeCloseTo(166 / 665, 12);
    expect(answer.doubleDigitCount).toBe(2);
    // 拉动 against the deduplicated base 665: CH01 145 / 665 = 21.80pp; 贡献率 145 / 166 = 87.3%.
    expect(byCode(answer, 'CH01').contributionPp).toBeCloseTo(21.804511, 5);
    expect(byCode(answer, 'CH01').contributionShare).toBeCloseTo(0.873494, 5);
    expect(byCode(answer, 'CH02').contributionPp).toBeCloseTo(15.037594, 5);
  });

  it('keeps the published-to-published growth beside it, labelled, over last year’s scope', async () => {
    const answer = await chainsOf(s.admin, 'period=2024-02&range=ytd');
    // 2023 scope: CH01 = A 180 + B 320 + E (the leaver) 140 = 640 → 720 / 640 − 1 = +12.5%.
    expect(byCode(answer, 'CH01')).toMatchObject({ publishedOutputPrevYear: 640, publishedYoy: 0.125 });
    // CH02 = B 320 + F 120 = 440; CH03 was not on the 2023 list: no published growth.
    expect(byCode(answer, 'CH02').publishedOutputPrevYear).toBe(440);
    expect(byCode(answer, 'CH03')).toMatchObject({ publishedOutputPrevYear: 0, publishedYoy: null });
    // Deduplicated 2023 scope: A 180 + B 320 + E 140 + F 120 = 760.
    expect(answer.total.publishedOutputPrevYear).toBe(760);
    expect(answer.total.publishedYoy).toBeCloseTo(901 / 760 - 1, 12);
  });

  it('reads January and February as one period, 1–2月, in either range (the 1–2月 累计)', async () => {
    const janFeb = await chainsOf(s.admin, 'period=2024-02&range=ytd');
    expect(janFeb.months).toEqual({ from: '2024-01', to: '2024-02' });
    // CH02 in 1–2月: B 200 + 200, C 50 + 60, F 50 (January only) over B 150 + 170, C 40 + 40, F 60 (its January).
    expect(byCode(janFeb, 'CH02')).toMatchObject({ output: 560, outputPrevYear: 460, notReportedCount: 0, enterpriseCount: 3 });
    // CH03: H 10 + 11 over 10 + 10 = +5%, not double-digit (February alone, 11 over 10, would be +10.0%).
    expect(byCode(janFeb, 'CH03')).toMatchObject({ output: 21, outputPrevYear: 20, doubleDigit: false });
    expect(byCode(janFeb, 'CH03').yoy).toBeCloseTo(0.05, 12);
    for (const query of ['period=2024-02&range=month', 'period=2024-01&range=month', 'period=2024-01&range=ytd']) {
      const answer = await chainsOf(s.admin, query);
      expect(answer.months).toEqual({ from: '2024-01', to: '2024-02' });
      expect({ ...answer, period: janFeb.period, range: janFeb.range }).toEqual(janFeb);
    }
  });

  it('reads one month from March on: a firm that did not report it is counted as not reported, one without a base is excluded', async () => {
    const march = await chainsOf(s.admin, 'period=2024-03&range=month');
    expect(march.months).toEqual({ from: '2024-03', to: '2024-03' });
    // Only A reported March (999), and it has no March 2023: out of the growth rate. B, D and G did not report.
    expect(byCode(march, 'CH01')).toMatchObject({
      output: 999,
      outputPrevYear: 0,
      yoy: null,
      excludedFromGrowth: 1,
      notReportedCount: 3,
      enterpriseCount: 4,
    });
    // Chain firms in the 2024 名录: A, B, C, D, F, G, H (E left it, I is on no chain); all but A are 未报.
    expect(march.total).toMatchObject({ output: 999, enterpriseCount: 7, notReportedCount: 6, excludedFromGrowth: 1 });
  });

  it('agrees with the reference implementation for both ranges', async () => {
    for (const range of ['ytd', 'month'] as const) {
      const answer = await chainsOf(s.admin, `period=2024-02&range=${range}`);
      expectMatchesReference(answer, computeComparableGrowth(referenceFirmsOf('2024-02', range), ['CH01', 'CH02', 'CH03']));
    }
  });

  it('gives as-of: the last change of the rows used, not of rows outside the range or the scope', async () => {
    // F's January filing (10 March) is the latest row used; A's March row, E's 2024 rows and I's are later but unused.
    expect((await chainsOf(s.admin, 'period=2024-02&range=ytd')).asOf).toBe('2024-03-10T02:00:00.000Z');
    const empty = await chainsOf(s.admin, 'period=2010-06&range=ytd');
    expect(empty).toMatchObject({ asOf: null, total: { output: 0, yoy: null, enterpriseCount: 0 }, doubleDigitCount: 0 });
  });
});

describe('data scope', () => {
  it('shows a chain chief only the chain, with the total over its firms', async () => {
    const answer = await chainsOf(s.chief, 'period=2024-02&range=ytd');
    expect(answer.chains.map((c) => c.code)).toEqual(['CH02']);
    expect(answer.total).toMatchObject({ output: 560, outputPrevYear: 460, enterpriseCount: 3 });
    expect(byCode(answer, 'CH02').contributionPp).toBeCloseTo((100 / 460) * 100, 12);
  });

  it('shows a county only the firms registered there, within every chain', async () => {
    const answer = await chainsOf(s.county, 'period=2024-02&range=ytd');
    // County A: A, D, G in CH01 (320, comparable 250 over 185); H in CH03; nobody in CH02.
    expect(byCode(answer, 'CH01')).toMatchObject({
      output: 320,
      comparableOutput: 250,
      outputPrevYear: 185,
      enterpriseCount: 3,
      excludedFromGrowth: 1,
    });
    expect(byCode(answer, 'CH02')).toMatchObject({ output: 0, enterpriseCount: 0, yoy: null });
    expect(answer.total).toMatchObject({ output: 341, outputPrevYear: 205, enterpriseCount: 4 });
    // Its 2023 published scope: A 180 + the leaver E 140 = 320.
    expect(byCode(answer, 'CH01').publishedOutputPrevYear).toBe(320);
    expectMatchesReference(
      answer,
      computeComparableGrowth(
        referenceFirmsOf('2024-02', 'ytd', (f) => f.regionCode === COUNTY_A),
        ['CH01', 'CH02', 'CH03'],
      ),
    );
  });

  it('shows a park the firms located in it (scope ref = park id)', async () => {
    const answer = await chainsOf(s.park, 'period=2024-02&range=ytd');
    // B and C: CH01 = B 400 over 320; CH02 = B + C 510 over 400; deduplicated 510.
    expect(byCode(answer, 'CH01')).toMatchObject({ output: 400, outputPrevYear: 320 });
    expect(byCode(answer, 'CH02')).toMatchObject({ output: 510, outputPrevYear: 400 });
    expect(answer.total).toMatchObject({ output: 510, enterpriseCount: 2 });
  });

  it('lets a park ask for its own park and forbids any other, as for chains and counties', async () => {
    const own = await get(s.park, `/api/monitoring/breakdown?period=2024-02&range=ytd&by=chain&park=${fixture.parkId}`);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().total.output).toBe(510);
    for (const url of [
      `/api/monitoring/breakdown?period=2024-02&by=chain&park=${fixture.parkId + 1000}`,
      `/api/monitoring/enterprises?period=2024-02&park=${fixture.parkId + 1000}`,
      `/api/warnings?period=2024-02&park=${fixture.parkId + 1000}`,
    ]) {
      expect((await get(s.park, url)).statusCode, url).toBe(403);
    }
    // The admin asking for a park that does not exist simply finds nothing.
    expect((await get(s.admin, `/api/monitoring/enterprises?period=2024-02&park=${fixture.parkId + 1000}`)).json().total).toBe(0);
  });

  it('gives the leader and a supporting department the whole city, and forbids an enterprise', async () => {
    const admin = await chainsOf(s.admin, 'period=2024-02&range=ytd');
    // The same published figures; only data staff are told of revisions since publication.
    const published = { ...admin, publication: { ...admin.publication, revisionsSincePublished: null } };
    expect(admin.publication.revisionsSincePublished).toBe(0);
    expect(await chainsOf(s.leader, 'period=2024-02&range=ytd')).toEqual(published);
    expect(await chainsOf(s.dept, 'period=2024-02&range=ytd')).toEqual(published);
    for (const url of [
      '/api/monitoring/chains?period=2024-02',
      '/api/monitoring/breakdown?period=2024-02&by=region',
      '/api/monitoring/enterprises?period=2024-02',
    ]) {
      const res = await get(s.firm, url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/monitoring/chains?period=2024-02' })).statusCode).toBe(401);
  });

  it('forbids a chain chief another chain’s breakdown or ranking', async () => {
    expect((await get(s.chief, '/api/monitoring/breakdown?period=2024-02&by=node&chain=CH01')).statusCode).toBe(403);
    expect((await get(s.chief, '/api/monitoring/enterprises?period=2024-02&chain=CH01')).statusCode).toBe(403);
    expect((await get(s.county, `/api/monitoring/enterprises?period=2024-02&region=430482`)).statusCode).toBe(403);
  });
});

describe('GET /api/monitoring/breakdown', () => {
  it('by county: the parts do not overlap, so their 拉动 add up to the total growth', async () => {
    const res = await get(s.admin, '/api/monitoring/breakdown?period=2024-02&range=ytd&by=region');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ by: 'region', chain: null, total: { output: 901, outputPrevYear: 665 } });
    // County B: B 400 + C 110 + F 50 = 560 over 460, listed first (larger); county A: 341, comparable 271 over 205.
    expect(body.rows.map((r: { code: string }) => r.code)).toEqual(['430482', COUNTY_A]);
    expect(body.rows[0]).toMatchObject({ name: '常宁市', output: 560, outputPrevYear: 460, enterpriseCount: 3 });
    expect(body.rows[1]).toMatchObject({ name: '衡阳县', output: 341, comparableOutput: 271, outputPrevYear: 205, excludedFromGrowth: 1 });
    expect(body.rows[0].contributionPp + body.rows[1].contributionPp).toBeCloseTo(body.total.yoy * 100, 10); // 15.04 + 9.92 = 24.96pp
  });

  it('by park, with the firms outside any park as one row', async () => {
    const body = (await get(s.admin, '/api/monitoring/breakdown?period=2024-02&by=park')).json();
    expect(body.rows).toMatchObject([
      { code: String(fixture.parkId), name: '测试高新技术产业开发区', output: 510, outputPrevYear: 400 },
      { code: 'none', name: '园区外', output: 391, outputPrevYear: 265, enterpriseCount: 5 },
    ]);
  });

  it('by node of one chain, and by industry (a firm in two chains of one industry once)', async () => {
    const nodes = (await get(s.admin, '/api/monitoring/breakdown?period=2024-02&by=node&chain=CH01')).json();
    expect(nodes.total).toMatchObject({ output: 720, outputPrevYear: 505 });
    expect(nodes.rows).toMatchObject([
      { code: String(fixture.nodeIds.get('CH01:a1')), output: 290, comparableOutput: 220, outputPrevYear: 180 },
      { code: String(fixture.nodeIds.get('CH01:a2')), output: 430, outputPrevYear: 325 },
    ]);
    const industries = (await get(s.admin, '/api/monitoring/breakdown?period=2024-02&by=industry')).json();
    expect(industries.rows).toMatchObject([
      { code: 'T1', output: 880, outputPrevYear: 645, enterpriseCount: 6 },
      { code: 'T2', output: 21, outputPrevYear: 20, enterpriseCount: 1 },
    ]);
  });

  it('drills a county and a park: its chains, then a chain’s nodes within it', async () => {
    // County A (衡阳县): A 220 + D 70 + G 30 in CH01, H 21 in CH03, nothing in CH02.
    const county = (await get(s.admin, `/api/monitoring/breakdown?period=2024-02&range=ytd&by=chain&region=${COUNTY_A}`)).json();
    expect(county).toMatchObject({ by: 'chain', region: COUNTY_A, park: null, total: { output: 341, enterpriseCount: 4 } });
    expect(
      county.rows.map((r: { code: string; output: number; enterpriseCount: number }) => [r.code, r.output, r.enterpriseCount]),
    ).toEqual([
      ['CH01', 320, 3],
      ['CH02', 0, 0],
      ['CH03', 21, 1],
    ]);
    const nodes = (await get(s.admin, `/api/monitoring/breakdown?period=2024-02&range=ytd&by=node&chain=CH01&region=${COUNTY_A}`)).json();
    expect(nodes.rows.map((r: { code: string; output: number }) => [r.code, r.output])).toEqual([
      [String(fixture.nodeIds.get('CH01:a1')), 290],
      [String(fixture.nodeIds.get('CH01:a2')), 30],
    ]);
    // The park holds B (CH01 + CH02) and C (CH02): B counts in both chains and once in the total.
    const park = (await get(s.admin, `/api/monitoring/breakdown?period=2024-02&range=ytd&by=chain&park=${fixture.parkId}`)).json();
    expect(park).toMatchObject({ park: fixture.parkId, total: { output: 510, enterpriseCount: 2 } });
    expect(park.rows.map((r: { code: string; output: number }) => [r.code, r.output])).toEqual([
      ['CH01', 400],
      ['CH02', 510],
      ['CH03', 0],
    ]);
    // A county user asking for another county is refused.
    const other = await get(s.county, '/api/monitoring/breakdown?period=2024-02&by=chain&region=430482');
    expect(other.statusCode).toBe(403);
  });
});

describe('GET /api/monitoring/enterprises', () => {
  it('ranks the chain firms by output, each with its growth or why it has none', async () => {
    const res = await get(s.admin, '/api/monitoring/enterprises?period=2024-02&range=ytd&pageSize=3&page=2');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(7);
    // Page 1: B 400, A 220, C 110 | page 2: D 70, F 50, G 30 | page 3: H 21.
    expect(body.items.map((i: { rank: number; uscc: string }) => [i.rank, i.uscc])).toEqual([
      [4, usccOf('D')],
      [5, usccOf('F')],
      [6, usccOf('G')],
    ]);
    expect(body.items[0]).toMatchObject({
      output: 70,
      outputPrevYear: null,
      yoy: null,
      yoyMissingReason: 'no_base',
      regionCode: COUNTY_A,
      parkName: null,
      chainCodes: ['CH01'],
    });
    // F: January only, 50 over 60 → −16.7%; G: 30 over its reported 上年同期 0 + 5 → +500%.
    expect(body.items[1]).toMatchObject({ output: 50, outputPrevYear: 60, yoyMissingReason: null });
    expect(body.items[1].yoy).toBeCloseTo(50 / 60 - 1, 12);
    expect(body.items[2]).toMatchObject({ output: 30, outputPrevYear: 5, yoy: 5 });
  });

  it('filters by chain and park, and names a firm that did not report the month', async () => {
    const janFeb = (await get(s.admin, '/api/monitoring/enterprises?period=2024-02&range=month&chain=CH02')).json();
    // 1–2月 (February 当月 is read as 1–2月): B 200 + 200, C 50 + 60, F 50 (January only).
    expect(
      janFeb.items.map((i: { uscc: string; output: number; yoyMissingReason: string | null }) => [i.uscc, i.output, i.yoyMissingReason]),
    ).toEqual([
      [usccOf('B'), 400, null],
      [usccOf('C'), 110, null],
      [usccOf('F'), 50, null],
    ]);
    expect(janFeb.items[1]).toMatchObject({ outputPrevYear: 80, yoy: 0.375, parkName: '测试高新技术产业开发区' });
    const march = (await get(s.admin, '/api/monitoring/enterprises?period=2024-03&range=month&chain=CH01')).json();
    expect(
      march.items.map((i: { uscc: string; output: number; yoyMissingReason: string | null }) => [i.uscc, i.output, i.yoyMissingReason]),
    ).toEqual([
      [usccOf('A'), 999, 'no_base'],
      [usccOf('B'), 0, 'not_reported'],
      [usccOf('D'), 0, 'not_reported'],
      [usccOf('G'), 0, 'not_reported'],
    ]);
    const park = (await get(s.admin, `/api/monitoring/enterprises?period=2024-02&park=${fixture.parkId}`)).json();
    expect(park.items.map((i: { uscc: string; chainCodes: string[] }) => [i.uscc, i.chainCodes])).toEqual([
      [usccOf('B'), ['CH01', 'CH02']],
      [usccOf('C'), ['CH02']],
    ]);
  });

  it('filters by a node of the chain: the firms with a membership in it, each with the chains it counts in here', async () => {
    const ranking = async (node: string) => {
      const res = await get(s.admin, `/api/monitoring/enterprises?period=2024-02&range=ytd&chain=CH01&node=${fixture.nodeIds.get(node)}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((i: { uscc: string; output: number; chainCodes: string[] }) => [i.uscc, i.output, i.chainCodes]);
    };
    // Node a1: A 100 + 120 = 220 and D 30 + 40 = 70; E is a member but left the 2024 名录.
    expect(await ranking('CH01:a1')).toEqual([
      [usccOf('A'), 220, ['CH01']],
      [usccOf('D'), 70, ['CH01']],
    ]);
    // Node a2: B 400 (also in CH02, but counted here within CH01) and G 30.
    expect(await ranking('CH01:a2')).toEqual([
      [usccOf('B'), 400, ['CH01']],
      [usccOf('G'), 30, ['CH01']],
    ]);
  });
});

describe('GET /api/monitoring/trend', () => {
  type Point = {
    period: string;
    janFeb: boolean;
    output: number | null;
    comparableOutput: number | null;
    outputPrevYear: number | null;
    yoy: number | null;
    reportedCount: number;
  };

  it('gives each month alone and 1–2月 as one point, by hand for 2024, and null for months without figures', async () => {
    const res = await get(s.admin, '/api/monitoring/trend?period=2024-03&months=15');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ period: '2024-03', months: 15, unit: '元', basis: 'comparable' });
    const points: Point[] = body.points;
    // 2023-01 … 2024-03, each January inside its 1–2月 point (period YYYY-02).
    expect(points.map((p) => [p.period, p.janFeb])).toEqual([
      ['2023-02', true],
      ['2023-03', false],
      ['2023-04', false],
      ['2023-05', false],
      ['2023-06', false],
      ['2023-07', false],
      ['2023-08', false],
      ['2023-09', false],
      ['2023-10', false],
      ['2023-11', false],
      ['2023-12', false],
      ['2024-02', true],
      ['2024-03', false],
    ]);
    // 1–2月 2024: 901 over a comparable 831 against 665 (the chains view's Jan–Feb 累计).
    expect(points[11]).toMatchObject({ output: 901, comparableOutput: 831, outputPrevYear: 665, reportedCount: 7 });
    // March 2024: only A's 999, with no March 2023 to compare with.
    expect(points[12]).toMatchObject({ output: 999, comparableOutput: 0, outputPrevYear: 0, yoy: null, reportedCount: 1 });
    expect(points[3]).toEqual({
      period: '2023-05',
      janFeb: false,
      output: null,
      comparableOutput: null,
      outputPrevYear: null,
      yoy: null,
      reportedCount: 0,
    });
  });

  it('agrees point by point with the chains total (1–2月 with range ytd, other months with range month), for the city, a chain chief and a county', async () => {
    for (const session of [s.admin, s.chief, s.county]) {
      const points: Point[] = (await get(session, '/api/monitoring/trend?period=2024-03&months=15')).json().points;
      for (const point of points) {
        if (session !== s.admin && !['2024-02', '2024-03'].includes(point.period)) {
          // An unpublished month is data staff's only.
          expect((await get(session, `/api/monitoring/chains?period=${point.period}`)).statusCode, point.period).toBe(403);
          continue;
        }
        const { total } = await chainsOf(session, `period=${point.period}&range=${point.janFeb ? 'ytd' : 'month'}`);
        if (point.output === null) {
          expect(total.output, point.period).toBe(0);
          continue;
        }
        expect(
          { output: point.output, comparableOutput: point.comparableOutput, outputPrevYear: point.outputPrevYear },
          point.period,
        ).toEqual({
          output: total.output,
          comparableOutput: total.comparableOutput,
          outputPrevYear: total.outputPrevYear,
        });
        expect(point.yoy, point.period).toBe(total.yoy);
      }
    }
  });

  it('takes a window starting in February with its January, and never ends on January alone', async () => {
    const fromFebruary: Point[] = (await get(s.admin, '/api/monitoring/trend?period=2024-03&months=2')).json().points;
    expect(fromFebruary.map((p) => [p.period, p.output])).toEqual([
      ['2024-02', 901],
      ['2024-03', 999],
    ]);
    // Asked to end with January, the trend ends on 1–2月 — what the chains view shows for 2024-01:
    // A 220 + B 400 + C 110 + D 70 + F 50 + G 30 + H 21 = 901, not January alone (450).
    const january: Point[] = (await get(s.admin, '/api/monitoring/trend?period=2024-01&months=3')).json().points;
    expect(january.map((p) => [p.period, p.janFeb, p.output])).toEqual([
      ['2023-12', false, null],
      ['2024-02', true, 901],
    ]);
    expect((await chainsOf(s.admin, 'period=2024-01&range=month')).total.output).toBe(901);
  });

  it('refuses more than 60 months and an enterprise account', async () => {
    expect((await get(s.admin, '/api/monitoring/trend?period=2024-03&months=61')).statusCode).toBe(400);
    expect((await get(s.firm, '/api/monitoring/trend?period=2024-03')).statusCode).toBe(403);
  });
});

describe('GET /api/monitoring/chains without a period', () => {
  it('answers for the latest published month, for every role', async () => {
    // 2024-03 is the latest published month (A reported 999 for it; E's April 2024 is not published).
    const admin = await chainsOf(s.admin, 'range=month');
    expect(admin).toMatchObject({ period: '2024-03', range: 'month', publication: { status: 'published', preliminary: false } });
    expect(byCode(admin, 'CH01').output).toBe(999);
    // The CH02 chief opens on the same month: B, C and F reported nothing in March, so 1–3月 is their 1–2月, 560.
    const chief = await chainsOf(s.chief, 'range=ytd');
    expect(chief).toMatchObject({ period: '2024-03', range: 'ytd' });
    expect(byCode(chief, 'CH02').output).toBe(560);
  });
});

describe('bad input', () => {
  it('refuses a malformed, too early or future period and an unknown range with field paths', async () => {
    const cases: [string, string[]][] = [
      ['period=2024-13', ['querystring.period']],
      ['period=202406', ['querystring.period']],
      ['period=1999-12', ['querystring.period']],
      ['period=2999-01', ['querystring.period']],
      ['period=2024-06&range=year', ['querystring.range']],
    ];
    for (const [query, paths] of cases) {
      const res = await get(s.admin, `/api/monitoring/chains?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(rejectedPaths(res), query).toEqual(paths);
    }
    const future = await get(s.admin, '/api/monitoring/chains?period=2999-01');
    expect(future.json().error.details[0].message).toBe('must not be in the future');
    // Only the chains view picks a month by itself; the breakdown and the ranking need one.
    const noPeriod = await get(s.admin, '/api/monitoring/enterprises?range=ytd');
    expect(rejectedPaths(noPeriod)).toEqual(['querystring.period']);
  });

  it('refuses a node filter without its chain, or with a node of another chain', async () => {
    const a1 = fixture.nodeIds.get('CH01:a1');
    const noChain = await get(s.admin, `/api/monitoring/enterprises?period=2024-02&node=${a1}`);
    expect(noChain.statusCode).toBe(400);
    expect(rejectedPaths(noChain)).toEqual(['querystring.chain']);
    const otherChain = await get(s.admin, `/api/monitoring/enterprises?period=2024-02&chain=CH02&node=${a1}`);
    expect(otherChain.statusCode).toBe(400);
    expect(rejectedPaths(otherChain)).toEqual(['querystring.node']);
    const unknown = await get(s.admin, '/api/monitoring/enterprises?period=2024-02&chain=CH01&node=999999');
    expect(unknown.statusCode).toBe(400);
  });

  it('refuses a node breakdown without a chain, and an unknown dimension', async () => {
    const noChain = await get(s.admin, '/api/monitoring/breakdown?period=2024-02&by=node');
    expect(noChain.statusCode).toBe(400);
    expect(rejectedPaths(noChain)).toEqual(['querystring.chain']);
    const badBy = await get(s.admin, '/api/monitoring/breakdown?period=2024-02&by=street');
    expect(rejectedPaths(badBy)).toEqual(['querystring.by']);
  });
});

describe('cli: stats chains', () => {
  function captureIo(): { io: CliIo; lines: string[] } {
    const lines: string[] = [];
    const io: CliIo = {
      env: {},
      out: (l) => lines.push(l),
      err: (l) => lines.push(l),
      interactive: false,
      confirm: async () => false,
      readSecret: async () => '',
    };
    return { io, lines };
  }

  it('prints with --json exactly the body the API answers', async () => {
    const api = await get(s.admin, '/api/monitoring/chains?period=2024-02&range=ytd');
    const { io, lines } = captureIo();
    await printChainStatistics(t.database.db, { period: '2024-02', range: 'ytd' }, true, io);
    expect(lines).toEqual([api.body]);
  });

  it('opens on 1–N月 累计 without --range, as the API does without range', async () => {
    const query = parseStatsQuery('2024-04', undefined);
    expect(query).toEqual({ period: '2024-04', range: 'ytd' });
    const api = await get(s.admin, '/api/monitoring/chains?period=2024-04');
    expect(JSON.parse(api.body).range).toBe('ytd');
    const { io, lines } = captureIo();
    await printChainStatistics(t.database.db, query, true, io);
    expect(lines).toEqual([api.body]);
  });

  it('refuses a bad period before opening any database, with exit code 2', async () => {
    const { io, lines } = captureIo();
    expect(await runCli(['stats', 'chains', '--period', '2024-13', '--json'], io)).toBe(2);
    expect(lines[0]).toContain('--period: must be a month YYYY-MM');
  });

  it('prints a table in 亿元 and percent, labelled with basis, period, range, unit and as-of', async () => {
    const { io, lines } = captureIo();
    await printChainStatistics(t.database.db, { period: '2024-02', range: 'ytd' }, false, io);
    const text = lines.join('\n');
    expect(lines[0]).toContain('2024年1–2月 (January–February together)');
    expect(lines[1]).toContain('同口径 (comparable basis)');
    expect(lines[1]).toContain('亿元');
    expect(lines[1]).toContain('2024-03-10 10:00'); // as-of in Beijing time
    expect(text).toMatch(/CH01\s+测试甲产业链\s+0\.00\s+\+28\.7%\s+\+21\.80\s+4\s+1\s+\+12\.5%/);
    expect(text).toContain('两位数增长产业链 (chains growing ≥ 10.0%): 2');
  });
});
