/**
 * 预警: four lists over the firms in scope for a period P ('YYYY-MM'), computed in SQL. The firms in
 * scope are the statistics engine's: chain firms in the 规上 名录 of P's year, within the caller's
 * data scope (monitoringFilterOf) and the request's chain/region/park filters.
 *
 * - `output_drop`: 当月 gross output down by ≥ dropThreshold year on year in P and in each of the
 *   dropMonths − 1 months before. The base of a month is the engine's comparable base (the 上年同期
 *   reported with the month, else the firm's stored figure a year earlier); a month not reported,
 *   without a base or with a base of 0 is no drop. January and February are one month (1–2月) from
 *   February on, both sides summed: a combined 1–2月 figure sits whole in February with January 0,
 *   so only the pair compares like with like. P = January is answered as 1–2月 (P = February) once
 *   February has figures in scope; before that January stands alone, and a firm whose February is
 *   marked combined is skipped for January (its January 0 is no figure).
 * - `not_reported` (未报): no figures row for P, listed once today (Beijing) is after day
 *   reportDeadlineDay of the month after P. January is reported with February (1–2月), so P =
 *   January is due on that day of March.
 * - `below_scale` (退规风险): firms that reported 营业收入 for P with 1–P月 累计 × 12 / P's month number
 *   under belowScaleRevenue (January skipped for a combined 1–2月 firm, as above).
 * - `unit_slip`: 当月 gross output in P ≥ unitSlipFactor × the median of the firm's months above 0 in
 *   the 12 months before P, when there are at least 3 of them (the figures import's rule and setting).
 *   A combined 1–2月 February is compared whole, as the import does (a 2× month is far below 10×).
 *
 * Counts follow every filter but `kind`; a firm on two lists counts in both.
 */
import type { WarningItem, WarningKind, WarningSettings, WarningsQuery, WarningsResponse } from '../../../shared/contracts/warnings.js';
import { growthRate } from '../../../shared/stats/growth.js';
import { cityDate, parsePeriod, samePeriodLastYear, shiftPeriod } from '../../../shared/stats/period.js';
import type { Db } from '../../db/client.js';
import { requireAccess } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { canViewMonitoring, monitoringFilterOf, narrowedFilterOf } from '../monitoring/monitoring.policy.js';
import { createStatisticCache } from '../monitoring/monitoring.cache.js';
import { hasReportedFigures, resolvePeriod } from '../monitoring/monitoring.publication.js';
import { selectDispositions } from './dispositions.queries.js';
import { presentDisposition } from './dispositions.service.js';
import type { FirmFilter, MonthRange } from '../monitoring/monitoring.sql.js';
import {
  selectBelowScale,
  selectNotReported,
  selectOutputDrops,
  selectUnitSlips,
  selectWarningsAsOf,
  type WarningFirmRow,
} from './warnings.queries.js';
import { readWarningSettings } from './warnings.settings.js';

function rangeOf(from: string, to: string): MonthRange {
  return { year: parsePeriod(to).year, from, to, prevFrom: samePeriodLastYear(from), prevTo: samePeriodLastYear(to) };
}

/**
 * The months an output drop must last, from P back: single months, except that February stands
 * for the pair 1–2月 (January + February); P = January stands alone.
 */
export function dropSteps(period: string, count: number): { label: string; range: MonthRange }[] {
  const steps: { label: string; range: MonthRange }[] = [];
  let cursor = period;
  while (steps.length < count) {
    const { year, month } = parsePeriod(cursor);
    if (month === 2) {
      steps.push({ label: `${year}-01~02`, range: rangeOf(`${year}-01`, cursor) });
      cursor = shiftPeriod(cursor, -2);
    } else {
      steps.push({ label: cursor, range: rangeOf(cursor, cursor) });
      cursor = shiftPeriod(cursor, -1);
    }
  }
  return steps;
}

/** The day P's report is due (YYYY-MM-DD): day `day` of the month after P, of March for January (1–2月). */
export function dueDateOf(period: string, day: number): string {
  const due = shiftPeriod(period, period.endsWith('-01') ? 2 : 1);
  return `${due}-${String(day).padStart(2, '0')}`;
}

const EMPTY_DETAILS = { drop: null, notReported: null, belowScale: null, unitSlip: null } as const;

function itemOf(
  kind: WarningKind,
  firm: WarningFirmRow,
  details: Partial<Pick<WarningItem, 'drop' | 'notReported' | 'belowScale' | 'unitSlip'>>,
): WarningItem {
  return {
    kind,
    uscc: firm.uscc,
    name: firm.name,
    regionCode: firm.regionCode,
    parkName: firm.parkName,
    chainCodes: firm.chainCodes,
    ...EMPTY_DETAILS,
    disposition: null,
    ...details,
  };
}

const warningsCache = createStatisticCache<{ all: WarningItem[]; asOf: string | null }>();

export type WarningsOptions = {
  /** The current time (tests pass their own): decides whether the 未报 deadline has passed. */
  now?: () => Date;
};

