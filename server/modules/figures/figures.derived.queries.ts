// SQL of derived months: the reported 本年累计 kept as facts, and the derived 当月 they no longer
// agree with (累计 − Σ of the earlier months of the year ≠ the stored 当月).
import { parseRows } from '../../db/sql.js';
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import type { FigureField } from '../../../shared/contracts/figures.js';
import type { Db } from '../../db/client.js';
import { YTD_COLUMNS, type YtdColumn } from '../../db/schema-figures.js';

/** The API field of each measure a 累计 may be kept for, and its column. */
export const YTD_MEASURES: readonly { field: FigureField; measure: YtdColumn }[] = [
  { field: 'grossOutput', measure: 'gross_output' },
  { field: 'revenue', measure: 'revenue' },
  { field: 'profit', measure: 'profit' },
  { field: 'taxes', measure: 'taxes' },
  { field: 'electricityKwh', measure: 'electricity_kwh' },
];

export type YtdFact = { uscc: string; period: string; measure: YtdColumn; ytdValue: number };

/** Stores (or replaces) reported 累计 facts. */
export async function upsertYtdFacts(db: Db, facts: readonly YtdFact[]): Promise<void> {
  for (let i = 0; i < facts.length; i += 5000) {
    const part = facts.slice(i, i + 5000);
    await db.execute(sql`
      INSERT INTO monthly_figure_ytd (uscc, period, measure, ytd_value, reported_at)
      SELECT v.uscc, v.period, v.measure, v.ytd_value, now()
        FROM unnest(${sql.param(part.map((f) => f.uscc))}::text[], ${sql.param(part.map((f) => f.period))}::text[],
                    ${sql.param(part.map((f) => f.measure))}::text[], ${sql.param(part.map((f) => f.ytdValue))}::bigint[])
             AS v(uscc, period, measure, ytd_value)
      ON CONFLICT (uscc, period, measure) DO UPDATE SET ytd_value = excluded.ytd_value, reported_at = excluded.reported_at`);
  }
}

/** Which of the firms have any 累计 fact (most imports report 当月 only: then nothing needs dropping). */
export async function selectFirmsWithYtdFacts(db: Db, usccs: readonly string[]): Promise<Set<string>> {
  if (usccs.length === 0) return new Set();
  const result = parseRows(
    await db.execute(sql`
    SELECT DISTINCT uscc FROM monthly_figure_ytd WHERE uscc = ANY(${sql.param([...usccs])}::text[])`),
    z.object({ uscc: z.string() }),
  );
  return new Set(result.map((r) => r.uscc));
}

/** Drops the 累计 facts of months whose 当月 was now reported or entered directly. */
export async function deleteYtdFacts(db: Db, facts: readonly Omit<YtdFact, 'ytdValue'>[]): Promise<void> {
  for (let i = 0; i < facts.length; i += 5000) {
    const part = facts.slice(i, i + 5000);
    await db.execute(sql`
      DELETE FROM monthly_figure_ytd y
       USING unnest(${sql.param(part.map((f) => f.uscc))}::text[], ${sql.param(part.map((f) => f.period))}::text[], ${sql.param(part.map((f) => f.measure))}::text[])
             AS v(uscc, period, measure)
       WHERE y.uscc = v.uscc AND y.period = v.period AND y.measure = v.measure`);
  }
}

/** A derived 当月 that no longer agrees with its 累计: `ytd − before` is what it should be. */
export type StaleDerivedRow = { uscc: string; period: string; measure: YtdColumn; ytd: number; before: number; stored: number | null };

/**
 * The firms' derived months whose stored 当月 differs from 累计 − Σ 当月 of the year's earlier
 * months, when every earlier month has a value (otherwise nothing can be derived), by month.
 */
export async function selectStaleDerived(db: Db, usccs: readonly string[]): Promise<StaleDerivedRow[]> {
  if (usccs.length === 0) return [];
  const result = parseRows(
    await db.execute(sql`
    SELECT y.uscc, y.period, y.measure, y.ytd_value AS ytd, b.before, (to_jsonb(f) ->> y.measure)::bigint AS stored
      FROM monthly_figure_ytd y
      LEFT JOIN monthly_figures f ON f.uscc = y.uscc AND f.period = y.period
     CROSS JOIN LATERAL (
       SELECT coalesce(sum((to_jsonb(p) ->> y.measure)::bigint), 0)::bigint AS before, count(to_jsonb(p) ->> y.measure)::int AS months
         FROM monthly_figures p
        WHERE p.uscc = y.uscc AND p.period >= substr(y.period, 1, 5) || '01' AND p.period < y.period
     ) AS b
     WHERE y.uscc = ANY(${sql.param([...usccs])}::text[])
       AND b.months = substr(y.period, 6)::int - 1
       AND (to_jsonb(f) ->> y.measure)::bigint IS DISTINCT FROM y.ytd_value - b.before
     ORDER BY y.uscc, y.period, y.measure`),
    z.object({
      uscc: z.string(),
      period: z.string(),
      measure: z.enum(YTD_COLUMNS),
      ytd: z.number(),
      before: z.number(),
      stored: z.number().nullable(),
    }),
  );
  return result.map((r) => ({ ...r, ytd: Number(r.ytd), before: Number(r.before), stored: r.stored === null ? null : Number(r.stored) }));
}
