// All SQL of the warnings (预警) module: the four lists over the firms in scope for a period, the
// latest month with figures, the as-of time, and the settings row. The firms in scope are the
// statistics engine's (membersSql: the year's 规上 名录 × chain membership × data scope), and the
// year-on-year bases are its comparable bases (firmStatsSql), so a drop here is a drop there.
import { isoSql, parseRows } from '../../db/sql.js';
import { z } from 'zod';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { firmsSql, firmStatsSql, membersSql, type FirmFilter, type MonthRange } from '../monitoring/monitoring.sql.js';

/** A firm as every list shows it. */
export type WarningFirmRow = { uscc: string; name: string; regionCode: string; parkName: string | null; chainCodes: string[] };

const firmColumns = z.object({
  uscc: z.string(),
  name: z.string(),
  region_code: z.string(),
  park_name: z.string().nullable(),
  chain_codes: z.array(z.string()).nullable(),
});
type FirmColumns = z.infer<typeof firmColumns>;

function firmOf(r: FirmColumns): WarningFirmRow {
  return { uscc: r.uscc, name: r.name, regionCode: r.region_code, parkName: r.park_name, chainCodes: r.chain_codes ?? [] };
}

/** `members_now` and `firms` (one row per firm in scope for `year`, its chains in codes_now). */
function scopeCtes(year: number, filter: FirmFilter): SQL {
  return sql`members_now AS (${membersSql(year, filter)}), firms AS (${firmsSql(sql.raw('chain_code'), false)})`;
}

/** The firm columns, from `firms fi` joined to `enterprises e` and `parks pk`, and the name/USCC search. */
const FIRM_SELECT = sql`fi.uscc, e.name, e.region_code, pk.name AS park_name, fi.codes_now AS chain_codes`;
const FIRM_JOIN = sql`JOIN enterprises e ON e.uscc = fi.uscc LEFT JOIN parks pk ON pk.id = e.park_id`;
function searchSql(q: string | null): SQL {
  if (q === null || q === '') return sql`true`;
  return sql`(strpos(lower(e.name), lower(${q})) > 0 OR strpos(e.uscc, upper(${q})) > 0)`;
}

/** Whether the firm's February of `year` holds a combined 1–2月 figure (its January 0 is no figure of its own). */
function combinedFebruarySql(year: number): SQL {
  return sql`EXISTS (SELECT 1 FROM monthly_figure_marks mk WHERE mk.uscc = fi.uscc AND mk.period = ${`${year}-02`} AND mk.mark = 'jan_feb_combined')`;
}

export type ScopeInput = { year: number; period: string; filter: FirmFilter; q: string | null };

/** One step of an output drop: 当月 output and comparable base (both Σ over the step's months). */
export type DropStepRow = { output: number; base: number };

/**
 * The firms whose output fell by at least `threshold` (a fraction) year on year in every step:
 * the step has its last month reported, a comparable base (engine rules) above 0, and output ≤
 * base × (1 − threshold), decided exactly in numeric. For P = January, a firm whose February is a
 * combined 1–2月 figure is skipped (its January 0 is no figure). Worst drop in P first.
 */
export async function selectOutputDrops(
  db: Db,
  input: ScopeInput & { steps: readonly MonthRange[]; threshold: number },
): Promise<(WarningFirmRow & { steps: DropStepRow[] })[]> {
  const { steps } = input;
  const factor = sql`(1 - ${String(input.threshold)}::numeric)`;
  const ctes = steps.map((range, i) => sql`${sql.raw(`s${i}`)} AS (${firmStatsSql(range)})`);
  const joins = steps.map((_, i) => sql.raw(` JOIN s${i} ON s${i}.uscc = fi.uscc`));
  const conditions = steps.map((range, i) => {
    const s = sql.raw(`s${i}`);
    return sql`(${s}.has_base AND ${s}.base > 0 AND ${s}.output <= ${s}.base * ${factor}
               AND EXISTS (SELECT 1 FROM monthly_figures lf WHERE lf.uscc = fi.uscc AND lf.period = ${range.to} AND lf.gross_output IS NOT NULL))`;
  });
  const columns = steps.map((_, i) => sql.raw(`, s${i}.output::bigint AS o${i}, s${i}.base::bigint AS b${i}`));
  const january = input.period.endsWith('-01') ? sql` AND NOT ${combinedFebruarySql(input.year)}` : sql``;
  const result = parseRows(
    await db.execute(sql`
    WITH ${scopeCtes(input.year, input.filter)}, ${sql.join(ctes, sql`, `)}
    SELECT ${FIRM_SELECT}${sql.join(columns, sql``)}
      FROM firms fi${sql.join(joins, sql``)}
      ${FIRM_JOIN}
     WHERE ${sql.join(conditions, sql` AND `)} AND ${searchSql(input.q)}${january}
     ORDER BY s0.output::numeric / s0.base, fi.uscc`),
    firmColumns.catchall(z.number()),
  );
  return result.map((r) => ({ ...firmOf(r), steps: steps.map((_, i) => ({ output: Number(r[`o${i}`]), base: Number(r[`b${i}`]) })) }));
}

