// From what a file says to what is stored: 当月 values as given, or derived from 本年累计 (year to
// date) by subtracting the previous months, and the combined 1–2月 figure placed in February.
//
// Rules (the statistics engine sums stored 当月 values, so every rule keeps those sums right):
// - 当月(M) = 累计(M) − Σ 当月(1…M−1) of the same firm and year, where each earlier month is the row
//   earlier in the same file, else the stored month. January's 当月 is its 累计.
// - A month before M with no value makes the 当月 impossible to derive: an error naming that month.
//   For 上年同期 columns an earlier month falls back to the firm's stored figure a year earlier; if
//   that is missing too, the 上年同期 value is left out with a warning (the engine then uses the
//   stored prior-year figure as the base).
// - 累计 less than the previous 累计 gives a negative month: an error, except for 利润总额, which may fall.
// - When a file gives both 当月 and 累计, 当月 is stored and 累计 must equal the previous 累计 plus
//   当月 within rounding (half the column's unit per month): otherwise an error.
// - 1–2月: a period written "2024年1-2月", or a February 累计 with no January data anywhere, is one
//   combined figure. It is stored whole in February, January is stored as 0 for the same measures
//   (从业人员, a head count, is left alone), and February is marked jan_feb_combined. Every 1–N月 sum
//   from February on is then exact; the January 0 is flagged so nobody reads it as a real zero. A
//   split (e.g. half each) would invent a January figure the firm never reported.
import { FIGURE_FIELDS, type FigureField, type FigureValues } from '../../../../shared/contracts/figures.js';
import { errorIssue, warningIssue, type IssueDraft } from '../figures.issues.js';
import type { Entry, FileRow } from './import.read.js';

/** A stored month as the import sees it. */
export type StoredMonth = FigureValues & { version: string };
/** Stored months by USCC, then by period. */
export type StoredFigures = ReadonlyMap<string, ReadonlyMap<string, StoredMonth>>;

/** What the import sets on one enterprise-month; fields not named keep their stored value. */
export type MonthSet = {
  uscc: string;
  period: string;
  /** The file row it comes from (for January set to 0: the 1–2月 row); null for a hand entry. */
  row: number | null;
  values: Partial<Record<FigureField, number>>;
  /** Where each value came from, for messages and rounding tolerances. */
  sources: Partial<Record<FigureField, ValueSource>>;
  /** February only: true = mark as combined 1–2月, false = remove the mark, null = leave it. */
  combined: boolean | null;
  /** The reported 本年累计 of each value derived from one (kept as a fact; see monthly_figure_ytd). */
  ytd?: Partial<Record<FigureField, number>>;
};

/** The column a value was read from, its cell text, and the unit multiplier used. */
export type ValueSource = { column: string; text: string; multiplier: bigint };

export type DeriveResult = { sets: MonthSet[]; issues: IssueDraft[] };

const PREV_BASE: Partial<Record<FigureField, FigureField>> = {
  prevYearGrossOutput: 'grossOutput',
  prevYearRevenue: 'revenue',
  prevYearProfit: 'profit',
  prevYearTaxes: 'taxes',
};
const MAY_FALL = new Set<FigureField>(['profit', 'prevYearProfit']);

