// January never stands alone: every endpoint that takes a period answers 2024-01 with 1–2月, the
// figure a firm reporting January and February together filed (stored whole in February, January 0).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../../../shared/uscc.js';
import { enterpriseMemberships, enterprises, enterpriseScaleYears, monthlyFigureMarks, monthlyFigures } from '../../db/schema.js';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/app.js';
import { buildUser, TEST_PASSWORD } from '../../test/factories/common.js';
import { buildMonitoringFixture, COUNTY_A } from '../../test/factories/monitoring.js';

let t: TestApp;
let admin: Session;
const COMBINED = makeUscc('9143042100000999');

beforeAll(async () => {
  t = await createTestApp();
  const fixture = await buildMonitoringFixture(t.database.db);
  // J: CH01, 规上 2024, reported 1–2月 2024 together: 300 in February, January stored as 0.
  await t.database.db.insert(enterprises).values({ uscc: COMBINED, name: '测试企业J(示例)', regionCode: COUNTY_A });
  await t.database.db.insert(enterpriseScaleYears).values({ uscc: COMBINED, year: 2024 });
  await t.database.db
    .insert(enterpriseMemberships)
    .values({ uscc: COMBINED, nodeId: fixture.nodeIds.get('CH01:a1') ?? -1, isPrimary: true });
  await t.database.db.insert(monthlyFigures).values([
    { uscc: COMBINED, period: '2024-01', grossOutput: 0, source: 'import' },
    { uscc: COMBINED, period: '2024-02', grossOutput: 300, source: 'import' },
  ]);
  await t.database.db.insert(monthlyFigureMarks).values({ uscc: COMBINED, period: '2024-02', mark: 'jan_feb_combined' });
  admin = await loginAs(t.app, (await buildUser(t.database.db, { role: 'admin' })).username, TEST_PASSWORD);
});
afterAll(async () => t.close());

async function get<T>(url: string): Promise<T> {
  const res = await t.app.inject({ method: 'GET', url, headers: admin.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
}

/** An answer without the period it echoes. */
function withoutPeriod<T extends { period: string }>(answer: T): Omit<T, 'period'> {
  const { period: _period, ...rest } = answer;
  return rest;
}

describe('2024-01 is answered as 1–2月 everywhere', () => {
  it('chains, breakdowns and the ranking: the same answer as 2024-02, J counted with its 300', async () => {
    for (const range of ['month', 'ytd']) {
      const jan = await get<{ period: string; months: { from: string; to: string }; total: { output: number } }>(
        `/api/monitoring/chains?period=2024-01&range=${range}`,
      );
      const feb = await get<{ period: string }>(`/api/monitoring/chains?period=2024-02&range=${range}`);
      expect(jan.months).toEqual({ from: '2024-01', to: '2024-02' });
      // The fixture's 1–2月 total is 901; J adds 0 + 300.
      expect(jan.total.output).toBe(1201);
      expect(withoutPeriod(jan)).toEqual(withoutPeriod(feb));
    }
    for (const by of ['region', 'park', 'industry']) {
      const jan = await get<{ period: string }>(`/api/monitoring/breakdown?period=2024-01&range=month&by=${by}`);
      const feb = await get<{ period: string }>(`/api/monitoring/breakdown?period=2024-02&range=month&by=${by}`);
      expect(withoutPeriod(jan)).toEqual(withoutPeriod(feb));
    }
    const ranking = await get<{ period: string; items: { uscc: string; output: number }[] }>(
      '/api/monitoring/enterprises?period=2024-01&range=month',
    );
    expect(ranking.items.find((i) => i.uscc === COMBINED)?.output).toBe(300);
    expect(withoutPeriod(ranking)).toEqual(
      withoutPeriod(await get<{ period: string }>('/api/monitoring/enterprises?period=2024-02&range=month')),
    );
  });

  it('the trend ends on its 1–2月 point, 1201 as in the chains view', async () => {
    const trend = await get<{ points: { period: string; janFeb: boolean; output: number | null }[] }>(
      '/api/monitoring/trend?period=2024-01&months=3',
    );
    expect(trend.points.map((p) => [p.period, p.janFeb, p.output])).toEqual([
      ['2023-12', false, null],
      ['2024-02', true, 1201],
    ]);
  });

  it('预警 answer for 1–2月 (period 2024-02) once February has figures', async () => {
    const jan = await get<{ period: string; dueDate: string; counts: unknown }>('/api/warnings?period=2024-01');
    const feb = await get<{ period: string; dueDate: string; counts: unknown }>('/api/warnings?period=2024-02');
    expect(jan.period).toBe('2024-02');
    expect(jan.dueDate).toBe('2024-03-10');
    expect(jan.counts).toEqual(feb.counts);
  });
});
