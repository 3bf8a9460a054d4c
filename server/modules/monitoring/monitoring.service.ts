/**
 * The statistics engine of monthly monitoring (运行监测): one service for the API, the CLI, the
 * dashboard and reports. The business rules, in the statisticians' terms:
 *
 * - Period P = 'YYYY-MM'. Range `month` = that month only (当月); `ytd` = YYYY-01 … P (1–N月 累计).
 *   January and February are one period, 1–2月 (YYYY-01 … YYYY-02), in both ranges (rangeMonths).
 * - Scope S(P) = the firms in the 规上 名录 of P's year (an enterprise_scale_years row for the year).
 *   A chain's firms = the firms of S(P) with a membership of P's year (valid_from_year ≤ year ≤
 *   valid_to_year, open-ended when null) in any node of the chain, the chain being
 *   on P's year list (valid_from_year ≤ year ≤ valid_to_year, open-ended when null).
 * - Per firm and month m of the range it reported (gross_output not null): v(e,m) = 工业总产值;
 *   base(e,m) = the 上年同期 reported with that month (prev_year_gross_output) when not null — a new
 *   plant reports 0, and a base of 0 counts as present — else the firm's own stored gross output of
 *   the same month a year earlier. A firm with any reported month lacking a base is left out of the
 *   growth rate on both sides and counted in `excludedFromGrowth`.
 * - A firm in scope that reported no month of the range adds nothing to either side and is counted
 *   in `notReportedCount` (未报; the warnings list names it).
 * - `output` = Σ v over every firm in scope, excluded ones included. `outputPrevYear` = Σ base over
 *   the firms with a base; `comparableOutput` = their Σ v; `yoy` = comparableOutput / outputPrevYear − 1
 *   (同口径, comparable basis), null when Σ base = 0. This is nominal gross-output growth, never the
 *   official (price-adjusted) 规模工业增加值 growth.
 * - Published-to-published (`publishedYoy`, shown for transparency): output now over Σ stored gross
 *   output of last year's scope S(P−1y) (firms in last year's 名录, in the chain as listed last year)
 *   for the same months, − 1. A chain not on last year's list has none (null).
 * - `total` is deduplicated over every chain firm the caller may see (a firm in two chains once);
 *   `total.chainSum` is the plain sum over chains, which exceeds it.
 * - 拉动 `contributionPp` of a chain = (its comparableOutput − its outputPrevYear) / the deduplicated
 *   total's outputPrevYear × 100; 贡献率 `contributionShare` = its change / the total's change. Chains
 *   overlap, so chain contributions do not add up to the total; counties and parks do not overlap,
 *   and theirs do.
 * - `doubleDigitCount` = chains with growth ≥ 10.0%, decided exactly on the sums (10·Σv ≥ 11·Σbase).
 * - `asOf` = the last change (max monthly_figures.updated_at) of the rows the answer used, ISO 8601.
 * - Data scope: see monitoringFilterOf; the deduplicated total is over the firms the caller can see.
 */
import { createStatisticCache, tokenOf } from './monitoring.cache.js';
import {
  monitoringBreakdownAnswer,
  monitoringChainsAnswer,
  monitoringTrendResponse,
  type GrowthFiguresItem,
  type MonitoringBreakdownAnswer,
  type MonitoringChainsAnswer,
  type MonitoringBreakdownQuery,
  type MonitoringBreakdownResponse,
  type MonitoringChainsQuery,
  type MonitoringChainsResponse,
  type MonitoringEnterprisesQuery,
  type MonitoringEnterprisesResponse,
  type MonitoringQuery,
  type MonitoringTrendQuery,
  type MonitoringTrendResponse,
  type OtherMeasures,
} from '../../../shared/contracts/monitoring.js';
import { contributionPp, contributionShare, growthRate, isDoubleDigitGrowth } from '../../../shared/stats/growth.js';
import {
  parsePeriod,
  previousCalendarPeriod,
  previousPeriod,
  rangeMonths,
  samePeriodLastYear,
  type MonitoringRange,
} from '../../../shared/stats/period.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { requireAccess } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { canViewMonitoring, monitoringFilterOf, narrowedFilterOf } from './monitoring.policy.js';
import {
  selectEnterpriseRanking,
  selectGrowthGroups,
  selectLatestPeriod,
  selectNodeChain,
  selectTrend,
  type GrowthGroupRow,
  type MeasureSums,
} from './monitoring.queries.js';
import { storeAnswer, storedAnswerOf, type SnapshotRow } from '../periods/periods.snapshots.js';
import { publicationBlockOf, resolvePeriod, type ResolvedPeriod } from './monitoring.publication.js';
import { NO_FILTER, type FiguresView, type FirmFilter, type MonthRange } from './monitoring.sql.js';

