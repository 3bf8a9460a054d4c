import { describe, expect, it } from 'vitest';
import type { FigureField } from '../../../../shared/contracts/figures.js';
import { EMPTY_VALUES } from '../figures.changes.js';
import { deriveMonths, type StoredFigures, type StoredMonth } from './import.derive.js';
import type { Entry, FileRow, ReadColumn } from './import.read.js';

const USCC = '91430400MA4L000038';

function column(header: string, field: FigureField, basis: 'month' | 'ytd'): ReadColumn {
  return { index: 0, header, spec: { kind: 'value', field, basis, multiplier: 10000n } };
}
const ytdOutput = column('工业总产值(本年累计,万元)', 'grossOutput', 'ytd');
const monthOutput = column('工业总产值(当月,万元)', 'grossOutput', 'month');
const ytdProfit = column('利润总额(本年累计,万元)', 'profit', 'ytd');
const ytdPrev = column('工业总产值(上年同期累计,万元)', 'prevYearGrossOutput', 'ytd');

function entry(col: ReadColumn, yuan: number): Entry {
  return { value: yuan, column: col.header, multiplier: 10000n, text: String(yuan / 10000) };
}

function row(n: number, period: string, month: FileRow['month'], ytd: FileRow['ytd'], janFebCombined = false): FileRow {
  return { row: n, uscc: USCC, name: null, period, janFebCombined, month, ytd };
}

function stored(months: Record<string, Partial<StoredMonth>>): StoredFigures {
  return new Map([[USCC, new Map(Object.entries(months).map(([p, v]) => [p, { ...EMPTY_VALUES, version: 'v', ...v }]))]]);
}

/** Stored 当月 工业总产值 (元) of 2024, one value a month from January. */
function storedOutput2024(yuan: readonly number[]): StoredFigures {
  return stored(Object.fromEntries(yuan.map((grossOutput, i) => [`2024-${String(i + 1).padStart(2, '0')}`, { grossOutput }])));
}

const noMarks = new Set<string>();

describe('deriveMonths: 当月 from 本年累计', () => {
  it('subtracts the stored months before: June = 累计(6) − Σ 当月(1…5)', () => {
    // Stored 当月 Jan–May: 100, 110, 120, 130, 140 万元 = 600 万元; 1–6月累计 735 万元 → June 135 万元.
    const before = storedOutput2024([1_000_000, 1_100_000, 1_200_000, 1_300_000, 1_400_000]);
    const result = deriveMonths([row(5, '2024-06', {}, { grossOutput: entry(ytdOutput, 7_350_000) })], before, noMarks);
    expect(result.issues).toEqual([]);
    expect(result.sets).toEqual([expect.objectContaining({ period: '2024-06', values: { grossOutput: 1_350_000 }, combined: null })]);
  });

  it('uses earlier rows of the same file before stored months', () => {
    // The file: 1–4月 累计 500, 1–5月 累计 640 万元; stored April 999 is replaced by the file's April.
    const before = storedOutput2024([1_000_000, 1_000_000, 1_000_000, 9_990_000]);
    const result = deriveMonths(
      [
        row(3, '2024-05', {}, { grossOutput: entry(ytdOutput, 6_400_000) }),
        row(2, '2024-04', {}, { grossOutput: entry(ytdOutput, 5_000_000) }),
      ],
      before,
      noMarks,
    );
    expect(result.issues).toEqual([]);
    // April = 500 − 300 = 200 万元; May = 640 − (300 + 200) = 140 万元.
    expect(result.sets.map((s) => [s.period, s.values.grossOutput])).toEqual([
      ['2024-04', 2_000_000],
      ['2024-05', 1_400_000],
    ]);
  });

  it('refuses a 累计 below the previous one, except for profit, which may fall', () => {
    const before = stored({ '2024-01': { grossOutput: 1_000_000, profit: 200_000 } });
    const result = deriveMonths(
      [row(4, '2024-02', {}, { grossOutput: entry(ytdOutput, 900_000), profit: entry(ytdProfit, 150_000) })],
      before,
      noMarks,
    );
    expect(result.issues).toEqual([
      expect.objectContaining({ severity: 'error', row: 4, column: '工业总产值(本年累计,万元)', code: 'ytdDecreased' }),
    ]);
    // Profit: 1–2月 15 万 after 20 万 in January → February −5 万元.
    expect(result.sets[0]?.values).toEqual({ profit: -50_000 });
  });

  it('says which month is missing when the 当月 cannot be derived', () => {
    const before = storedOutput2024([1, 1]);
    const result = deriveMonths([row(7, '2024-04', {}, { grossOutput: entry(ytdOutput, 5_000_000) })], before, noMarks);
    expect(result.issues).toEqual([
      expect.objectContaining({ severity: 'error', row: 7, code: 'cannotDerive', params: { missing: '2024-03' } }),
    ]);
    expect(result.sets[0]?.values).toEqual({});
  });

  it('stores 当月 when both are given and checks 累计 = previous 累计 + 当月 within rounding', () => {
    const before = stored({ '2024-01': { grossOutput: 1_000_000 } });
    const good = deriveMonths(
      [row(2, '2024-02', { grossOutput: entry(monthOutput, 1_200_000) }, { grossOutput: entry(ytdOutput, 2_200_000) })],
      before,
      noMarks,
    );
    expect(good.issues).toEqual([]);
    expect(good.sets[0]?.values).toEqual({ grossOutput: 1_200_000 });
    // Rounding tolerance: half a 万元 per month summed, 2 × 5,000 = 10,000 元. 100 元 off passes; 20,001 元 does not.
    const close = deriveMonths(
      [row(2, '2024-02', { grossOutput: entry(monthOutput, 1_200_000) }, { grossOutput: entry(ytdOutput, 2_200_100) })],
      before,
      noMarks,
    );
    expect(close.issues).toEqual([]);
    const off = deriveMonths(
      [row(2, '2024-02', { grossOutput: entry(monthOutput, 1_200_000) }, { grossOutput: entry(ytdOutput, 2_220_001) })],
      before,
      noMarks,
    );
    expect(off.issues).toEqual([expect.objectContaining({ code: 'ytdMismatch', row: 2 })]);
  });
});

