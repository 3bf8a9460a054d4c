// Turning what an import or a hand entry sets into writes, and the checks that only warn: the
// stored month is compared with the result (equal months write nothing), and each changed value is
// held against the firm's usual level and its stored prior-year figure.
import { FIGURE_FIELDS, PREV_YEAR_FIELDS, type FigureField, type FigureValues } from '../../../shared/contracts/figures.js';
import type { Db } from '../../db/client.js';
import { warningIssue, type IssueDraft } from './figures.issues.js';
import { MEDIAN_FIELDS, type MedianField } from './figures.queries.js';
import { readWarningSettings } from '../warnings/warnings.settings.js';
import type { MonthSet, StoredFigures, StoredMonth, ValueSource } from './import/import.derive.js';

// A month ≥ unitSlipFactor times the firm's trailing median is a likely 元/万元 slip: the admin's
// warning setting (default 10), shared with the 预警 list (server/modules/warnings).
/** …and a month ≤ the median divided by this (a 万元 figure typed into a 元 column the other way round). */
export const SLIP_RATIO_SMALL = 100;
/** The median must rest on at least this many months to mean anything. */
export const SLIP_MIN_MONTHS = 3;

export const EMPTY_VALUES: FigureValues = {
  grossOutput: null,
  revenue: null,
  profit: null,
  taxes: null,
  electricityKwh: null,
  employees: null,
  prevYearGrossOutput: null,
  prevYearRevenue: null,
  prevYearProfit: null,
  prevYearTaxes: null,
};

export type PlannedWrite = {
  uscc: string;
  period: string;
  row: number | null;
  before: StoredMonth | null;
  after: FigureValues;
  /** Fields whose value differs from the stored one (all given fields for a new month). */
  changed: FigureField[];
  sources: Partial<Record<FigureField, ValueSource>>;
  /** February: whether it holds the combined 1–2月 figure after the write. */
  combinedAfter: boolean;
  markChange: 'add' | 'remove' | null;
  /** The reported 本年累计 of values derived from one; a changed value without one was reported or entered as 当月. */
  ytd: Partial<Record<FigureField, number>>;
};

/** The `ytd` of a write whose values were all reported as 当月 (shared, never written to). */
const NO_YTD: Partial<Record<FigureField, number>> = Object.freeze({});

export function valuesOf(month: FigureValues | null | undefined): FigureValues {
  const out: FigureValues = { ...EMPTY_VALUES };
  if (month) for (const f of FIGURE_FIELDS) out[f] = month[f];
  return out;
}

/**
 * Lays each set over the stored month. A month whose values and mark stay as stored is counted
 * unchanged and not written; `replace` (a hand entry of the whole month) clears fields not set.
 */
export function planWrites(
  sets: readonly MonthSet[],
  stored: StoredFigures,
  marks: ReadonlySet<string>,
  options: { replace: boolean },
): { writes: PlannedWrite[]; unchanged: number } {
  const writes: PlannedWrite[] = [];
  let unchanged = 0;
  for (const set of sets) {
    const before = stored.get(set.uscc)?.get(set.period) ?? null;
    const after = options.replace ? { ...EMPTY_VALUES } : valuesOf(before);
    for (const f of FIGURE_FIELDS) {
      const value = set.values[f];
      if (value !== undefined) after[f] = value;
    }
    const changed = FIGURE_FIELDS.filter((f) => after[f] !== (before ? before[f] : null));
    const markedBefore = marks.has(`${set.uscc}|${set.period}`);
    const combinedAfter = set.combined ?? markedBefore;
    const markChange = combinedAfter === markedBefore ? null : combinedAfter ? 'add' : 'remove';
    if (before && changed.length === 0 && markChange === null) {
      unchanged += 1;
      continue;
    }
    writes.push({
      uscc: set.uscc,
      period: set.period,
      row: set.row,
      before,
      after,
      changed,
      sources: set.sources,
      combinedAfter,
      markChange,
      ytd: set.ytd ?? NO_YTD,
    });
  }
  return { writes, unchanged };
}