export function monthRangeOf(period: string, range: MonitoringRange): MonthRange {
  const months = rangeMonths(period, range);
  return {
    year: parsePeriod(period).year,
    from: months.from,
    to: months.to,
    prevFrom: samePeriodLastYear(months.from),
    prevTo: samePeriodLastYear(months.to),
  };
}

/** The other measures' answer: growth only over a positive base (a loss-making base has no growth rate). */
export function measuresAnswer(sums: MeasureSums): OtherMeasures {
  const one = (m: { value: number; comparable: number; base: number }) => ({
    value: m.value,
    prevYear: m.base,
    yoy: m.base > 0 ? growthRate(m.comparable, m.base) : null,
  });
  return {
    revenue: one(sums.revenue),
    profit: one(sums.profit),
    taxes: one(sums.taxes),
    electricityKwh: one(sums.electricityKwh),
    employees: sums.employees,
  };
}

function figuresOf(row: GrowthGroupRow): GrowthFiguresItem {
  return {
    output: row.output,
    outputPrevYear: row.base,
    yoy: growthRate(row.comparableOutput, row.base),
    enterpriseCount: row.enterpriseCount,
    excludedFromGrowth: row.excludedFromGrowth,
    comparableOutput: row.comparableOutput,
    notReportedCount: row.notReportedCount,
    publishedOutputPrevYear: row.publishedBase,
    publishedYoy: growthRate(row.output, row.publishedBase),
    measures: measuresAnswer(row.measures),
  };
}

/** A part's figures with its 拉动 and 贡献率 against the deduplicated total. */
function partOf(row: GrowthGroupRow, total: GrowthGroupRow) {
  return {
    code: row.code ?? '',
    name: row.name ?? '',
    ...figuresOf(row),
    contributionPp: contributionPp(row.comparableOutput, row.base, total.base),
    contributionShare: contributionShare(row.comparableOutput - row.base, total.comparableOutput - total.base),
  };
}

const EMPTY_TOTAL: GrowthGroupRow = {
  code: null,
  name: null,
  enterpriseCount: 0,
  output: 0,
  comparableOutput: 0,
  base: 0,
  excludedFromGrowth: 0,
  notReportedCount: 0,
  publishedBase: 0,
  asOf: null,
  measures: {
    revenue: { value: 0, comparable: 0, base: 0 },
    profit: { value: 0, comparable: 0, base: 0 },
    taxes: { value: 0, comparable: 0, base: 0 },
    electricityKwh: { value: 0, comparable: 0, base: 0 },
    employees: 0,
  },
};

async function groupsWithTotal(
  db: Db,
  range: MonthRange,
  filter: FirmFilter,
  by: Parameters<typeof selectGrowthGroups>[1]['by'],
  view: FiguresView,
) {
  const rows = await selectGrowthGroups(db, { range, filter, by, view });
  return { total: rows.find((r) => r.code === null) ?? EMPTY_TOTAL, parts: rows.filter((r) => r.code !== null) };
}

type AnswerHeader = Pick<MonitoringChainsAnswer, 'period' | 'range' | 'months' | 'asOf' | 'unit' | 'basis'>;

function header(query: MonitoringQuery, asOf: string | null): AnswerHeader {
  const { from, to } = rangeMonths(query.period, query.range);
  return { period: query.period, range: query.range, months: { from, to }, asOf, unit: '元', basis: 'comparable' };
}

// Computed answers, cached per data version (see monitoring.cache.ts): leaders open the same views all month.
const chainsCache = createStatisticCache<MonitoringChainsAnswer>();
const breakdownCache = createStatisticCache<MonitoringBreakdownAnswer>();
const latestPeriodCache = createStatisticCache<string>();
const trendCache = createStatisticCache<Omit<MonitoringTrendResponse, 'publication'>>();
const rankingCache = createStatisticCache<Awaited<ReturnType<typeof selectEnterpriseRanking>>>();

/** How many answers each statistic cache computed (not served from memory) since start: tests prove a hit with it. */
export function statisticComputations(): { chains: number; breakdown: number; trend: number; ranking: number } {
  return { chains: chainsCache.computed, breakdown: breakdownCache.computed, trend: trendCache.computed, ranking: rankingCache.computed };
}

