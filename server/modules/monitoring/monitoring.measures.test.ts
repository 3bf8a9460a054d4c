import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonitoringChainsResponse } from '../../../shared/contracts/monitoring.js';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/app.js';
import { buildUser, TEST_PASSWORD } from '../../test/factories/common.js';
import { buildMonitoringFixture, usccOf } from '../../test/factories/monitoring.js';

// The other measures (营业收入, 利润总额, 税金总额, 用电量, 从业人员) on the hand-built fixture, for chain
// CH02 (firms B, C, F) in 1–2月 2024. The fixture has gross output only; the measures are set here.
let t: TestApp;
let admin: Session;

type Row = {
  uscc: string;
  period: string;
  revenue?: number;
  prevYearRevenue?: number;
  profit?: number;
  taxes?: number;
  electricity?: number;
  employees?: number;
};
const ROWS: Row[] = [
  // B: every measure in both years.
  { uscc: 'B', period: '2023-01', revenue: 250, profit: 20, taxes: 6, electricity: 900 },
  { uscc: 'B', period: '2023-02', revenue: 270, profit: 10, taxes: 6, electricity: 1000 },
  { uscc: 'B', period: '2024-01', revenue: 300, profit: 10, taxes: 8, electricity: 1000, employees: 100 },
  { uscc: 'B', period: '2024-02', revenue: 320, profit: -5, taxes: 8, electricity: 1100, employees: 110 },
  // C: no stored 2023 revenue, but the form's 上年同期 column; electricity without last year's.
  { uscc: 'C', period: '2024-01', revenue: 50, prevYearRevenue: 40, electricity: 200, employees: 20 },
  { uscc: 'C', period: '2024-02', revenue: 70, prevYearRevenue: 50, electricity: 300, employees: 30 },
  // F: January only, revenue without any base.
  { uscc: 'F', period: '2024-01', revenue: 40, employees: 9 },
];

beforeAll(async () => {
  t = await createTestApp();
  await buildMonitoringFixture(t.database.db);
  for (const r of ROWS) {
    await t.database.db.execute(sql`
      UPDATE monthly_figures
         SET revenue = ${r.revenue ?? null}, prev_year_revenue = ${r.prevYearRevenue ?? null}, profit = ${r.profit ?? null},
             taxes = ${r.taxes ?? null}, electricity_kwh = ${r.electricity ?? null}, employees = ${r.employees ?? null}
       WHERE uscc = ${usccOf(r.uscc)} AND period = ${r.period}`);
  }
  const user = await buildUser(t.database.db, { role: 'admin', scopes: [] });
  admin = await loginAs(t.app, user.username, TEST_PASSWORD);
});
afterAll(async () => t.close());

async function getJson<T>(url: string): Promise<T> {
  const res = await t.app.inject({ method: 'GET', url, headers: admin.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
}

describe('the other measures', () => {
  it('sums each measure over the firms that reported it, with growth over the firms that have a base', async () => {
    const answer = await getJson<MonitoringChainsResponse>('/api/monitoring/chains?period=2024-02&range=ytd');
    const ch02 = answer.chains.find((c) => c.code === 'CH02')!;
    // 营业收入: B 620 + C 120 + F 40 = 780; the base of B (250 + 270) and C (上年同期 40 + 50) = 610;
    // F has none and is left out of the growth: (620 + 120) / 610 − 1.
    expect(ch02.measures.revenue.value).toBe(780);
    expect(ch02.measures.revenue.prevYear).toBe(610);
    expect(ch02.measures.revenue.yoy).toBeCloseTo(740 / 610 - 1, 12);
    // 利润总额: B 10 − 5 = 5 over 20 + 10 = 30.
    expect(ch02.measures.profit).toMatchObject({ value: 5, prevYear: 30 });
    expect(ch02.measures.profit.yoy).toBeCloseTo(5 / 30 - 1, 12);
    // 税金总额: 16 over 12.
    expect(ch02.measures.taxes).toMatchObject({ value: 16, prevYear: 12 });
    expect(ch02.measures.taxes.yoy).toBeCloseTo(16 / 12 - 1, 12);
    // 用电量: B 2,100 + C 500; C has no last year, so the growth is B's: 2,100 / 1,900 − 1.
    expect(ch02.measures.electricityKwh).toMatchObject({ value: 2600, prevYear: 1900 });
    expect(ch02.measures.electricityKwh.yoy).toBeCloseTo(2100 / 1900 - 1, 12);
    // 从业人员: average headcount per firm over its reported months, summed: 105 + 25 + 9.
    expect(ch02.measures.employees).toBe(139);
    // Only B, C and F carry measures, and B (in CH01 and CH02) counts once in the total.
    expect(answer.total.measures.revenue.value).toBe(780);
    expect(answer.total.measures.employees).toBe(139);
  });

  it('gives a loss-making base no growth rate', async () => {
    await t.database.db.execute(sql`UPDATE monthly_figures SET profit = -40 WHERE uscc = ${usccOf('B')} AND period = '2023-02'`);
    const answer = await getJson<MonitoringChainsResponse>('/api/monitoring/chains?period=2024-02&range=ytd');
    // Base 20 − 40 = −20: a rate against a loss would read backwards.
    expect(answer.chains.find((c) => c.code === 'CH02')!.measures.profit).toEqual({ value: 5, prevYear: -20, yoy: null });
  });

  it('gives each firm of the ranking its own measures', async () => {
    const ranking = await getJson<{ items: { uscc: string; measures: MonitoringChainsResponse['total']['measures'] }[] }>(
      '/api/monitoring/enterprises?period=2024-02&range=ytd&chain=CH02',
    );
    const c = ranking.items.find((i) => i.uscc === usccOf('C'))!;
    expect(c.measures.revenue.value).toBe(120);
    expect(c.measures.revenue.prevYear).toBe(90);
    expect(c.measures.revenue.yoy).toBeCloseTo(120 / 90 - 1, 12);
    expect(c.measures.electricityKwh).toEqual({ value: 500, prevYear: 0, yoy: null });
    expect(c.measures.employees).toBe(25);
    const f = ranking.items.find((i) => i.uscc === usccOf('F'))!;
    expect(f.measures.revenue).toEqual({ value: 40, prevYear: 0, yoy: null });
  });

  it('breaks the measures down by county like the output', async () => {
    const answer = await getJson<{
      rows: { code: string; measures: { revenue: { value: number } } }[];
      total: { measures: { revenue: { value: number } } };
    }>('/api/monitoring/breakdown?period=2024-02&range=ytd&by=region');
    // B, C and F are all in county B of the fixture.
    expect(answer.rows.map((r) => r.measures.revenue.value).reduce((a, b) => a + b, 0)).toBe(780);
    expect(answer.total.measures.revenue.value).toBe(780);
  });
});
