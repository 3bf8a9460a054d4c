// The per-firm rollup of the live figures (live_firm_ytd, kept by the triggers of migration 0025 in
// the same transaction as every write of monthly_figures) gives exactly what the engine computes
// from the months themselves, after every kind of change: a new firm-month, a revision, a deletion,
// a bulk import (one statement of many rows, an upsert), a membership change, a 规上 year change, a
// firm's prior-year value changing, a held-back month (open review item) and publication. Checked
// twice: every engine answer on the live view (the staff view that holds back, and the raw one), and
// every firm's row of every year-to-date range of 2023–2025 against firmStatsSql reading the months.
// Figures in 元 from the hand-built fixture of server/test/factories/monitoring.ts.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { publishHistory } from '../../test/factories/common.js';
import { COUNTY_A, usccOf, useMonitoringApp } from '../../test/factories/monitoring.js';
import { selectEnterpriseRanking, selectGrowthGroups } from './monitoring.queries.js';
import { monthRangeOf } from './monitoring.service.js';
import { firmStatsSql, NO_FILTER, type FiguresView, type FirmFilter } from './monitoring.sql.js';

const { t, fixture } = useMonitoringApp();

const BREAKDOWNS = ['chain', 'region', 'park', 'industry'] as const;
const write = (statement: ReturnType<typeof sql>) => t.database.db.execute(statement);

/** Every answer the engine gives on the live figures, once through the rollup and once from the months. */
async function answersOf(direct: boolean) {
  const db = t.database.db;
  const filters: FirmFilter[] = [NO_FILTER, { ...NO_FILTER, regionCodes: [COUNTY_A] }, { ...NO_FILTER, chainCodes: ['CH02'] }];
  const out: unknown[] = [];
  for (const holdBack of [true, false]) {
    const view: FiguresView = { kind: 'live', holdBack, direct };
    for (const [period, r] of [
      ['2024-02', 'ytd'],
      ['2024-02', 'month'],
      ['2024-04', 'ytd'],
    ] as const) {
      const range = monthRangeOf(period, r);
      for (const filter of filters) {
        for (const by of BREAKDOWNS) out.push(await selectGrowthGroups(db, { range, filter, by, view }));
        out.push(await selectEnterpriseRanking(db, { range, filter, limit: 50, offset: 0, view }));
      }
    }
  }
  return out;
}

/** Every firm's figures over every year-to-date range of 2023–2025, through the rollup or from the months. */
async function firmRowsOf(direct: boolean) {
  const out: unknown[] = [];
  for (const year of [2023, 2024, 2025]) {
    for (let month = 1; month <= 12; month += 1) {
      const period = `${year}-${String(month).padStart(2, '0')}`;
      const result = await t.database.db.execute(sql`
        WITH firms AS (SELECT uscc, NULL::text[] AS codes_now, NULL::text[] AS codes_prev FROM enterprises)
        SELECT * FROM (${firmStatsSql(monthRangeOf(period, 'ytd'), { kind: 'live', holdBack: false, direct })}) AS s ORDER BY uscc`);
      out.push({ period, rows: result.rows });
    }
  }
  return out;
}

async function expectRollupEqualsMonths() {
  expect(await firmRowsOf(false)).toEqual(await firmRowsOf(true));
  expect(await answersOf(false)).toEqual(await answersOf(true));
}

async function chainYtd(code: string, holdBack = true) {
  const rows = await selectGrowthGroups(t.database.db, {
    range: monthRangeOf('2024-02', 'ytd'),
    filter: NO_FILTER,
    by: 'chain',
    view: { kind: 'live', holdBack },
  });
  const row = rows.find((r) => r.code === code);
  return { output: row?.output, base: row?.base };
}

async function storedRow(key: string, rangeTo: string) {
  const result = await write(
    sql`SELECT output::bigint AS output, base::bigint AS base FROM live_firm_ytd WHERE uscc = ${usccOf(key)} AND range_to = ${rangeTo}`,
  );
  const row = result.rows[0] as { output: number | string; base: number | string } | undefined;
  return row ? { output: Number(row.output), base: Number(row.base) } : null;
}