/** The 12 periods before `period`, oldest first (the same array for the same period: an import asks for each of its writes). */
const trailingCache = new Map<string, readonly string[]>();
function trailingPeriods(period: string): readonly string[] {
  let periods = trailingCache.get(period);
  if (!periods) {
    periods = computeTrailingPeriods(period);
    if (trailingCache.size > 10_000) trailingCache.clear();
    trailingCache.set(period, periods);
  }
  return periods;
}

function computeTrailingPeriods(period: string): string[] {
  const index = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
  const out: string[] = [];
  for (let i = index - 12; i < index; i += 1) out.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  return out;
}

/** A firm's months as they will be after the writes: the planned values over the stored ones. */
type FirmMonths = { planned: ReadonlyMap<string, PlannedWrite> | undefined; stored: ReadonlyMap<string, StoredMonth> | undefined };

/** The months `periods` of a firm as they will be after the writes (undefined where there is none), into `out`. */
function monthsAt(months: FirmMonths, periods: readonly string[], out: (FigureValues | undefined)[]): void {
  out.length = 0;
  for (const p of periods) {
    const write = months.planned?.get(p);
    out.push(write ? write.after : months.stored?.get(p));
  }
}

/** Room for the values a median rests on (12 months), reused: the median is taken for every changed value of an import. */
const medianValues = new Float64Array(12);

/** The median of a field over some months, above zero only (see trailingMedian). */
function medianOf(window: readonly (FigureValues | undefined)[], field: MedianField): { median: number | null; months: number } {
  let n = 0;
  for (const month of window) {
    const v = month?.[field];
    if (v !== null && v !== undefined && v > 0) {
      if (n === medianValues.length) break;
      medianValues[n] = v;
      n += 1;
    }
  }
  if (n === 0) return { median: null, months: 0 };
  const values = medianValues.subarray(0, n).sort();
  const mid = Math.floor(n / 2);
  const median = n % 2 === 1 ? (values[mid] ?? 0) : ((values[mid - 1] ?? 0) + (values[mid] ?? 0)) / 2;
  return { median, months: n };
}

/**
 * The median of a firm's months `periods` (the 12 before a month) above zero (as SQL
 * percentile_cont(0.5): the middle value, or the mean of the two middle ones) and how many months it
 * rests on. The months are the stored ones with the file's own months over them, so a file carrying
 * a year of months checks its June against its January–May even on a first import.
 */
export function trailingMedian(
  months: FirmMonths,
  periods: readonly string[],
  field: MedianField,
): { median: number | null; months: number } {
  const window: (FigureValues | undefined)[] = [];
  monthsAt(months, periods.slice(-12), window);
  return medianOf(window, field);
}

const PREV_BASE: Record<(typeof PREV_YEAR_FIELDS)[number], FigureField> = {
  prevYearGrossOutput: 'grossOutput',
  prevYearRevenue: 'revenue',
  prevYearProfit: 'profit',
  prevYearTaxes: 'taxes',
};

function monthOf(period: string, yearsBack: number, month?: number): string {
  const year = Number(period.slice(0, 4)) - yearsBack;
  return `${year}-${month === undefined ? period.slice(5, 7) : String(month).padStart(2, '0')}`;
}

function at(write: PlannedWrite, field: FigureField, label: string) {
  const source = write.sources[field];
  return { row: write.row, column: source?.column ?? label, value: source?.text ?? String(write.after[field]) };
}

/**
 * The warnings of planned writes (each checks only values the write changes):
 * - unit slip: a value ≥ unitSlipFactor (setting, default 10) × the firm's median of the 12 months before (or ≤ 1/100 of it),
 *   over its months above zero (stored, or written by the same file: `stored` must hold the year
 *   before the period), when the median rests on ≥ 3 months;
 * - 上年同期 that disagrees with the firm's own stored figure a year earlier (beyond the rounding of
 *   the unit it was given in); a combined 1–2月 February is compared with last year's January +
 *   February, and the January 0 of a combined year is not compared;
 * - 利润总额 above 营业收入.
 * `label` names a field where no file column does (a form).
 */