describe('deriveMonths: 1–2月', () => {
  it('stores a February 累计 without January whole in February, January 0, marked combined', () => {
    const result = deriveMonths([row(3, '2024-02', {}, { grossOutput: entry(ytdOutput, 2_500_000) })], stored({}), noMarks);
    expect(result.issues).toEqual([]);
    expect(result.sets).toEqual([
      expect.objectContaining({ period: '2024-02', values: { grossOutput: 2_500_000 }, combined: true }),
      expect.objectContaining({ period: '2024-01', values: { grossOutput: 0 }, combined: null, row: 3 }),
    ]);
  });

  it('derives March from the combined February (Σ = 0 + 1–2月)', () => {
    const result = deriveMonths(
      [
        row(3, '2024-02', {}, { grossOutput: entry(ytdOutput, 2_500_000) }),
        row(4, '2024-03', {}, { grossOutput: entry(ytdOutput, 3_900_000) }),
      ],
      stored({}),
      noMarks,
    );
    expect(result.issues).toEqual([]);
    expect(result.sets.find((s) => s.period === '2024-03')?.values).toEqual({ grossOutput: 1_400_000 });
  });

  it('treats a period written 1–2月 as combined and warns that stored January figures become 0', () => {
    const result = deriveMonths(
      [row(6, '2024-02', { grossOutput: entry(monthOutput, 2_500_000) }, {}, true)],
      stored({ '2024-01': { grossOutput: 1_200_000 } }),
      noMarks,
    );
    expect(result.issues).toEqual([expect.objectContaining({ severity: 'warning', code: 'januaryZeroed', row: 6 })]);
    expect(result.sets.map((s) => [s.period, s.values, s.combined])).toEqual([
      ['2024-02', { grossOutput: 2_500_000 }, true],
      ['2024-01', { grossOutput: 0 }, null],
    ]);
  });

  it('refuses January on its own for a year stored combined, and both January and 1–2月 in one file', () => {
    const marked = new Set([`${USCC}|2024-02`]);
    const alone = deriveMonths([row(2, '2024-01', { grossOutput: entry(monthOutput, 1) }, {})], stored({}), marked);
    expect(alone.issues).toEqual([expect.objectContaining({ code: 'janCombined', row: 2 })]);
    const both = deriveMonths(
      [row(2, '2024-01', { grossOutput: entry(monthOutput, 1) }, {}), row(3, '2024-02', { grossOutput: entry(monthOutput, 5) }, {}, true)],
      stored({}),
      noMarks,
    );
    expect(both.issues).toEqual([expect.objectContaining({ code: 'janWithCombined', row: 3, params: { row: 2 } })]);
  });

  it('removes the mark when January and February come separately', () => {
    const marked = new Set([`${USCC}|2024-02`]);
    const result = deriveMonths(
      [row(2, '2024-01', { grossOutput: entry(monthOutput, 100) }, {}), row(3, '2024-02', { grossOutput: entry(monthOutput, 200) }, {})],
      stored({}),
      marked,
    );
    expect(result.issues).toEqual([]);
    expect(result.sets.map((s) => [s.period, s.combined])).toEqual([
      ['2024-01', null],
      ['2024-02', false],
    ]);
  });
});

describe('deriveMonths: 上年同期累计', () => {
  it('falls back to last year’s stored months, and only warns when even those are missing', () => {
    // 上年同期 1–3月 累计 330 万元; this year's stored prev_year for Jan is 100 万, last year's February 120 万 → March 110 万.
    const before = stored({ '2024-01': { prevYearGrossOutput: 1_000_000 }, '2023-02': { grossOutput: 1_200_000 } });
    const ok = deriveMonths([row(2, '2024-03', {}, { prevYearGrossOutput: entry(ytdPrev, 3_300_000) })], before, noMarks);
    expect(ok.issues).toEqual([]);
    expect(ok.sets[0]?.values).toEqual({ prevYearGrossOutput: 1_100_000 });
    const missing = deriveMonths([row(2, '2024-03', {}, { prevYearGrossOutput: entry(ytdPrev, 3_300_000) })], stored({}), noMarks);
    expect(missing.issues).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'prevYearNotDerived', params: { missing: '2024-01' } }),
    ]);
    expect(missing.sets[0]?.values).toEqual({});
  });
});
