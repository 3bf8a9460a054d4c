// The triggers that keep replaced and removed months for the published snapshots (migrations 0007 and
// 0024): a changed month gets a new figure_version and its old row is kept with the version that
// superseded it; an unchanged month keeps its version and keeps nothing; a removed month is kept too.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { useTestApp } from '../../test/app.js';
import { buildFirm } from '../../test/factories/chains.js';

const t = useTestApp();
const db = () => t.database.db;
let uscc = '';

beforeAll(async () => {
  uscc = await buildFirm(db(), { nodes: [] });
});

async function months(): Promise<{ period: string; grossOutput: number; version: number }[]> {
  const result = await db().execute<{ period: string; grossOutput: number; version: number }>(sql`
    SELECT period, gross_output::int AS "grossOutput", figure_version::int AS version FROM monthly_figures WHERE uscc = ${uscc} ORDER BY period`);
  return result.rows;
}

async function kept(): Promise<{ period: string; grossOutput: number; version: number; superseded: number }[]> {
  const result = await db().execute<{ period: string; grossOutput: number; version: number; superseded: number }>(sql`
    SELECT period, gross_output::int AS "grossOutput", figure_version::int AS version, superseded_version::int AS superseded
      FROM monthly_figure_versions WHERE uscc = ${uscc} ORDER BY superseded_version`);
  return result.rows;
}

describe('monthly figure versions', () => {
  it('keeps the old row of each changed month of one statement, none of an unchanged one, and a removed month', async () => {
    await db().execute(sql`
      INSERT INTO monthly_figures (uscc, period, gross_output, employees, source)
      VALUES (${uscc}, '2024-01', 100, 5, 'import'), (${uscc}, '2024-02', 200, 5, 'import'), (${uscc}, '2024-03', 300, 5, 'import')`);
    const [jan, feb, mar] = await months();
    if (!jan || !feb || !mar) throw new Error('three months expected');

    // One statement: January and March change, February is written with the same values.
    await db().execute(sql`
      UPDATE monthly_figures SET gross_output = CASE period WHEN '2024-02' THEN gross_output ELSE gross_output + 1 END, source = 'manual', updated_at = now()
       WHERE uscc = ${uscc}`);
    const after = await months();
    expect(after.map((m) => [m.period, m.grossOutput])).toEqual([
      ['2024-01', 101],
      ['2024-02', 200],
      ['2024-03', 301],
    ]);
    expect(after[1]?.version).toBe(feb.version);
    const janNew = after[0]?.version ?? 0;
    const marNew = after[2]?.version ?? 0;
    expect(janNew).toBeGreaterThan(mar.version);
    expect(marNew).toBeGreaterThan(mar.version);
    expect(janNew).not.toBe(marNew);
    expect(await kept()).toEqual(
      [
        { period: '2024-01', grossOutput: 100, version: jan.version, superseded: janNew },
        { period: '2024-03', grossOutput: 300, version: mar.version, superseded: marNew },
      ].sort((a, b) => a.superseded - b.superseded),
    );

    // A version set by hand on an unchanged month is put back; nothing is kept.
    await db().execute(sql`UPDATE monthly_figures SET figure_version = 1 WHERE uscc = ${uscc} AND period = '2024-02'`);
    expect((await months())[1]?.version).toBe(feb.version);
    expect(await kept()).toHaveLength(2);

    // An upsert that changes a month keeps its old row as an update does.
    await db().execute(sql`
      INSERT INTO monthly_figures (uscc, period, gross_output, employees, source) VALUES (${uscc}, '2024-02', 250, 5, 'import')
      ON CONFLICT (uscc, period) DO UPDATE SET gross_output = excluded.gross_output`);
    const febNew = (await months())[1]?.version ?? 0;
    expect(febNew).toBeGreaterThan(Math.max(janNew, marNew));
    expect((await kept()).at(-1)).toEqual({ period: '2024-02', grossOutput: 200, version: feb.version, superseded: febNew });

    // A removed month is kept, superseded by a version after every one given so far.
    await db().execute(sql`DELETE FROM monthly_figures WHERE uscc = ${uscc} AND period = '2024-03'`);
    const removed = (await kept()).at(-1);
    expect(removed).toMatchObject({ period: '2024-03', grossOutput: 301, version: marNew });
    expect(removed?.superseded).toBeGreaterThan(febNew);
    expect(await kept()).toHaveLength(4);
  });

  it('refuses to move a month to another period, changing nothing', async () => {
    const before = { months: await months(), kept: await kept() };
    const refused = await db()
      .execute(sql`UPDATE monthly_figures SET period = '2023-12' WHERE uscc = ${uscc} AND period = '2024-01'`)
      .then(
        () => null,
        (err: Error) => err,
      );
    expect(String(refused?.cause)).toMatch(/keeps its uscc and period/);
    expect(await months()).toEqual(before.months);
    expect(await kept()).toEqual(before.kept);
  });
});