export async function warnAboutWrites(
  db: Db,
  writes: readonly PlannedWrite[],
  stored: StoredFigures,
  label: (field: FigureField) => string,
): Promise<IssueDraft[]> {
  const issues: IssueDraft[] = [];
  const { unitSlipFactor } = await readWarningSettings(db);
  const combinedFebruaries = new Set(writes.filter((w) => w.combinedAfter).map((w) => `${w.uscc}|${w.period}`));
  const planned = new Map<string, Map<string, PlannedWrite>>();
  for (const w of writes) {
    const firm = planned.get(w.uscc) ?? new Map<string, PlannedWrite>();
    firm.set(w.period, w);
    planned.set(w.uscc, firm);
  }
  // The 12 months before a write, looked up once for all its measures.
  const window: (FigureValues | undefined)[] = [];
  for (const write of writes) {
    let windowFilled = false;
    for (const field of MEDIAN_FIELDS) {
      const value = write.after[field];
      if (!write.changed.includes(field) || value === null || value <= 0) continue;
      if (!windowFilled) {
        monthsAt({ planned: planned.get(write.uscc), stored: stored.get(write.uscc) }, trailingPeriods(write.period), window);
        windowFilled = true;
      }
      const { median, months } = medianOf(window, field);
      if (median === null || median <= 0 || months < SLIP_MIN_MONTHS) continue;
      const amounts = { value: { field, value }, median: { field, value: Math.round(median) } };
      if (value >= unitSlipFactor * median) {
        issues.push(
          warningIssue(at(write, field, label(field)), 'unitSlip', {
            fieldParams: { measure: field },
            amountParams: amounts,
            params: { ratio: (value / median).toFixed(1) },
          }),
        );
      } else if (value * SLIP_RATIO_SMALL <= median) {
        issues.push(
          warningIssue(at(write, field, label(field)), 'unitSlipSmall', { fieldParams: { measure: field }, amountParams: amounts }),
        );
      }
    }

    // The January 0 of a combined 1–2月 year is no figure of its own: its base sits in February.
    const combinedJanuary = write.period.endsWith('-01') && combinedFebruaries.has(`${write.uscc}|${write.period.slice(0, 4)}-02`);
    for (const field of PREV_YEAR_FIELDS) {
      const value = write.after[field];
      if (!write.changed.includes(field) || value === null || combinedJanuary) continue;
      const base = PREV_BASE[field];
      const lastYear = stored.get(write.uscc);
      let storedValue: number | null | undefined;
      if (write.combinedAfter) {
        const jan = lastYear?.get(monthOf(write.period, 1, 1))?.[base];
        const feb = lastYear?.get(monthOf(write.period, 1, 2))?.[base];
        storedValue = jan === null || jan === undefined || feb === null || feb === undefined ? null : jan + feb;
      } else storedValue = lastYear?.get(monthOf(write.period, 1))?.[base];
      if (storedValue === null || storedValue === undefined) continue;
      const tolerance = Number(write.sources[field]?.multiplier ?? 1n) / 2;
      if (Math.abs(value - storedValue) <= tolerance) continue;
      issues.push(
        warningIssue(at(write, field, label(field)), 'prevYearMismatch', {
          params: { period: monthOf(write.period, 1) },
          fieldParams: { measure: base },
          amountParams: { value: { field, value }, stored: { field, value: storedValue }, diff: { field, value: value - storedValue } },
        }),
      );
    }

    const { profit, revenue } = write.after;
    if (
      (write.changed.includes('profit') || write.changed.includes('revenue')) &&
      profit !== null &&
      revenue !== null &&
      profit > revenue
    ) {
      issues.push(
        warningIssue(at(write, 'profit', label('profit')), 'profitAboveRevenue', {
          amountParams: { profit: { field: 'profit', value: profit }, revenue: { field: 'revenue', value: revenue } },
        }),
      );
    }
  }
  return issues;
}
