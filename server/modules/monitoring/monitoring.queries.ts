// All SQL of the monitoring module: the comparable-basis aggregates by chain (or county, park,
// industry, node) with their deduplicated total, and the enterprise ranking. Sums come back as
// integer 元 (numbers, through the int8 parser); ratios are taken by shared/stats/growth.ts.
// The plans stay linear even before the tables were ever analysed (PGlite runs no autovacuum):
// figures are read by index per firm, and firms are spread over their groups with unnest, never by
// joining two intermediate results.
import { isoSql, parseRows } from '../../db/sql.js';
import { z } from 'zod';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { BreakdownDimension } from '../../../shared/contracts/monitoring.js';
import {
  chainConditionSql,
  firmConditionSql,
  firmMeasureColumnsSql,
  firmsSql,
  firmStatsSql,
  measureAggregatesSql,
  measureColumnsSql,
  measureNamesSql,
  membersSql,
  OTHER_MEASURES,
  figuresSql,
  frozenFirmStatsStoredSql,
  storeFrozenFirmStatsSql,
  type FiguresView,
  type FirmFilter,
  type MonthRange,
} from './monitoring.sql.js';

/** Sums of one group (code and name), or of the deduplicated total (code and name null). */
export type GrowthGroupRow = {
  code: string | null;
  name: string | null;
  enterpriseCount: number;
  output: number;
  comparableOutput: number;
  base: number;
  excludedFromGrowth: number;
  notReportedCount: number;
  publishedBase: number;
  /** ISO 8601, UTC. */
  asOf: string | null;
  measures: MeasureSums;
};

/** The other measures of a group or firm: sums (comparable ones over the firms with a base), average headcount. */
export type MeasureSums = {
  [K in (typeof OTHER_MEASURES)[number]['key']]: { value: number; comparable: number; base: number };
} & { employees: number };

type MeasureColumns = Record<string, number | boolean | null>;
/**
 * A measure column of a result row: a group's sum (cast to int8, a number), a firm's sum or average
 * (numeric, which the driver hands over as its text: parsed here), a has-base flag, or null.
 */
const measureValue = z.union([
  z.number(),
  z.boolean(),
  z.null(),
  z
    .string()
    .regex(/^-?[0-9]+(\.[0-9]+)?$/)
    .transform(Number),
]);

/** The measures from a result row's columns (`m_` prefixed per firm, plain per group). */
function measuresOf(row: MeasureColumns, perFirm: boolean): MeasureSums {
  const num = (name: string) => Number(row[name] ?? 0);
  // The loop below fills every other measure of OTHER_MEASURES, which lists all of MeasureSums' keys.
  const out = { employees: num(perFirm ? 'm_employees' : 'employees') } as MeasureSums;
  for (const m of OTHER_MEASURES) {
    const c = perFirm ? `m_${m.column}` : m.column;
    out[m.key] = perFirm
      ? {
          value: num(c),
          comparable: row[`${c}_has_base`] === true ? num(c) : 0,
          base: row[`${c}_has_base`] === true ? num(`${c}_base`) : 0,
        }
      : { value: num(c), comparable: num(`${c}_comparable`), base: num(`${c}_base`) };
  }
  return out;
}

/** The code naming a firm's group in each dimension (a firm without a park groups under 'none'). */
const GROUP_KEY: Record<BreakdownDimension, SQL> = {
  chain: sql.raw('chain_code'),
  region: sql.raw('region_code'),
  park: sql.raw(`coalesce(park_id::text, 'none')`),
  industry: sql.raw('industry_code'),
  node: sql.raw('node_id::text'),
};

/** The rows to list in each dimension: every chain (or node, industry) in scope, counties and parks that have firms. */
function labelsSql(by: BreakdownDimension, year: number, filter: FirmFilter): SQL {
  const present = sql`(SELECT code FROM agg_now UNION SELECT code FROM agg_prev)`;
  switch (by) {
    case 'chain':
      return sql`SELECT c.code, c.name, c.sort_order FROM chains c WHERE ${chainConditionSql(year, filter)}`;
    case 'node':
      return sql`SELECT n.id::text AS code, n.name, n.sort_order FROM chain_nodes n JOIN chains c ON c.code = n.chain_code WHERE ${chainConditionSql(year, filter)}`;
    case 'industry':
      return sql`SELECT i.code, i.name, i.sort_order FROM industries i
                  WHERE i.code IN (SELECT c.industry_code FROM chains c WHERE ${chainConditionSql(year, filter)})`;
    case 'region':
      return sql`SELECT r.code, r.name, 0 AS sort_order FROM regions r WHERE r.code IN ${present}`;
    case 'park':
      return sql`SELECT p.id::text AS code, p.name, 0 AS sort_order FROM parks p WHERE p.id::text IN ${present}
                 UNION ALL SELECT 'none', '园区外', 1 WHERE 'none' IN ${present}`;
  }
}

