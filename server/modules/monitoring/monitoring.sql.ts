// SQL building blocks of the statistics engine, shared by its queries: which firms are in scope
// for a year (S(P) × chain membership × the caller's data scope) and what each firm reported over a
// range with its comparable base. The rules are stated on monitoring.service.ts.
import { sql, type SQL } from 'drizzle-orm';
import { textArray } from '../../db/sql.js';
import { membershipInYearSql } from '../enterprises/memberships.sql.js';

/**
 * Which firms a query may count. Every list is an allow-list (null = no restriction, empty = none):
 * the caller's data scope and the request's own filters are both applied (AND).
 */
export type FirmFilter = {
  chainCodes: readonly string[] | null;
  regionCodes: readonly string[] | null;
  /** A park data scope: each ref is a park id (as text), its full name or its short name. */
  parkRefs: readonly string[] | null;
  /** A park asked for by id. */
  parkId: number | null;
  /** A chain node asked for by id: the firms with a membership in it. */
  nodeId: number | null;
};

export const NO_FILTER: FirmFilter = { chainCodes: null, regionCodes: null, parkRefs: null, parkId: null, nodeId: null };

/**
 * Which monthly figures a statistic reads:
 * - `live`: the figures as stored now; with `holdBack`, without the firm-months that have an open
 *   review item (a suspected unit slip or a swing above the thresholds, not yet confirmed or
 *   corrected: see shared/publication/workflow.ts), which are left out until settled;
 * - `frozen`: the figures as they stood when a month was published (every row version up to
 *   `version`: the live row if not rewritten since, else the version it replaced, kept in
 *   monthly_figure_versions by the trigger of migration 0005). Per-firm sums over a range are read
 *   from frozen_firm_stats where stored (see firmStatsSql); `direct` reads the months every time
 *   (the reference the rollup tests compare with).
 * A live year-to-date range is read from live_firm_ytd (kept by triggers in the same transaction as
 * every write of the figures) for the firms without an open review item in it; `direct` again reads
 * the months every time.
 */
export type FiguresView = { kind: 'live'; holdBack: boolean; direct?: boolean } | { kind: 'frozen'; version: number; direct?: boolean };

export const RAW_FIGURES: FiguresView = { kind: 'live', holdBack: false };

const FIGURE_COLUMNS = sql.raw(
  'uscc, period, gross_output, revenue, profit, taxes, electricity_kwh, employees, prev_year_gross_output, prev_year_revenue, prev_year_profit, prev_year_taxes, updated_at',
);

/** An open review item on the figure row `alias` (its firm-month is held back). */
export function openReviewItemSql(alias: string): SQL {
  const a = sql.raw(alias);
  return openReviewSql(sql`${a}.uscc`, sql`d.period = ${a}.period`);
}

/** An open review item of the firm `uscc` in a month (a condition on `d.period`). */
function openReviewSql(uscc: SQL, period: SQL): SQL {
  return sql`EXISTS (SELECT 1 FROM warning_dispositions d WHERE d.uscc = ${uscc} AND ${period}
                        AND d.kind IN ('unit_slip', 'output_drop') AND d.status IN ('pending', 'assigned'))`;
}

/** The monthly figures of a view, as a relation with monthly_figures' columns (use it in place of the table). */
export function figuresSql(view: FiguresView): SQL {
  if (view.kind === 'live') {
    return view.holdBack
      ? sql`(SELECT ${FIGURE_COLUMNS} FROM monthly_figures mf WHERE NOT ${openReviewItemSql('mf')})`
      : sql`monthly_figures`;
  }
  return sql`(SELECT ${FIGURE_COLUMNS} FROM monthly_figures WHERE figure_version <= ${view.version}
              UNION ALL
              SELECT ${FIGURE_COLUMNS} FROM monthly_figure_versions WHERE figure_version <= ${view.version} AND superseded_version > ${view.version})`;
}

/** A range of months: this year's and the same months a year earlier, as 'YYYY-MM' bounds. */
export type MonthRange = { year: number; from: string; to: string; prevFrom: string; prevTo: string };

/** The chain condition on a chains row `c`: on the year's list, and allowed by the filter. */
export function chainConditionSql(year: number, filter: FirmFilter): SQL {
  const allowed = filter.chainCodes === null ? sql`` : sql` AND c.code = ANY(${textArray(filter.chainCodes)})`;
  return sql`c.valid_from_year <= ${year} AND coalesce(c.valid_to_year, 9999) >= ${year}${allowed}`;
}

/**
 * The firm condition on an enterprises row `e` (region, park, node), as ` AND …`, or nothing. With
 * a `year`, a node filter takes the memberships of that year; without, any the firm ever had.
 */