describe('live_firm_ytd: the rollup of the live figures equals the computation from the months', () => {
  it('after every kind of write, membership and 名录 change, a held-back month and publication', async () => {
    // The fixture's rows, as loaded: A's Jan–Feb 2024 = 100 + 120, base 80 + 100 (its 2023).
    expect(await storedRow('A', '2024-02')).toEqual({ output: 220, base: 180 });
    // CH01 Jan–Feb 2024 = A 220 + B 400 + D 70 + G 30 = 720 (as in monitoring.test.ts).
    expect((await chainYtd('CH01')).output).toBe(720);
    await expectRollupEqualsMonths();

    // A new firm-month: F reports February 2024, 25 (F had only January 50).
    await write(sql`INSERT INTO monthly_figures (uscc, period, gross_output, source) VALUES (${usccOf('F')}, '2024-02', 25, 'import')`);
    expect(await storedRow('F', '2024-02')).toEqual({ output: 75, base: 120 });
    // A revision: A's February 120 → 150. A deletion: B's January (200) removed.
    await write(sql`UPDATE monthly_figures SET gross_output = 150, source = 'manual' WHERE uscc = ${usccOf('A')} AND period = '2024-02'`);
    await write(sql`DELETE FROM monthly_figures WHERE uscc = ${usccOf('B')} AND period = '2024-01'`);
    // CH01 = A (100 + 150) + B (Feb 200) + D 70 + G 30 = 550.
    expect((await chainYtd('CH01')).output).toBe(550);
    await expectRollupEqualsMonths();

    // A firm's prior-year value changing: A's February 2023 100 → 90 is its base of February 2024.
    await write(sql`UPDATE monthly_figures SET gross_output = 90 WHERE uscc = ${usccOf('A')} AND period = '2023-02'`);
    expect(await storedRow('A', '2024-02')).toEqual({ output: 250, base: 170 });
    await expectRollupEqualsMonths();

    // A bulk import: one statement of new months (every firm, May and June 2024: 10 元 each) and an upsert
    // over months already there (A's January 2024 100 → 110, with its new March).
    await write(sql`
      INSERT INTO monthly_figures (uscc, period, gross_output, revenue, employees, source)
      SELECT e.uscc, p.period, 10, 20, 5, 'import'
        FROM enterprises e CROSS JOIN (VALUES ('2024-05'), ('2024-06')) AS p(period)`);
    await write(sql`
      INSERT INTO monthly_figures (uscc, period, gross_output, source)
      VALUES (${usccOf('A')}, '2024-01', 110, 'import'), (${usccOf('A')}, '2024-03', 5, 'import'), (${usccOf('C')}, '2025-01', 70, 'import')
      ON CONFLICT (uscc, period) DO UPDATE SET gross_output = excluded.gross_output, source = excluded.source`);
    expect(await storedRow('A', '2024-02')).toEqual({ output: 260, base: 170 });
    // C's January 2025 is compared with its January 2024 (50): the year after is kept too.
    expect(await storedRow('C', '2025-01')).toEqual({ output: 70, base: 50 });
    await expectRollupEqualsMonths();

    // A membership change: D (Jan 30 + Feb 40 = 70) moves from CH01 to CH02; memberships are read live.
    await write(sql`UPDATE enterprise_memberships SET node_id = ${fixture.nodeIds.get('CH02:b1') ?? -1} WHERE uscc = ${usccOf('D')}`);
    // CH01 = A (110 + 150) + B 200 + G 30 = 490.
    expect((await chainYtd('CH01')).output).toBe(490);
    await expectRollupEqualsMonths();

    // A 规上 year change: E (CH01, 名录 2023 only) joins the 2024 名录 with its Jan–Feb 20 + 20.
    await write(sql`INSERT INTO enterprise_scale_years (uscc, year) VALUES (${usccOf('E')}, 2024)`);
    expect((await chainYtd('CH01')).output).toBe(530);
    await expectRollupEqualsMonths();

    // A held-back month: an open review item on A's February 2024 leaves it (150) out of the staff view only.
    await write(
      sql`INSERT INTO warning_dispositions (period, uscc, kind, status) VALUES ('2024-02', ${usccOf('A')}, 'output_drop', 'pending')`,
    );
    expect((await chainYtd('CH01', true)).output).toBe(380);
    expect((await chainYtd('CH01', false)).output).toBe(530);
    await expectRollupEqualsMonths();

    // A whole prior year deleted: A's 2023 gone, its 2024 has no base.
    await write(sql`DELETE FROM monthly_figures WHERE uscc = ${usccOf('A')} AND period LIKE '2023-%'`);
    expect(await storedRow('A', '2024-02')).toEqual({ output: 260, base: 0 });
    await expectRollupEqualsMonths();

    // Publication writes snapshots, not figures: the live rollup still agrees.
    await publishHistory(t.database.db, ['2024-02']);
    await expectRollupEqualsMonths();

    // The answers do read the stored rows: one altered by 1 元 shows in CH01 and breaks the agreement.
    await write(sql`UPDATE live_firm_ytd SET output = output + 1 WHERE uscc = ${usccOf('B')} AND range_to = '2024-02'`);
    expect((await chainYtd('CH01')).output).toBe(381);
    expect(await answersOf(false)).not.toEqual(await answersOf(true));
    expect(await firmRowsOf(false)).not.toEqual(await firmRowsOf(true));
  });
});