/**
 * Stores the per-firm figures of a published month's range (frozen_firm_stats) unless they are:
 * every answer from that snapshot then reads one row per firm instead of its months. Runs for an
 * unfiltered question (which reads every firm anyway): on publication, and on the first city-wide
 * read of a month published as history. A scoped question (a county, a park, a chain) never pays for
 * the whole province: it reads the stored rows when there are, else its own firms' months. Concurrent
 * first readers wait for one another (advisory lock) instead of computing the same rows twice.
 */
export async function ensureFrozenFirmStats(db: Db, range: MonthRange, view: FiguresView, filter: FirmFilter): Promise<void> {
  if (view.kind !== 'frozen' || view.direct === true || view.version <= 0) return;
  if (Object.values(filter).some((v) => v !== null)) return;
  const version = view.version;
  const stored = async (d: Db) =>
    parseRows(await d.execute(frozenFirmStatsStoredSql(range, version)), z.object({ stored: z.boolean() }))[0]?.stored === true;
  if (await stored(db)) return;
  try {
    await db.transaction(async (tx) => {
      await tx.execute(
        sql`SELECT pg_advisory_xact_lock(hashtext('frozen_firm_stats'), hashtext(${`${version}:${range.from}:${range.to}`}))`,
      );
      if (!(await stored(tx))) await tx.execute(storeFrozenFirmStatsSql(range, version));
    });
  } catch (err) {
    // On a read replica (DATABASE_READ_URL) nothing can be stored: the answer is computed from the
    // months, as for a firm without a row; the primary stores the rollup at its own first read.
    if (isReadOnlyError(err)) return;
    throw err;
  }
}

/** PostgreSQL's "cannot execute … in a read-only transaction" (a hot standby). */
function isReadOnlyError(err: unknown): boolean {
  const code = (e: unknown) => (typeof e === 'object' && e !== null && 'code' in e ? e.code : undefined);
  return code(err) === '25006' || (typeof err === 'object' && err !== null && 'cause' in err && code(err.cause) === '25006');
}

/** The statement of selectGrowthGroups (exported so a benchmark can EXPLAIN it). */
export function growthGroupsSql(input: { range: MonthRange; filter: FirmFilter; by: BreakdownDimension; view: FiguresView }): SQL {
  const { range, filter, by } = input;
  return sql`
    WITH members_now AS (${membersSql(range.year, filter)}),
    members_prev AS (${membersSql(range.year - 1, filter)}),
    firms AS (${firmsSql(GROUP_KEY[by], true)}),
    firm_stats AS (${firmStatsSql(range, input.view)}),
    -- each firm once per group it is in, and once more under code NULL for the deduplicated total
    now_rows AS (
      SELECT g.code, fs.output, fs.base, fs.reported, fs.has_base, fs.as_of_now, ${firmMeasureColumnsSql('fs.')}
        FROM firm_stats fs CROSS JOIN LATERAL unnest(fs.codes_now || ARRAY[NULL::text]) AS g(code)
       WHERE fs.codes_now IS NOT NULL
    ),
    prev_rows AS (
      SELECT g.code, fs.published_last, fs.as_of_prev
        FROM firm_stats fs CROSS JOIN LATERAL unnest(fs.codes_prev || ARRAY[NULL::text]) AS g(code)
       WHERE fs.codes_prev IS NOT NULL
    ),
    agg_now AS (
      SELECT code,
             count(*)::int AS enterprise_count,
             sum(output)::bigint AS output,
             coalesce(sum(output) FILTER (WHERE has_base), 0)::bigint AS comparable_output,
             coalesce(sum(base) FILTER (WHERE has_base), 0)::bigint AS base,
             (count(*) FILTER (WHERE reported AND NOT has_base))::int AS excluded,
             (count(*) FILTER (WHERE NOT reported))::int AS not_reported,
             max(as_of_now) AS as_of,
             ${measureAggregatesSql()}
        FROM now_rows
       GROUP BY code
    ),
    agg_prev AS (
      SELECT code, sum(published_last)::bigint AS published_base, max(as_of_prev) AS as_of
        FROM prev_rows
       GROUP BY code
    ),
    labels AS (${labelsSql(by, range.year, filter)}),
    answer AS (
      SELECT l.code, l.name, l.sort_order, a.enterprise_count, a.output, a.comparable_output, a.base, a.excluded,
             a.not_reported, p.published_base, greatest(a.as_of, p.as_of) AS as_of, ${measureNamesSql('a.')}
        FROM labels l
        LEFT JOIN agg_now a ON a.code = l.code
        LEFT JOIN agg_prev p ON p.code = l.code
      UNION ALL
      SELECT NULL, NULL, -1, a.enterprise_count, a.output, a.comparable_output, a.base, a.excluded,
             a.not_reported, p.published_base, greatest(a.as_of, p.as_of), ${measureNamesSql('a.')}
        FROM (SELECT 1) AS one
        LEFT JOIN agg_now a ON a.code IS NULL
        LEFT JOIN agg_prev p ON p.code IS NULL
    )
    SELECT code, name,
           coalesce(enterprise_count, 0) AS enterprise_count, coalesce(output, 0) AS output,
           coalesce(comparable_output, 0) AS comparable_output, coalesce(base, 0) AS base,
           coalesce(excluded, 0) AS excluded, coalesce(not_reported, 0) AS not_reported,
           coalesce(published_base, 0) AS published_base, ${isoSql(sql.raw('as_of'))} AS as_of, ${measureColumnsSql()}
      FROM answer
     ORDER BY sort_order, output DESC, code`;
}