/**
 * The month a view opens on when none is asked for: the latest month with figures of a firm the
 * filter allows, or the previous calendar month when there are none yet.
 */
export async function latestPeriodFor(db: Db, filter: FirmFilter): Promise<string> {
  return latestPeriodCache(db, JSON.stringify(filter), async () => (await selectLatestPeriod(db, filter)) ?? previousCalendarPeriod());
}

/**
 * `GET /api/monitoring/chains`: every chain in the caller's scope for the period (by default the
 * latest month with figures) and range, with the deduplicated total and the count of double-digit
 * chains (rules above).
 */
export async function getChainStatistics(db: Db, actor: Actor, input: MonitoringChainsQuery): Promise<MonitoringChainsResponse> {
  requireAccess(canViewMonitoring(actor));
  const filter = monitoringFilterOf(actor);
  const resolved = await resolvePeriod(db, actor, input.period, filter);
  const query: MonitoringQuery = { period: resolved.period, range: input.range };
  const answer = await fromSnapshotOrCache(
    db,
    resolved,
    filter,
    `chains:${query.range}`,
    (stored) => monitoringChainsAnswer.parse(stored),
    () =>
      chainsCache(
        db,
        JSON.stringify([query.period, query.range, filter, resolved.view]),
        () => computeChainStatistics(query, filter, db, resolved.view),
        tokenOf(resolved.view),
      ),
  );
  return { ...answer, publication: await publicationBlockOf(db, resolved, filter, query.range) };
}

/**
 * A published month read city-wide (no data-scope or request filter): the engine's answer stored
 * with the snapshot, stored on the first read when publishing deferred it (the demo seed does).
 * Anything else: computed (from the snapshot's frozen figures for a published month) and cached.
 */
async function fromSnapshotOrCache<T>(
  db: Db,
  resolved: ResolvedPeriod,
  filter: FirmFilter,
  key: string,
  parse: (stored: unknown) => T,
  compute: () => Promise<T>,
): Promise<T> {
  const snapshot = resolved.view.kind === 'frozen' ? resolved.snapshot : null;
  if (snapshot === null || JSON.stringify(filter) !== JSON.stringify(NO_FILTER)) return compute();
  const keyed = `${resolved.period}|${key}`;
  const stored = await storedAnswerOf(db, snapshot.id, keyed);
  if (stored !== null) return parse(stored);
  const answer = await compute();
  await storeAnswer(db, snapshot.id, keyed, answer).catch((err: unknown) => {
    // Read from the replica (read-only): the answer is stored by the next read on the primary.
    if (!isReadOnlyError(err)) throw err;
  });
  return answer;
}

/** PostgreSQL's refusal of a write on a read-only replica (SQLSTATE 25006), through Drizzle's wrapper. */
function isReadOnlyError(err: unknown): boolean {
  for (let e: unknown = err; typeof e === 'object' && e !== null; e = 'cause' in e ? e.cause : undefined) {
    if ('code' in e && e.code === '25006') return true;
  }
  return false;
}

/** The answers a publication stores (city-wide): chains, counties, parks, industries and every chain's nodes, both ranges. */
export async function storeSnapshotAnswers(
  db: Db,
  snapshot: SnapshotRow,
  periods: readonly string[],
  chainCodes: readonly string[],
): Promise<void> {
  const view: FiguresView = { kind: 'frozen', version: snapshot.figuresVersion };
  for (const period of periods) {
    for (const months of STORED_TREND_MONTHS) {
      await storeAnswer(
        db,
        snapshot.id,
        `${period}|${trendAnswerKey(months)}`,
        await computeTrend(db, { period, months }, NO_FILTER, view),
      );
    }
    for (const range of ['month', 'ytd'] as const) {
      const query: MonitoringQuery = { period, range };
      await storeAnswer(db, snapshot.id, `${period}|chains:${range}`, await computeChainStatistics(query, NO_FILTER, db, view));
      for (const by of ['region', 'park', 'industry'] as const) {
        const q: MonitoringBreakdownQuery = { period, range, by };
        await storeAnswer(db, snapshot.id, `${period}|${breakdownKey(q)}`, await computeBreakdown(db, q, NO_FILTER, view));
      }
      for (const chain of chainCodes) {
        const q: MonitoringBreakdownQuery = { period, range, by: 'node', chain };
        await storeAnswer(
          db,
          snapshot.id,
          `${period}|${breakdownKey(q)}`,
          await computeBreakdown(db, q, { ...NO_FILTER, chainCodes: [chain] }, view),
        );
      }
    }
  }
}