async function collect(
  db: Db,
  input: { period: string; filter: FirmFilter; q: string | null; settings: WarningSettings; deadlinePassed: boolean; dueDate: string },
) {
  const { period, settings } = input;
  const { year, month } = parsePeriod(period);
  const scope = { year, period, filter: input.filter, q: input.q };
  const steps = dropSteps(period, settings.dropMonths);
  const [drops, missing, below, slips] = await Promise.all([
    selectOutputDrops(db, { ...scope, steps: steps.map((s) => s.range), threshold: settings.dropThreshold }),
    input.deadlinePassed ? selectNotReported(db, scope) : Promise.resolve([]),
    selectBelowScale(db, { ...scope, months: month, line: settings.belowScaleRevenue }),
    selectUnitSlips(db, { ...scope, trailingFrom: shiftPeriod(period, -12), factor: settings.unitSlipFactor }),
  ]);
  return [
    ...drops.map((r) =>
      itemOf('output_drop', r, {
        drop: {
          months: r.steps.map((s, i) => ({
            label: steps[i]?.label ?? '',
            output: s.output,
            outputPrevYear: s.base,
            yoy: growthRate(s.output, s.base) ?? 0,
          })),
        },
      }),
    ),
    ...missing.map((r) => itemOf('not_reported', r, { notReported: { dueDate: input.dueDate } })),
    ...below.map((r) =>
      itemOf('below_scale', r, {
        belowScale: { revenueYtd: r.revenueYtd, months: month, annualisedRevenue: Math.round((r.revenueYtd * 12) / month) },
      }),
    ),
    ...slips.map((r) =>
      itemOf('unit_slip', r, {
        unitSlip: { output: r.output, median: Math.round(r.median), medianMonths: r.medianMonths, ratio: r.output / r.median },
      }),
    ),
  ];
}

/**
 * The period the lists answer for: January is 1–2月 (answered as February, the pair) as soon as
 * February has figures in scope, so January alone — the 0 stored for a firm that reported 1–2月
 * together — is never listed once the pair exists; before that January stands alone.
 */
async function janFebPeriodOf(db: Db, filter: FirmFilter, period: string): Promise<string> {
  if (!period.endsWith('-01')) return period;
  const february = `${period.slice(0, 4)}-02`;
  return (await hasReportedFigures(db, filter, february)) ? february : period;
}

/**
 * `GET /api/warnings`: the four lists for a period over the caller's scope and filters (rules
 * above), with counts per kind and one page of the items of the asked kind (all kinds without one).
 */
export async function listWarnings(db: Db, actor: Actor, query: WarningsQuery, options: WarningsOptions = {}): Promise<WarningsResponse> {
  requireAccess(canViewMonitoring(actor));
  const now = (options.now ?? (() => new Date()))();
  const scope = monitoringFilterOf(actor);
  const filter = await narrowedFilterOf(db, scope, query);
  // The month as monitoring resolves it (latest published by default; unpublished for data staff only),
  // January answered as its 1–2月; the lists read the live figures.
  const resolved = await resolvePeriod(db, actor, query.period, scope);
  const period = await janFebPeriodOf(db, filter, resolved.period);
  const settings = await readWarningSettings(db);
  const dueDate = dueDateOf(period, settings.reportDeadlineDay);
  const deadlinePassed = cityDate(now) > dueDate;
  const q = query.q === undefined || query.q === '' ? null : query.q;
  // Cached per data version like the statistics; the key holds everything else the lists depend on.
  const { all, asOf } = await warningsCache(db, JSON.stringify([period, filter, q, settings, deadlinePassed]), async () => {
    const [items, lastChange] = await Promise.all([
      collect(db, { period, filter, q, settings, deadlinePassed, dueDate }),
      selectWarningsAsOf(db, { year: parsePeriod(period).year, period, filter, from: shiftPeriod(period, -24) }),
    ]);
    return { all: items, asOf: lastChange };
  });
  const countOf = (kind: WarningKind) => all.filter((i) => i.kind === kind).length;
  const listed = query.kind === undefined ? all : all.filter((i) => i.kind === query.kind);
  const start = (query.page - 1) * query.pageSize;
  return {
    period,
    asOf,
    dueDate,
    deadlinePassed,
    settings,
    counts: {
      output_drop: countOf('output_drop'),
      not_reported: countOf('not_reported'),
      below_scale: countOf('below_scale'),
      unit_slip: countOf('unit_slip'),
      total: all.length,
    },
    items: await withDispositions(db, period, listed.slice(start, start + query.pageSize)),
    total: listed.length,
  };
}

/** The page's items with their dispositions (未处理 when none was recorded). */
async function withDispositions(db: Db, period: string, items: WarningItem[]): Promise<WarningItem[]> {
  if (items.length === 0) return items;
  const rows = await selectDispositions(db, period, [...new Set(items.map((i) => i.uscc))]);
  const byKey = new Map(rows.map((r) => [`${r.uscc}|${r.kind}`, r]));
  return items.map((item) => {
    const row = byKey.get(`${item.uscc}|${item.kind}`);
    return row ? { ...item, disposition: presentDisposition(row) } : item;
  });
}