function periodOf(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** Rounding tolerance between a 累计 and the sum of months: half the coarsest unit per month summed. */
function tolerance(months: number, entries: readonly Entry[]): number {
  const coarsest = entries.reduce((max, e) => (e.multiplier > max ? e.multiplier : max), 1n);
  return (Number(coarsest) * months) / 2;
}

type Group = { uscc: string; year: number; rows: FileRow[] };

function groupRows(rows: readonly FileRow[]): Group[] {
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const year = Number(row.period.slice(0, 4));
    const key = `${row.uscc}|${year}`;
    const group = groups.get(key) ?? { uscc: row.uscc, year, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  for (const group of groups.values()) group.rows.sort((a, b) => a.period.localeCompare(b.period));
  return [...groups.values()];
}

function deriveGroup(group: Group, stored: StoredFigures, marks: ReadonlySet<string>, out: DeriveResult): void {
  const { uscc, year } = group;
  const storedOf = stored.get(uscc);
  const overlay = new Map<number, Partial<Record<FigureField, number | null>>>();
  const view = (month: number): Partial<Record<FigureField, number | null>> | undefined => {
    const base = storedOf?.get(periodOf(year, month));
    const over = overlay.get(month);
    return base || over ? { ...base, ...over } : undefined;
  };
  const fileMonths = new Set(group.rows.map((r) => Number(r.period.slice(5, 7))));
  const febMarked = marks.has(`${uscc}|${periodOf(year, 2)}`);
  const poisoned = new Set<FigureField>();

  /** Σ of a field over months 1…M−1, or the first month that has no value. */
  const sumBefore = (month: number, field: FigureField): { sum: number } | { missing: string } => {
    let sum = 0;
    for (let m = 1; m < month; m += 1) {
      let value = view(m)?.[field];
      const base = PREV_BASE[field];
      if ((value === null || value === undefined) && base) value = storedOf?.get(periodOf(year - 1, m))?.[base];
      if (value === null || value === undefined) return { missing: periodOf(year, m) };
      sum += value;
    }
    return { sum };
  };

  for (const row of group.rows) {
    const month = Number(row.period.slice(5, 7));
    const usccAt = (field?: FigureField) => {
      const entry = field ? (row.month[field] ?? row.ytd[field]) : undefined;
      return { row: row.row, column: entry?.column ?? '', value: entry?.text ?? row.uscc };
    };
    if (month === 1 && febMarked && !fileMonths.has(2)) {
      out.issues.push(errorIssue(usccAt(), 'janCombined', { params: { year } }));
      continue;
    }
    const hasYtd = Object.keys(row.ytd).length > 0;
    const combined = row.janFebCombined || (month === 2 && hasYtd && !(fileMonths.has(1) || view(1) !== undefined));
    if (combined && fileMonths.has(1)) {
      const janRow = group.rows.find((r) => r.period === periodOf(year, 1))?.row ?? 0;
      out.issues.push(errorIssue(usccAt(), 'janWithCombined', { params: { row: janRow } }));
      continue;
    }

    if (!combined && !hasYtd) {
      // 当月 only (most files): the values as given, their entries as the sources (the general path below gives the same).
      const values: Partial<Record<FigureField, number>> = {};
      for (const field of FIGURE_FIELDS) {
        const entry = row.month[field];
        if (entry) values[field] = entry.value;
      }
      const prior = overlay.get(month);
      overlay.set(month, prior ? { ...prior, ...values } : values);
      const unmark = month === 2 && febMarked && fileMonths.has(1);
      out.sets.push({ uscc, period: row.period, row: row.row, values, sources: row.month, combined: unmark ? false : null });
      continue;
    }

    const values: Partial<Record<FigureField, number>> = {};
    const sources: Partial<Record<FigureField, ValueSource>> = {};
    const ytdFacts: Partial<Record<FigureField, number>> = {};
    const fields = new Set<FigureField>(
      [...Object.keys(row.month), ...Object.keys(row.ytd)].filter((f): f is FigureField => f in row.month || f in row.ytd),
    );
    for (const field of fields) {
      const given = row.month[field];
      const ytd = row.ytd[field];
      if (!ytd) {
        if (given) values[field] = given.value;
        continue;
      }
      const at = { row: row.row, column: ytd.column, value: ytd.text };
      if (combined) {
        if (given && Math.abs(given.value - ytd.value) > tolerance(1, [given, ytd])) {
          out.issues.push(
            errorIssue(at, 'ytdMismatch', {
              amountParams: { ytd: { field, value: ytd.value }, previous: { field, value: 0 }, month: { field, value: given.value } },
            }),
          );
        }
        values[field] = (given ?? ytd).value;
        if (!given && !PREV_BASE[field]) ytdFacts[field] = ytd.value;
        continue;
      }
      if (poisoned.has(field)) continue;
      const before = sumBefore(month, field);
      if ('missing' in before) {
        if (PREV_BASE[field]) {
          out.issues.push(warningIssue(at, 'prevYearNotDerived', { params: { missing: before.missing } }));
          if (given) values[field] = given.value;
        } else {
          out.issues.push(errorIssue(at, 'cannotDerive', { params: { missing: before.missing } }));
          poisoned.add(field);
        }
        continue;
      }
      if (given) {
        if (Math.abs(ytd.value - (before.sum + given.value)) > tolerance(month, [given, ytd])) {
          out.issues.push(
            errorIssue(at, 'ytdMismatch', {
              amountParams: {
                ytd: { field, value: ytd.value },
                previous: { field, value: before.sum },
                month: { field, value: given.value },
              },
            }),
          );
        }
        values[field] = given.value;
        continue;
      }
      const derived = ytd.value - before.sum;
      if (derived < 0 && !MAY_FALL.has(field)) {
        out.issues.push(
          errorIssue(at, 'ytdDecreased', { amountParams: { ytd: { field, value: ytd.value }, previous: { field, value: before.sum } } }),
        );
        poisoned.add(field);
        continue;
      }
      values[field] = derived;
      if (!PREV_BASE[field]) ytdFacts[field] = ytd.value;
    }

    for (const field of fields) {
      const entry = row.month[field] ?? row.ytd[field];
      if (entry && values[field] !== undefined) sources[field] = entry;
    }
    overlay.set(month, { ...overlay.get(month), ...values });
    const unmark = month === 2 && febMarked && fileMonths.has(1);
    out.sets.push({
      uscc,
      period: row.period,
      row: row.row,
      values,
      sources,
      combined: combined ? true : unmark ? false : null,
      ytd: ytdFacts,
    });
    if (!combined) continue;

    const january: Partial<Record<FigureField, number>> = {};
    const storedJanuary = view(1);
    const lost: FigureField[] = [];
    for (const field of fields) {
      if (field === 'employees' || values[field] === undefined) continue;
      january[field] = 0;
      if ((storedJanuary?.[field] ?? 0) !== 0) lost.push(field);
    }
    if (lost.length > 0) out.issues.push(warningIssue(usccAt(lost[0]), 'januaryZeroed', { params: { period: periodOf(year, 1) } }));
    overlay.set(1, { ...overlay.get(1), ...january });
    out.sets.push({ uscc, period: periodOf(year, 1), row: row.row, values: january, sources: {}, combined: null });
  }
}

/**
 * Turns the file's rows (of known firms, already checked cell by cell) into what to set on each
 * enterprise-month, following the rules above. `marks` holds `${uscc}|YYYY-02` of stored combined
 * Februaries.
 */
export function deriveMonths(rows: readonly FileRow[], stored: StoredFigures, marks: ReadonlySet<string>): DeriveResult {
  const out: DeriveResult = { sets: [], issues: [] };
  for (const group of groupRows(rows)) deriveGroup(group, stored, marks, out);
  return out;
}