/**
 * Comparable-basis sums for a range, one row per group of `by` plus the deduplicated total (code
 * null). A firm counts in every group it belongs to (a two-chain firm in both chains) and once in
 * the total. Published bases come from last year's scope (S of year − 1, chains on last year's list).
 */
export async function selectGrowthGroups(
  db: Db,
  input: { range: MonthRange; filter: FirmFilter; by: BreakdownDimension; view: FiguresView },
): Promise<GrowthGroupRow[]> {
  await ensureFrozenFirmStats(db, input.range, input.view, input.filter);
  const result = parseRows(
    await db.execute(growthGroupsSql(input)),
    z
      .object({
        code: z.string().nullable(),
        name: z.string().nullable(),
        enterprise_count: z.number(),
        output: z.number(),
        comparable_output: z.number(),
        base: z.number(),
        excluded: z.number(),
        not_reported: z.number(),
        published_base: z.number(),
        as_of: z.string().nullable(),
      })
      .catchall(measureValue),
  );
  return result.map((r) => ({
    code: r.code,
    name: r.name,
    enterpriseCount: r.enterprise_count,
    output: r.output,
    comparableOutput: r.comparable_output,
    base: r.base,
    excludedFromGrowth: r.excluded,
    notReportedCount: r.not_reported,
    publishedBase: r.published_base,
    asOf: r.as_of,
    measures: measuresOf(r, false),
  }));
}

/** One firm of the ranking (规模榜单): its output and comparable base over the range. */
export type RankedEnterpriseRow = {
  rank: number;
  uscc: string;
  name: string;
  regionCode: string;
  parkName: string | null;
  chainCodes: string[];
  output: number;
  base: number;
  hasBase: boolean;
  reported: boolean;
  measures: MeasureSums;
};

/**
 * The firms in scope ranked by output over the range (ties by USCC), one page of them, with the
 * number of firms ranked and the last change of the data used.
 */