export function firmConditionSql(filter: FirmFilter, year?: number): SQL {
  const parts: SQL[] = [];
  if (filter.regionCodes !== null) parts.push(sql`e.region_code = ANY(${textArray(filter.regionCodes)})`);
  if (filter.parkRefs !== null) {
    const refs = textArray(filter.parkRefs);
    parts.push(
      sql`e.park_id IN (SELECT p.id FROM parks p WHERE p.id::text = ANY(${refs}) OR p.name = ANY(${refs}) OR p.short_name = ANY(${refs}))`,
    );
  }
  if (filter.parkId !== null) parts.push(sql`e.park_id = ${filter.parkId}`);
  if (filter.nodeId !== null) {
    const inYear = year === undefined ? sql`` : sql` AND ${membershipInYearSql('nm', year)}`;
    parts.push(sql`e.uscc IN (SELECT nm.uscc FROM enterprise_memberships nm WHERE nm.node_id = ${filter.nodeId}${inYear})`);
  }
  return parts.length === 0 ? sql`` : sql` AND ${sql.join(parts, sql` AND `)}`;
}

/**
 * One row per (firm, chain node) of the firms in scope for `year`: in that year's 规上 名录, with a
 * membership of that year in a node of a chain on that year's list, allowed by the filter.
 * Columns: uscc, chain_code, node_id, industry_code, region_code, park_id.
 */
export function membersSql(year: number, filter: FirmFilter): SQL {
  return sql`
    SELECT m.uscc, n.chain_code, n.id AS node_id, c.industry_code, e.region_code, e.park_id
      FROM enterprise_memberships m
      JOIN chain_nodes n ON n.id = m.node_id
      JOIN chains c ON c.code = n.chain_code
      JOIN enterprises e ON e.uscc = m.uscc
     WHERE ${chainConditionSql(year, filter)}
       AND ${membershipInYearSql('m', year)}
       AND EXISTS (SELECT 1 FROM enterprise_scale_years s WHERE s.uscc = m.uscc AND s.year = ${year})${firmConditionSql(filter, year)}`;
}

/**
 * One row per firm in scope this year (or last year, with `includeLastYear`), with the group codes
 * it counts in each year (`codes_now`, `codes_prev`, sorted; null when not in that year's scope).
 * Reads `members_now` (and `members_prev`).
 */
export function firmsSql(groupKey: SQL, includeLastYear: boolean): SQL {
  const lastYear = includeLastYear ? sql`UNION ALL SELECT uscc, ${groupKey} AS code, false AS is_now FROM members_prev` : sql``;
  return sql`
    SELECT uscc,
           array_agg(DISTINCT code ORDER BY code) FILTER (WHERE is_now) AS codes_now,
           array_agg(DISTINCT code ORDER BY code) FILTER (WHERE NOT is_now) AS codes_prev
      FROM (SELECT uscc, ${groupKey} AS code, true AS is_now FROM members_now ${lastYear}) AS m
     GROUP BY uscc`;
}

/**
 * Per firm of `firms` (reads the CTE), its position over the range:
 * output = Σ gross output of the months it reported this year; base = Σ of each reported month's
 * base (the 上年同期 reported with the month, else its own stored gross output of that month a year
 * earlier); has_base = it reported and every reported month has a base; published_last = Σ of its
 * stored gross output a year earlier (the published basis); as_of_now / as_of_prev = the last
 * change of the rows each side used.
 * Each firm's figures are read as one primary-key range (last year's first month … this period)
 * and paired by calendar month inside that firm, with no self-join, so the plan stays one index
 * read per firm even on tables never analysed (PGlite runs no autovacuum).
 */
export function firmStatsSql(range: MonthRange, view: FiguresView = RAW_FIGURES): SQL {
  const computed = firmRangeSql(range, view, sql`fi.uscc`);
  const stored = storedFirmStatsSql(range, view);
  if (stored === null) {
    return sql`SELECT fi.uscc, fi.codes_now, fi.codes_prev, s.* FROM firms fi CROSS JOIN LATERAL (${computed}) AS s`;
  }
  return sql`
    SELECT fi.uscc, fi.codes_now, fi.codes_prev, s.*
      FROM firms fi
     CROSS JOIN LATERAL (
       SELECT ${firmStatColumnsSql()} FROM ${stored}
       UNION ALL
       SELECT * FROM (${computed}) AS c WHERE NOT EXISTS (SELECT 1 FROM ${stored})
     ) AS s`;
}

