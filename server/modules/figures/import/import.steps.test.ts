// An import of more months than one write step (5,000): the steps overlap on the transaction's
// connection (the next one queued while the database runs the one before), the updates join by index,
// and the versions are checked as timestamps. What must come out is what one step at a time gave:
// every month written once, one revision per changed month holding the old values, unchanged months
// untouched, progress in order.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../../shared/contracts/figures.js';
import { useBulkFirmsDatabase } from '../../../test/app.js';
import { bulkUsccs } from '../../../test/factories/enterprises.js';
import { SYSTEM_ACTOR } from '../../access/actor.js';
import { importFigures } from './import.service.js';

const FIRMS = 1_000;
const usccs = bulkUsccs(FIRMS, 60_000_000);
const database = useBulkFirmsDatabase(usccs, '分步写入测试企业');
/** 12 months of 2024 for each firm: 12,000 rows, three write steps (5,000 + 5,000 + 2,000). */
const PERIODS = Array.from({ length: 12 }, (_, m) => `2024-${String(m + 1).padStart(2, '0')}`);

/** 工业总产值 in 万元 of firm `f`, month `m` (1–12): f % 50 + m, plus `plus`. */
function wan(f: number, m: number, plus = 0): number {
  return (f % 50) + m + plus;
}

async function importCsv(value: (f: number, m: number) => number) {
  const lines = ['统一社会信用代码,期别,工业总产值(万元)'];
  usccs.forEach((uscc, f) => PERIODS.forEach((period, i) => lines.push(`${uscc},${period},${value(f, i + 1)}`)));
  const progress: ImportProgress[] = [];
  const outcome = await importFigures(database.db, SYSTEM_ACTOR, {
    source: { data: Buffer.from(`${lines.join('\r\n')}\r\n`) },
    fileName: 'steps.csv',
    dryRun: false,
    acceptWarnings: true,
    unit: '万元',
    now: new Date('2026-11-15T00:00:00Z'),
    onProgress: (p) => progress.push(p),
  });
  return { outcome, writeSteps: progress.filter((p) => p.phase === 'write').map((p) => p.done) };
}

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const result = await database.db.execute<{ n: number | string }>(query);
  return Number(result.rows[0]?.n);
}

