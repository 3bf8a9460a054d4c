// The per-firm rollup of published months (frozen_firm_stats) gives exactly what the engine computes
// from the months themselves, after every kind of change: a new firm-month (what an import or a hand
// entry writes), a revision, a deletion, a membership change, publication and republication. Each
// write goes to monthly_figures as every writer does (the versioning trigger is what the rollup
// relies on). Figures in 元 from the hand-built fixture of server/test/factories/monitoring.ts.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { publishHistory } from '../../test/factories/common.js';
import { COUNTY_A, usccOf, useMonitoringApp } from '../../test/factories/monitoring.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { selectLatestSnapshot } from '../periods/periods.queries.js';
import { publishPeriod, reopenPeriod } from '../periods/periods.service.js';
import { selectEnterpriseRanking, selectGrowthGroups } from './monitoring.queries.js';
import { monthRangeOf } from './monitoring.service.js';
import { NO_FILTER, type FiguresView, type FirmFilter } from './monitoring.sql.js';

const { t, fixture } = useMonitoringApp();

const PERIOD = '2024-02';
const BREAKDOWNS = ['chain', 'region', 'park', 'industry'] as const;

async function versionOf(period: string): Promise<number> {
  const snapshot = await selectLatestSnapshot(t.database.db, period);
  if (!snapshot) throw new Error(`${period} not published`);
  return snapshot.figuresVersion;
}

/** Every answer the engine gives from the snapshot, once through the rollup and once from the months. */
async function answersOf(version: number, direct: boolean) {
  const db = t.database.db;
  const view: FiguresView = { kind: 'frozen', version, direct };
  const filters: FirmFilter[] = [NO_FILTER, { ...NO_FILTER, regionCodes: [COUNTY_A] }, { ...NO_FILTER, chainCodes: ['CH02'] }];
  const out: unknown[] = [];
  for (const r of ['month', 'ytd'] as const) {
    const range = monthRangeOf(PERIOD, r);
    for (const filter of filters) {
      for (const by of BREAKDOWNS) out.push(await selectGrowthGroups(db, { range, filter, by, view }));
      out.push(await selectEnterpriseRanking(db, { range, filter, limit: 50, offset: 0, view }));
    }
  }
  return out;
}

async function chainOutput(version: number, code: string): Promise<number | undefined> {
  const rows = await selectGrowthGroups(t.database.db, {
    range: monthRangeOf(PERIOD, 'ytd'),
    filter: NO_FILTER,
    by: 'chain',
    view: { kind: 'frozen', version },
  });
  return rows.find((r) => r.code === code)?.output;
}

async function storedRows(version: number): Promise<number> {
  const result = await t.database.db.execute(
    sql`SELECT count(*)::int AS n FROM frozen_firm_stats WHERE figures_version = ${version} AND range_from = '2024-01' AND range_to = ${PERIOD}`,
  );
  return Number((result.rows[0] as { n: number | string } | undefined)?.n ?? -1);
}

async function expectRollupEqualsMonths(version: number) {
  expect(await answersOf(version, false)).toEqual(await answersOf(version, true));
}

const write = (statement: ReturnType<typeof sql>) => t.database.db.execute(statement);

describe('frozen_firm_stats: the rollup of a published month equals the computation from its months', () => {
  it('after publication, every change to the live figures and memberships, and republication', async () => {
    await publishHistory(t.database.db, [PERIOD]);
    const v1 = await versionOf(PERIOD);
    expect(await storedRows(v1)).toBe(0);
    // A county's first read computes its own firms from their months and stores nothing.
    await selectGrowthGroups(t.database.db, {
      range: monthRangeOf(PERIOD, 'ytd'),
      filter: { ...NO_FILTER, regionCodes: [COUNTY_A] },
      by: 'chain',
      view: { kind: 'frozen', version: v1 },
    });
    expect(await storedRows(v1)).toBe(0);
    // CH01 Jan–Feb 2024 = A 220 + B 400 + D 70 + G 30 = 720 (as in monitoring.test.ts).
    expect(await chainOutput(v1, 'CH01')).toBe(720);
    // The first city-wide read stored one row per firm with a figure in 2023-01…2024-02: A–I, nine firms.
    expect(await storedRows(v1)).toBe(9);
    await expectRollupEqualsMonths(v1);

    // A new firm-month (import / hand entry): F reports February 2024, 25.
    await write(sql`INSERT INTO monthly_figures (uscc, period, gross_output, source) VALUES (${usccOf('F')}, '2024-02', 25, 'import')`);
    // A revision: A's February 120 → 150.
    await write(sql`UPDATE monthly_figures SET gross_output = 150, source = 'manual' WHERE uscc = ${usccOf('A')} AND period = '2024-02'`);
    // A deletion: B's January (200) removed.
    await write(sql`DELETE FROM monthly_figures WHERE uscc = ${usccOf('B')} AND period = '2024-01'`);
    // The snapshot still reads the figures as published: 720.
    expect(await chainOutput(v1, 'CH01')).toBe(720);
    await expectRollupEqualsMonths(v1);

    // A membership change: D (Jan 30 + Feb 40 = 70) moves from CH01 to CH02; memberships are read live.
    await write(sql`UPDATE enterprise_memberships SET node_id = ${fixture.nodeIds.get('CH02:b1') ?? -1} WHERE uscc = ${usccOf('D')}`);
    expect(await chainOutput(v1, 'CH01')).toBe(650);
    await expectRollupEqualsMonths(v1);

    // Republication: a new snapshot at a later version, its rows stored at publication.
    await reopenPeriod(t.database.db, SYSTEM_ACTOR, PERIOD, '测试重新发布');
    await publishPeriod(t.database.db, SYSTEM_ACTOR, PERIOD);
    const v2 = await versionOf(PERIOD);
    expect(v2).toBeGreaterThan(v1);
    expect(await storedRows(v2)).toBe(9);
    // CH01 now = A (100 + 150) + B (Feb 200 only) + G 30 = 480.
    expect(await chainOutput(v2, 'CH01')).toBe(480);
    await expectRollupEqualsMonths(v2);
    // The first snapshot's rows are untouched and still agree.
    expect(await chainOutput(v1, 'CH01')).toBe(650);
    await expectRollupEqualsMonths(v1);

    // The answers do read the stored rows: one altered by 1 元 shows in CH01 and breaks the agreement.
    await write(
      sql`UPDATE frozen_firm_stats SET output = output + 1 WHERE figures_version = ${v2} AND range_from = '2024-01' AND uscc = ${usccOf('A')}`,
    );
    expect(await chainOutput(v2, 'CH01')).toBe(481);
    expect(await answersOf(v2, false)).not.toEqual(await answersOf(v2, true));
  });
});