function breakdownKey(q: MonitoringBreakdownQuery): string {
  return `breakdown:${q.by}:${q.range}:${q.chain ?? ''}:${q.region ?? ''}:${q.park ?? ''}`;
}

async function computeChainStatistics(
  query: MonitoringQuery,
  filter: FirmFilter,
  db: Db,
  view: FiguresView,
): Promise<MonitoringChainsAnswer> {
  const { total, parts } = await groupsWithTotal(db, monthRangeOf(query.period, query.range), filter, 'chain', view);
  const chains = parts.map((row) => ({ ...partOf(row, total), doubleDigit: isDoubleDigitGrowth(row.comparableOutput, row.base) }));
  return {
    ...header(query, total.asOf),
    total: {
      ...figuresOf(total),
      chainSum: { output: chains.reduce((s, c) => s + c.output, 0), enterpriseCount: chains.reduce((s, c) => s + c.enterpriseCount, 0) },
    },
    doubleDigitCount: chains.filter((c) => c.doubleDigit).length,
    chains,
  };
}

/**
 * `GET /api/monitoring/breakdown`: the same figures by chain, county, park, industry or chain node,
 * over the chain firms in the caller's scope, optionally narrowed to one chain, county or park.
 * 拉动 is against the total broken down.
 */
export async function getBreakdown(db: Db, actor: Actor, query: MonitoringBreakdownQuery): Promise<MonitoringBreakdownResponse> {
  requireAccess(canViewMonitoring(actor));
  const scope = monitoringFilterOf(actor);
  const filter = await narrowedFilterOf(db, scope, query);
  const resolved = await resolvePeriod(db, actor, query.period, scope);
  // The stored city-wide answers: no data scope, and no narrowing but a node breakdown's chain.
  const storable =
    JSON.stringify(scope) === JSON.stringify(NO_FILTER) &&
    query.region === undefined &&
    query.park === undefined &&
    (query.by === 'node') === (query.chain !== undefined);
  const answer = await fromSnapshotOrCache(
    db,
    resolved,
    storable ? NO_FILTER : filter,
    breakdownKey(query),
    (stored) => monitoringBreakdownAnswer.parse(stored),
    () =>
      breakdownCache(
        db,
        JSON.stringify([query, filter, resolved.view]),
        () => computeBreakdown(db, query, filter, resolved.view),
        tokenOf(resolved.view),
      ),
  );
  return { ...answer, publication: await publicationBlockOf(db, resolved, filter, query.range) };
}

async function computeBreakdown(
  db: Db,
  query: MonitoringBreakdownQuery,
  filter: FirmFilter,
  view: FiguresView,
): Promise<MonitoringBreakdownAnswer> {
  {
    const { total, parts } = await groupsWithTotal(db, monthRangeOf(query.period, query.range), filter, query.by, view);
    return {
      ...header(query, total.asOf),
      by: query.by,
      chain: query.chain ?? null,
      region: query.region ?? null,
      park: query.park ?? null,
      total: figuresOf(total),
      rows: parts.map((row) => partOf(row, total)),
    };
  }
}

/**
 * `GET /api/monitoring/enterprises`: the ranking by output (规模榜单) of the chain firms in scope,
 * each with its comparable growth, or null and the reason (未报, no base, a base of 0).
 */