/**
 * Where the firm `fi.uscc`'s figures over the range are stored (as `… WHERE …` over a row `r`), or
 * null when they are computed from its months: a published month's in frozen_firm_stats (its
 * figures never change); the live figures of a year-to-date range in live_firm_ytd, unless the
 * staff view holds back one of the firm's months in the range (an open review item: rare, computed).
 */
function storedFirmStatsSql(range: MonthRange, view: FiguresView): SQL | null {
  if (view.direct === true) return null;
  if (view.kind === 'frozen') {
    return sql`frozen_firm_stats r WHERE r.figures_version = ${view.version} AND r.range_from = ${range.from}
                       AND r.range_to = ${range.to} AND r.uscc = fi.uscc`;
  }
  if (range.from !== `${range.year}-01` || range.to.slice(0, 4) !== String(range.year)) return null;
  const held = view.holdBack
    ? sql` AND NOT ${openReviewSql(sql`fi.uscc`, sql`d.period BETWEEN ${range.prevFrom} AND ${range.to}`)}`
    : sql``;
  return sql`live_firm_ytd r WHERE r.uscc = fi.uscc AND r.range_to = ${range.to}${held}`;
}

/** The columns of one firm's figures over a range (firmRangeSql), as frozen_firm_stats and live_firm_ytd store them. */
function firmStatColumnsSql(): SQL {
  const measures = OTHER_MEASURES.flatMap((m) => [`m_${m.column}`, `m_${m.column}_base`, `m_${m.column}_has_base`]);
  return sql.raw(
    ['output', 'base', 'reported', 'has_base', 'published_last', 'as_of_now', 'as_of_prev', ...measures, 'm_employees'].join(', '),
  );
}

/**
 * Stores the per-firm figures over `range` as they stood at figures version `version` (every firm
 * with a figure in the range), unless already stored. Idempotent; the caller serialises concurrent runs.
 */
export function storeFrozenFirmStatsSql(range: MonthRange, version: number): SQL {
  const view: FiguresView = { kind: 'frozen', version, direct: true };
  return sql`
    INSERT INTO frozen_firm_stats (figures_version, range_from, range_to, uscc, ${firmStatColumnsSql()})
    SELECT ${version}, ${range.from}, ${range.to}, fi.uscc, s.*
      FROM (SELECT DISTINCT uscc FROM ${figuresSql(view)} f WHERE f.period BETWEEN ${range.prevFrom} AND ${range.to}) AS fi
     CROSS JOIN LATERAL (${firmRangeSql(range, view, sql`fi.uscc`)}) AS s
    ON CONFLICT DO NOTHING`;
}

/** Whether the per-firm figures over `range` at `version` are stored. */
export function frozenFirmStatsStoredSql(range: MonthRange, version: number): SQL {
  return sql`SELECT EXISTS (SELECT 1 FROM frozen_firm_stats WHERE figures_version = ${version} AND range_from = ${range.from}
                                AND range_to = ${range.to}) AS stored`;
}

/** One firm's figures over the range (the columns of firmStatColumnsSql), the firm named by `uscc`. */
function firmRangeSql(range: MonthRange, view: FiguresView, uscc: SQL): SQL {
  const thisYear = sql`f.period >= ${range.from}`;
  const lastYear = sql`f.period <= ${range.prevTo}`;
  return sql`
       SELECT coalesce(sum(v), 0) AS output,
              coalesce(sum(coalesce(reported_base, stored_last)) FILTER (WHERE v IS NOT NULL), 0) AS base,
              count(v) > 0 AS reported,
              count(v) > 0 AND count(*) FILTER (WHERE v IS NOT NULL AND coalesce(reported_base, stored_last) IS NULL) = 0 AS has_base,
              coalesce(sum(stored_last), 0) AS published_last,
              greatest(max(at_now), max(at_last) FILTER (WHERE v IS NOT NULL AND reported_base IS NULL)) AS as_of_now,
              max(at_last) AS as_of_prev,
              ${measureStatsSql()}
         FROM (
           SELECT max(f.gross_output) FILTER (WHERE ${thisYear}) AS v,
                  max(f.prev_year_gross_output) FILTER (WHERE ${thisYear}) AS reported_base,
                  max(f.gross_output) FILTER (WHERE ${lastYear}) AS stored_last,
                  max(f.updated_at) FILTER (WHERE ${thisYear} AND f.gross_output IS NOT NULL) AS at_now,
                  max(f.updated_at) FILTER (WHERE ${lastYear}) AS at_last,
                  ${measureMonthsSql(thisYear, lastYear)}
             FROM ${figuresSql(view)} f
            WHERE f.uscc = ${uscc} AND f.period BETWEEN ${range.prevFrom} AND ${range.to}
            GROUP BY substr(f.period, 6)
         ) AS months`;
}