/** The firms in scope with no figures row for the period (未报). */
export async function selectNotReported(db: Db, input: ScopeInput): Promise<WarningFirmRow[]> {
  const result = parseRows(
    await db.execute(sql`
    WITH ${scopeCtes(input.year, input.filter)}
    SELECT ${FIRM_SELECT}
      FROM firms fi ${FIRM_JOIN}
     WHERE NOT EXISTS (SELECT 1 FROM monthly_figures f WHERE f.uscc = fi.uscc AND f.period = ${input.period}) AND ${searchSql(input.q)}
     ORDER BY fi.uscc`),
    firmColumns,
  );
  return result.map(firmOf);
}

/**
 * The firms that reported 营业收入 for the period whose 1–P月 累计 revenue × 12 / months is under
 * `line` 元 (compared exactly in integers: Σ × 12 < line × months). For P = January, a firm whose
 * February is a combined 1–2月 figure is skipped.
 */
export async function selectBelowScale(
  db: Db,
  input: ScopeInput & { months: number; line: number },
): Promise<(WarningFirmRow & { revenueYtd: number })[]> {
  const from = `${input.year}-01`;
  const january = input.period.endsWith('-01') ? sql` AND NOT ${combinedFebruarySql(input.year)}` : sql``;
  const result = parseRows(
    await db.execute(sql`
    WITH ${scopeCtes(input.year, input.filter)}
    SELECT ${FIRM_SELECT}, r.revenue_ytd
      FROM firms fi ${FIRM_JOIN}
     CROSS JOIN LATERAL (
       SELECT coalesce(sum(f.revenue), 0)::bigint AS revenue_ytd FROM monthly_figures f WHERE f.uscc = fi.uscc AND f.period BETWEEN ${from} AND ${input.period}
     ) AS r
     WHERE EXISTS (SELECT 1 FROM monthly_figures f WHERE f.uscc = fi.uscc AND f.period = ${input.period} AND f.revenue IS NOT NULL)
       AND r.revenue_ytd::numeric * 12 < ${input.line}::numeric * ${input.months}
       AND ${searchSql(input.q)}${january}
     ORDER BY r.revenue_ytd, fi.uscc`),
    firmColumns.extend({ revenue_ytd: z.number() }),
  );
  return result.map((r) => ({ ...firmOf(r), revenueYtd: Number(r.revenue_ytd) }));
}

/**
 * The firms whose 当月 gross output in the period is at least `factor` × the median of their
 * stored months above 0 in the 12 months before (percentile_cont, as the figures import's
 * warning), when that median rests on at least 3 months.
 */
export async function selectUnitSlips(
  db: Db,
  input: ScopeInput & { trailingFrom: string; factor: number },
): Promise<(WarningFirmRow & { output: number; median: number; medianMonths: number })[]> {
  const result = parseRows(
    await db.execute(sql`
    WITH ${scopeCtes(input.year, input.filter)}
    SELECT ${FIRM_SELECT}, cur.gross_output AS output, m.median, m.median_months
      FROM firms fi ${FIRM_JOIN}
      JOIN monthly_figures cur ON cur.uscc = fi.uscc AND cur.period = ${input.period} AND cur.gross_output > 0
     CROSS JOIN LATERAL (
       SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY f.gross_output) AS median, count(*)::int AS median_months
         FROM monthly_figures f
        WHERE f.uscc = fi.uscc AND f.period >= ${input.trailingFrom} AND f.period < ${input.period} AND f.gross_output > 0
     ) AS m
     WHERE m.median_months >= 3 AND cur.gross_output >= ${String(input.factor)}::float8 * m.median AND ${searchSql(input.q)}
     ORDER BY cur.gross_output / m.median DESC, fi.uscc`),
    firmColumns.extend({ output: z.number(), median: z.number(), median_months: z.number() }),
  );
  return result.map((r) => ({ ...firmOf(r), output: Number(r.output), median: Number(r.median), medianMonths: r.median_months }));
}

/** The last change (ISO 8601) of the figures from `from` to the period of the firms in scope. */
export async function selectWarningsAsOf(db: Db, input: Omit<ScopeInput, 'q'> & { from: string }): Promise<string | null> {
  const result = parseRows(
    await db.execute(sql`
    WITH ${scopeCtes(input.year, input.filter)}
    SELECT ${isoSql(sql`max(f.updated_at)`)} AS as_of
      FROM firms fi JOIN monthly_figures f ON f.uscc = fi.uscc AND f.period BETWEEN ${input.from} AND ${input.period}`),
    z.object({ as_of: z.string().nullable() }),
  );
  return result[0]?.as_of ?? null;
}