export async function getEnterpriseRanking(
  db: Db,
  actor: Actor,
  query: MonitoringEnterprisesQuery,
): Promise<MonitoringEnterprisesResponse> {
  requireAccess(canViewMonitoring(actor));
  const scope = monitoringFilterOf(actor);
  const filter: FirmFilter = { ...(await narrowedFilterOf(db, scope, query)), nodeId: query.node ?? null };
  if (query.node !== undefined && (await selectNodeChain(db, query.node)) !== query.chain) {
    throw new AppError('validation_failed', {
      messageKey: 'chains.error.nodeNotFound',
      params: { code: query.chain ?? '', key: String(query.node) },
      details: [{ path: 'querystring.node', message: `chain ${query.chain ?? ''} has no node ${query.node}` }],
    });
  }
  const resolved = await resolvePeriod(db, actor, query.period, scope);
  const ranking = {
    range: monthRangeOf(query.period, query.range),
    filter,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
    view: resolved.view,
  };
  const { rows, total, asOf } = await rankingCache(
    db,
    JSON.stringify(ranking),
    () => selectEnterpriseRanking(db, ranking),
    tokenOf(resolved.view),
  );
  const items = rows.map((r) => {
    const base = r.hasBase ? r.base : null;
    const yoy = base === null ? null : growthRate(r.output, base);
    const reason = !r.reported ? 'not_reported' : base === null ? 'no_base' : yoy === null ? 'zero_base' : null;
    return {
      rank: r.rank,
      uscc: r.uscc,
      name: r.name,
      regionCode: r.regionCode,
      parkName: r.parkName,
      chainCodes: r.chainCodes,
      output: r.output,
      outputPrevYear: base,
      yoy,
      yoyMissingReason: reason,
      measures: measuresAnswer(r.measures),
    } satisfies MonitoringEnterprisesResponse['items'][number];
  });
  return { ...header(query, asOf), items, total, publication: await publicationBlockOf(db, resolved, filter, query.range) };
}

/**
 * `GET /api/monitoring/trend`: the deduplicated chain total of each of `months` months up to the
 * period, each month alone (当月) with its comparable growth — the figures the chains view gives
 * for range `month` — except that January and February form one 1–2月 point (as published; the
 * chains view's `ytd` for February), all in one query. January never stands alone: a window asked
 * to end with January ends on its 1–2月 point (labelled with February), the chains view's January.
 */
export async function getTrend(db: Db, actor: Actor, query: MonitoringTrendQuery): Promise<MonitoringTrendResponse> {
  requireAccess(canViewMonitoring(actor));
  const filter = monitoringFilterOf(actor);
  const resolved = await resolvePeriod(db, actor, query.period, filter);
  const trendKey = JSON.stringify([query.period, query.months, filter, resolved.view]);
  const answer = await fromSnapshotOrCache(
    db,
    resolved,
    filter,
    trendAnswerKey(query.months),
    (stored) => monitoringTrendAnswer.parse(stored),
    () => trendCache(db, trendKey, () => computeTrend(db, query, filter, resolved.view), tokenOf(resolved.view)),
  );
  return { ...answer, publication: await publicationBlockOf(db, resolved, filter, 'month') };
}

/** The trend lengths a publication stores with its snapshot: the web's default window (each costs a trend computation of the whole province at publication). */
const STORED_TREND_MONTHS = [24] as const;

function trendAnswerKey(months: number): string {
  return `trend:${months}`;
}

const monitoringTrendAnswer = monitoringTrendResponse.omit({ publication: true });

/** The trend's answer (without the publication block) over a view of the figures. */
async function computeTrend(
  db: Db,
  query: MonitoringTrendQuery,
  filter: FirmFilter,
  view: FiguresView,
): Promise<Omit<MonitoringTrendResponse, 'publication'>> {
  // A window ending with January ends on its 1–2月 point, as the chains view shows January.
  const end = rangeMonths(query.period, 'month').to;
  const periods = [end];
  while (periods.length < query.months) periods.unshift(previousPeriod(periods[0] ?? end));
  // A window that starts with February takes its January too: 1–2月 is one figure.
  const first = periods[0] ?? query.period;
  const from = first.endsWith('-02') ? previousPeriod(first) : first;
  const rows = await selectTrend(db, { from, to: end, filter, view: view });
  const byPeriod = new Map(rows.map((row) => [row.period, row]));
  // January is always inside its 1–2月 point.
  const shown = periods.filter((period) => !period.endsWith('-01'));
  const points = shown.map((period) => {
    const janFeb = period.endsWith('-02');
    const row = byPeriod.get(period);
    if (!row) return { period, janFeb, output: null, comparableOutput: null, outputPrevYear: null, yoy: null, reportedCount: 0 };
    return {
      period,
      janFeb,
      output: row.output,
      comparableOutput: row.comparableOutput,
      outputPrevYear: row.base,
      yoy: growthRate(row.comparableOutput, row.base),
      reportedCount: row.reportedCount,
    };
  });
  const asOf = rows.reduce<string | null>(
    (latest, row) => (row.asOf !== null && (latest === null || row.asOf > latest) ? row.asOf : latest),
    null,
  );
  return { period: query.period, months: query.months, asOf, unit: '元' as const, basis: 'comparable' as const, points };
}