/**
 * The measures besides gross output (营业收入, 利润总额, 税金总额, 用电量), each with its comparable base
 * by the same rule as output: the 上年同期 column reported with the month where the form has one,
 * else the firm's own stored figure a year earlier. Column stems of monthly_figures.
 */
export const OTHER_MEASURES = [
  { key: 'revenue', column: 'revenue', reportedBase: 'prev_year_revenue' },
  { key: 'profit', column: 'profit', reportedBase: 'prev_year_profit' },
  { key: 'taxes', column: 'taxes', reportedBase: 'prev_year_taxes' },
  { key: 'electricityKwh', column: 'electricity_kwh', reportedBase: null },
] as const;

/** Per month of a firm: each measure this year, its reported base and last year's stored figure. */
function measureMonthsSql(thisYear: SQL, lastYear: SQL): SQL {
  const parts = OTHER_MEASURES.map((m) => {
    const reported = m.reportedBase === null ? sql`NULL::bigint` : sql`max(f.${sql.raw(m.reportedBase)}) FILTER (WHERE ${thisYear})`;
    return sql`max(f.${sql.raw(m.column)}) FILTER (WHERE ${thisYear}) AS ${sql.raw(`${m.column}_v`)},
                  ${reported} AS ${sql.raw(`${m.column}_rb`)},
                  max(f.${sql.raw(m.column)}) FILTER (WHERE ${lastYear}) AS ${sql.raw(`${m.column}_last`)}`;
  });
  return sql.join(
    [...parts, sql`max(f.employees) FILTER (WHERE ${thisYear}) AS employees_v`],
    sql`,
                  `,
  );
}

/**
 * Per firm: each measure's sum over the months it reported, its base, and whether every such month
 * has a base (then the firm counts in that measure's growth); 从业人员 as the average headcount of
 * the months reported (a head count is not summed over months).
 */
function measureStatsSql(): SQL {
  const parts = OTHER_MEASURES.map((m) => {
    const v = sql.raw(`${m.column}_v`);
    const base = sql`coalesce(${sql.raw(`${m.column}_rb`)}, ${sql.raw(`${m.column}_last`)})`;
    return sql`coalesce(sum(${v}), 0) AS ${sql.raw(`m_${m.column}`)},
              coalesce(sum(${base}) FILTER (WHERE ${v} IS NOT NULL), 0) AS ${sql.raw(`m_${m.column}_base`)},
              count(*) FILTER (WHERE ${v} IS NOT NULL AND ${base} IS NULL) = 0 AS ${sql.raw(`m_${m.column}_has_base`)}`;
  });
  return sql.join(
    [...parts, sql`coalesce(round(avg(employees_v)), 0) AS m_employees`],
    sql`,
              `,
  );
}

/** Group sums of the measures over the rows of `now_rows` (comparable sums only over firms with a base). */
export function measureAggregatesSql(): SQL {
  const parts = OTHER_MEASURES.map((m) => {
    const c = m.column;
    return sql.raw(`sum(m_${c})::bigint AS ${c}, coalesce(sum(m_${c}) FILTER (WHERE m_${c}_has_base), 0)::bigint AS ${c}_comparable,
             coalesce(sum(m_${c}_base) FILTER (WHERE m_${c}_has_base), 0)::bigint AS ${c}_base`);
  });
  return sql.join(
    [...parts, sql.raw('sum(m_employees)::bigint AS employees')],
    sql`,
             `,
  );
}

const AGGREGATE_NAMES = [...OTHER_MEASURES.flatMap((m) => [m.column, `${m.column}_comparable`, `${m.column}_base`]), 'employees'];

/** The columns measureAggregatesSql makes, `prefix`ed, to carry them through a select. */
export function measureNamesSql(prefix: string): SQL {
  return sql.raw(AGGREGATE_NAMES.map((n) => `${prefix}${n}`).join(', '));
}

/** The same columns with a null (a group without firms) as 0. */
export function measureColumnsSql(): SQL {
  return sql.raw(AGGREGATE_NAMES.map((n) => `coalesce(${n}, 0) AS ${n}`).join(', '));
}

/** The per-firm measure columns of firm_stats, as a list to carry through (`fs.` prefixed). */
export function firmMeasureColumnsSql(prefix: string): SQL {
  const names = [...OTHER_MEASURES.flatMap((m) => [`m_${m.column}`, `m_${m.column}_base`, `m_${m.column}_has_base`]), 'm_employees'];
  return sql.raw(names.map((n) => `${prefix}${n}`).join(', '));
}