describe('an import in more than one write step', () => {
  it('creates 12,000 months in three steps, each with a first revision (no old values)', async () => {
    const { outcome, writeSteps } = await importCsv((f, m) => wan(f, m));
    expect(outcome.errors).toEqual([]);
    expect([outcome.created, outcome.updated, outcome.unchanged]).toEqual([12_000, 0, 0]);
    expect(writeSteps).toEqual([5_000, 10_000, 12_000]);
    expect(await count(sql`SELECT count(*) AS n FROM monthly_figures`)).toBe(12_000);
    expect(await count(sql`SELECT count(*) AS n FROM monthly_figure_revisions WHERE old_values IS NULL`)).toBe(12_000);
    // Firm 7, June: 7 + 6 = 13 万元 = 130,000 元.
    expect(await count(sql`SELECT gross_output AS n FROM monthly_figures WHERE uscc = ${usccs[7] ?? ''} AND period = '2024-06'`)).toBe(
      130_000,
    );
  });

  it('imported again with one value changed: one update, one revision with the old value, 11,999 unchanged', async () => {
    // Firm 999, December: 999 % 50 + 12 = 61 万元, now 62.
    const { outcome, writeSteps } = await importCsv((f, m) => wan(f, m, f === 999 && m === 12 ? 1 : 0));
    expect([outcome.created, outcome.updated, outcome.unchanged]).toEqual([0, 1, 11_999]);
    expect(writeSteps).toEqual([1]);
    const revisions = await database.db.execute<{ old: string; new: string }>(sql`
      SELECT old_values ->> 'grossOutput' AS old, new_values ->> 'grossOutput' AS new
        FROM monthly_figure_revisions WHERE uscc = ${usccs[999] ?? ''} AND period = '2024-12' AND old_values IS NOT NULL`);
    expect(revisions.rows).toEqual([{ old: '610000', new: '620000' }]);
    expect(await count(sql`SELECT count(*) AS n FROM monthly_figure_revisions`)).toBe(12_001);
  });

  it('every month changed: 12,000 updates in three steps, each revision holding the value it replaced', async () => {
    const { outcome, writeSteps } = await importCsv((f, m) => wan(f, m, 2));
    expect([outcome.created, outcome.updated, outcome.unchanged]).toEqual([0, 12_000, 0]);
    expect(writeSteps).toEqual([5_000, 10_000, 12_000]);
    // Each of the 12,000 new revisions goes up by exactly 2 万元 from the value stored before it
    // (firm 999's December by 1: it was 62 after the import above, now 63).
    const raised = (by: number) =>
      count(sql`
        SELECT count(*) AS n FROM monthly_figure_revisions
         WHERE old_values IS NOT NULL AND (new_values ->> 'grossOutput')::bigint - (old_values ->> 'grossOutput')::bigint = ${by}`);
    expect(await raised(20_000)).toBe(11_999);
    expect(await raised(10_000)).toBe(2);
    expect(await count(sql`SELECT count(*) AS n FROM monthly_figure_revisions`)).toBe(24_001);
    expect(await count(sql`SELECT count(*) AS n FROM monthly_figures WHERE source = 'import'`)).toBe(12_000);
    // Firm 7, June: 13 + 2 = 15 万元.
    expect(await count(sql`SELECT gross_output AS n FROM monthly_figures WHERE uscc = ${usccs[7] ?? ''} AND period = '2024-06'`)).toBe(
      150_000,
    );
    // The planner settings the updates used are put back at the end of the transaction.
    const settings = await database.db.execute<{ hash: string }>(sql`SELECT current_setting('enable_hashjoin') AS hash`);
    expect(settings.rows[0]?.hash).toBe('on');
  });
  it('a step that fails while the next one is queued changes nothing: no month, no revision, no audit row', async () => {
    // The database refuses firm 100's March (in the first step): the second step is already queued then.
    await database.db.execute(sql`
      CREATE FUNCTION refuse_in_test() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$`);
    await database.db.execute(
      sql.raw(`
      CREATE TRIGGER refuse_in_test BEFORE UPDATE ON monthly_figures FOR EACH ROW
        WHEN (NEW.uscc = '${usccs[100] ?? ''}' AND NEW.period = '2024-03') EXECUTE FUNCTION refuse_in_test()`),
    );
    const audits = await count(sql`SELECT count(*) AS n FROM audit_log WHERE action = 'import'`);
    try {
      const failure = await importCsv((f, m) => wan(f, m, 5)).then(
        () => null,
        (err: unknown) => err,
      );
      // The driver's error, under the query builder's "Failed query" error.
      expect(failure instanceof Error ? String(failure.cause) : failure).toMatch(/refused by the test/);
    } finally {
      await database.db.execute(sql`DROP TRIGGER refuse_in_test ON monthly_figures`);
      await database.db.execute(sql`DROP FUNCTION refuse_in_test()`);
    }
    expect(await count(sql`SELECT count(*) AS n FROM monthly_figure_revisions`)).toBe(24_001);
    expect(await count(sql`SELECT count(*) AS n FROM audit_log WHERE action = 'import'`)).toBe(audits);
    // Still the values of the import before (firm 7, June: 15 万元; firm 999, December: 63 万元).
    expect(await count(sql`SELECT gross_output AS n FROM monthly_figures WHERE uscc = ${usccs[7] ?? ''} AND period = '2024-06'`)).toBe(
      150_000,
    );
    expect(await count(sql`SELECT gross_output AS n FROM monthly_figures WHERE uscc = ${usccs[999] ?? ''} AND period = '2024-12'`)).toBe(
      630_000,
    );
  });
});