export async function selectEnterpriseRanking(
  db: Db,
  input: { range: MonthRange; filter: FirmFilter; limit: number; offset: number; view: FiguresView },
): Promise<{ rows: RankedEnterpriseRow[]; total: number; asOf: string | null }> {
  const { range, filter } = input;
  await ensureFrozenFirmStats(db, range, input.view, filter);
  const result = parseRows(
    await db.execute(sql`
    WITH members_now AS (${membersSql(range.year, filter)}),
    firms AS (${firmsSql(GROUP_KEY.chain, false)}),
    firm_stats AS (${firmStatsSql(range, input.view)}),
    ranked AS (
      SELECT e.uscc, e.name, e.region_code, pk.name AS park_name, fs.codes_now AS chain_codes,
             fs.output::bigint AS output, fs.base::bigint AS base, fs.has_base, fs.reported, fs.as_of_now AS as_of, ${firmMeasureColumnsSql('fs.')},
             (row_number() OVER (ORDER BY fs.output DESC, e.uscc))::int AS rank
        FROM firm_stats fs
        JOIN enterprises e ON e.uscc = fs.uscc
        LEFT JOIN parks pk ON pk.id = e.park_id
    ),
    summary AS (SELECT count(*)::int AS total, max(as_of) AS as_of FROM ranked),
    page AS (SELECT * FROM ranked ORDER BY rank LIMIT ${input.limit} OFFSET ${input.offset})
    SELECT s.total, ${isoSql(sql.raw('s.as_of'))} AS as_of, pg.rank, pg.uscc, pg.name, pg.region_code, pg.park_name,
           pg.chain_codes, pg.output, pg.base, pg.has_base, pg.reported, ${firmMeasureColumnsSql('pg.')}
      FROM summary s
      LEFT JOIN page pg ON true
     ORDER BY pg.rank`),
    z
      .object({
        total: z.number(),
        as_of: z.string().nullable(),
        rank: z.number().nullable(),
        uscc: z.string().nullable(),
        name: z.string().nullable(),
        region_code: z.string().nullable(),
        park_name: z.string().nullable(),
        chain_codes: z.array(z.string()).nullable(),
        output: z.number().nullable(),
        base: z.number().nullable(),
        has_base: z.boolean().nullable(),
        reported: z.boolean().nullable(),
      })
      .catchall(measureValue),
  );
  const first = result[0];
  const rows = result.flatMap((r) =>
    r.rank === null || r.uscc === null
      ? []
      : [
          {
            rank: r.rank,
            uscc: r.uscc,
            name: r.name ?? '',
            regionCode: r.region_code ?? '',
            parkName: r.park_name,
            chainCodes: r.chain_codes ?? [],
            output: r.output ?? 0,
            base: r.base ?? 0,
            hasBase: r.has_base === true,
            reported: r.reported === true,
            measures: measuresOf(r, true),
          },
        ],
  );
  return { rows, total: first?.total ?? 0, asOf: first?.as_of ?? null };
}

/** The latest month before `before` (or at all) with a gross output of a chain firm the filter allows. */
async function selectLatestChainFirmPeriod(db: Db, filter: FirmFilter, before: string | null): Promise<string | null> {
  const chains = filter.chainCodes === null ? sql`` : sql` AND n.chain_code = ANY(${sql.param([...filter.chainCodes])}::text[])`;
  const until = before === null ? sql`` : sql` AND f.period < ${before}`;
  const result = parseRows(
    await db.execute(sql`
    SELECT max(lp.period) AS period
      FROM (SELECT DISTINCT m.uscc
              FROM enterprise_memberships m
              JOIN chain_nodes n ON n.id = m.node_id
              JOIN enterprises e ON e.uscc = m.uscc
             WHERE true${chains}${firmConditionSql(filter)}) AS fi
     CROSS JOIN LATERAL (
       SELECT f.period FROM monthly_figures f
        WHERE f.uscc = fi.uscc AND f.gross_output IS NOT NULL${until}
        ORDER BY f.period DESC LIMIT 1
     ) AS lp`),
    z.object({ period: z.string().nullable() }),
  );
  return result[0]?.period ?? null;
}

/** Whether a firm in scope for `period` (its year's 名录 and chain list, the filter) reported gross output for it. */
export async function hasFiguresInScope(db: Db, filter: FirmFilter, period: string): Promise<boolean> {
  const result = parseRows(
    await db.execute(sql`
    WITH members_now AS (${membersSql(Number(period.slice(0, 4)), filter)})
    SELECT EXISTS (SELECT 1 FROM members_now mn JOIN monthly_figures f ON f.uscc = mn.uscc
                    WHERE f.period = ${period} AND f.gross_output IS NOT NULL) AS found`),
    z.object({ found: z.boolean() }),
  );
  return result[0]?.found === true;
}

/**
 * The latest month with a reported gross output of a firm in scope for that month (in the 规上 名录
 * of the month's year, in a chain on that year's list, allowed by the filter); null without any.
 * The latest month of any chain firm is nearly always it, so that is tried first and months are
 * stepped back only while a candidate has no firm in scope (a leaver's or a retired chain's report).
 */
