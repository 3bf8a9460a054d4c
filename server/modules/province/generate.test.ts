// The province generator: the shapes asked for, and the same rows from the same arguments (two fresh
// databases, one digest of every generated row). A tiny province: 30 firms over 14 months.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.js';
import type { Db } from '../../db/client.js';
import { addMonths, generateProvince } from './generate.js';

const OPTIONS = { enterprises: 30, months: 14, end: '2025-02', seed: 7 } as const;

async function one(db: Db, query: ReturnType<typeof sql>): Promise<string> {
  const result = await db.execute(query);
  return String(Object.values(result.rows[0] ?? {})[0]);
}

/** Generates into a fresh database; returns the report, the counts and a digest of every row. */
async function generateOnce() {
  const test = await createTestApp();
  try {
    const db = test.database.db;
    const report = await generateProvince(db, OPTIONS);
    const counts = {
      regions: await one(db, sql`SELECT count(*)::text FROM regions`),
      parks: await one(db, sql`SELECT count(*)::text FROM parks`),
      chains: await one(db, sql`SELECT count(*)::text FROM chains`),
      nodes: await one(db, sql`SELECT count(*)::text FROM chain_nodes`),
      firms: await one(db, sql`SELECT count(*)::text FROM enterprises WHERE is_demo AND name LIKE '%(示例)'`),
      firmsWithoutPrimary: await one(
        db,
        sql`SELECT count(*)::text FROM enterprises e WHERE NOT EXISTS (SELECT 1 FROM enterprise_memberships m WHERE m.uscc = e.uscc AND m.is_primary)`,
      ),
      rowsOutsideScale: await one(
        db,
        sql`SELECT count(*)::text FROM monthly_figures f
             WHERE NOT EXISTS (SELECT 1 FROM enterprise_scale_years s WHERE s.uscc = f.uscc AND s.year = substr(f.period, 1, 4)::int)`,
      ),
      nonPositiveOutput: await one(db, sql`SELECT count(*)::text FROM monthly_figures WHERE gross_output IS NULL OR gross_output <= 0`),
      periods: await one(db, sql`SELECT min(period) || '…' || max(period) FROM monthly_figures`),
      lastMonthStatus: await one(db, sql`SELECT coalesce(max(status), 'collecting') FROM period_statuses WHERE period = ${OPTIONS.end}`),
    };
    const digest = await one(
      db,
      sql`SELECT md5(string_agg(concat_ws(',', uscc, period, gross_output, revenue, profit, taxes, electricity_kwh, employees,
                                          prev_year_gross_output, prev_year_revenue, prev_year_profit, prev_year_taxes, updated_at), ';'
                                ORDER BY uscc, period)) FROM monthly_figures`,
    );
    const masters = await one(
      db,
      sql`SELECT md5(string_agg(concat_ws(',', e.uscc, e.name, e.region_code, e.park_id, m.node_id, m.valid_from_year, m.valid_to_year), ';'
                                ORDER BY e.uscc, m.node_id, m.valid_from_year)) FROM enterprises e JOIN enterprise_memberships m ON m.uscc = e.uscc`,
    );
    return { report, counts, digest, masters };
  } finally {
    await test.close();
  }
}

describe('generate-province', () => {
  it('makes 120 counties, 150 parks, 40 chains of 8 nodes and the firms asked for, the same rows every time', async () => {
    const first = await generateOnce();
    expect(first.counts).toEqual({
      regions: '120',
      parks: '150',
      chains: '40',
      nodes: '320',
      firms: '30',
      firmsWithoutPrimary: '0',
      rowsOutsideScale: '0',
      nonPositiveOutput: '0',
      // 14 months ending 2025-02.
      periods: '2024-01…2025-02',
      // The last month is left for a benchmark to publish.
      lastMonthStatus: 'collecting',
    });
    // Published as history: 2024-02…2024-12 (January goes with February; 2025-01 waits for 2025-02).
    expect(first.report.publishedMonths).toBe(11);
    expect(first.report.figureRows).toBeGreaterThan(0);
    const second = await generateOnce();
    expect(second.digest).toBe(first.digest);
    expect(second.masters).toBe(first.masters);
    expect(second.report.figureRows).toBe(first.report.figureRows);
  });

  it('counts months across years', () => {
    expect(addMonths('2026-10', -59)).toBe('2021-11');
    expect(addMonths('2024-12', 1)).toBe('2025-01');
    expect(addMonths('2025-01', -1)).toBe('2024-12');
  });
});