export async function selectLatestPeriod(db: Db, filter: FirmFilter): Promise<string | null> {
  let before: string | null = null;
  for (;;) {
    const candidate = await selectLatestChainFirmPeriod(db, filter, before);
    if (candidate === null || (await hasFiguresInScope(db, filter, candidate))) return candidate;
    before = candidate;
  }
}

/** The chain a node belongs to, or null for an unknown node id. */
export async function selectNodeChain(db: Db, nodeId: number): Promise<string | null> {
  const result = parseRows(
    await db.execute(sql`SELECT chain_code FROM chain_nodes WHERE id = ${nodeId}`),
    z.object({ chain_code: z.string() }),
  );
  return result[0]?.chain_code ?? null;
}

/** One month of the trend (see selectTrend). */
export type TrendRow = {
  period: string;
  output: number;
  comparableOutput: number;
  base: number;
  reportedCount: number;
  asOf: string | null;
};

/**
 * 当月 sums of each month from `from` to `to` with figures, over the firms in scope of each month's
 * year (deduplicated across chains): the same firms, values and comparable bases as the chains
 * total with range `month`, for every month in one statement. January and February are published
 * together: when February is in the window, January's rows count under February (the pair is one
 * 1–2月 point, the same as the chains total with range `ytd` for February: a firm is left out of
 * the growth when either month lacks a base). Months without figures are absent.
 */
export async function selectTrend(db: Db, input: { from: string; to: string; filter: FirmFilter; view: FiguresView }): Promise<TrendRow[]> {
  const first = Number(input.from.slice(0, 4));
  const last = Number(input.to.slice(0, 4));
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const members = sql.join(
    years.map((year) => sql`SELECT DISTINCT ${year}::int AS year, m.uscc FROM (${membersSql(year, input.filter)}) AS m`),
    sql` UNION ALL `,
  );
  const result = parseRows(
    await db.execute(sql`
    WITH firm_years AS (${members}),
    firm_months AS (
      SELECT fy.uscc,
             CASE WHEN substr(f.period, 6) = '01' AND substr(f.period, 1, 5) || '02' <= ${input.to}::text
                  THEN substr(f.period, 1, 5) || '02' ELSE f.period END AS bucket,
             f.gross_output AS v, coalesce(f.prev_year_gross_output, l.gross_output) AS base,
             greatest(f.updated_at, CASE WHEN f.prev_year_gross_output IS NULL THEN l.updated_at END) AS at
        FROM firm_years fy
        JOIN ${figuresSql(input.view)} f
          ON f.uscc = fy.uscc
         AND f.period BETWEEN greatest(${input.from}::text, fy.year::text || '-01') AND least(${input.to}::text, fy.year::text || '-12')
        LEFT JOIN ${figuresSql(input.view)} l ON l.uscc = f.uscc AND l.period = (fy.year - 1)::text || substr(f.period, 5)
       WHERE f.gross_output IS NOT NULL
    ),
    firm_buckets AS (
      SELECT uscc, bucket, sum(v) AS v, sum(base) AS base, bool_and(base IS NOT NULL) AS has_base, max(at) AS at
        FROM firm_months
       GROUP BY uscc, bucket
    )
    SELECT bucket AS period,
           sum(v)::bigint AS output,
           coalesce(sum(v) FILTER (WHERE has_base), 0)::bigint AS comparable_output,
           coalesce(sum(base) FILTER (WHERE has_base), 0)::bigint AS base,
           count(*)::int AS reported,
           ${isoSql(sql.raw('max(at)'))} AS as_of
      FROM firm_buckets
     GROUP BY bucket
     ORDER BY bucket`),
    z.object({
      period: z.string(),
      output: z.number(),
      comparable_output: z.number(),
      base: z.number(),
      reported: z.number(),
      as_of: z.string().nullable(),
    }),
  );
  return result.map((r) => ({
    period: r.period,
    output: r.output,
    comparableOutput: r.comparable_output,
    base: r.base,
    reportedCount: r.reported,
    asOf: r.as_of,
  }));
}

/** A park's id, full name and short name (what a park scope ref may name), or null for an unknown id. */
export async function selectParkRefs(db: Db, parkId: number): Promise<{ id: number; name: string; shortName: string | null } | null> {
  const result = parseRows(
    await db.execute(sql`SELECT id, name, short_name FROM parks WHERE id = ${parkId}`),
    z.object({ id: z.number(), name: z.string(), short_name: z.string().nullable() }),
  );
  const row = result[0];
  return row ? { id: row.id, name: row.name, shortName: row.short_name } : null;
}
