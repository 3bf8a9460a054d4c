import { describe, expect, it } from 'vitest';
import { currentPeriod as currentMonth } from '../../../../shared/stats/period.js';
import { parseAmount, parsePeriodCell } from './import.values.js';

const period = (cell: Parameters<typeof parsePeriodCell>[0]) => parsePeriodCell(cell)?.period ?? null;

describe('parsePeriodCell', () => {
  it('reads the ways a month is written', () => {
    expect(period('2024-06')).toBe('2024-06');
    expect(period('2024/6')).toBe('2024-06');
    expect(period('2024年6月')).toBe('2024-06');
    expect(period('２０２４年１２月')).toBe('2024-12');
    expect(period('202406')).toBe('2024-06');
    expect(period(202406)).toBe('2024-06');
    expect(period('2024-06-30')).toBe('2024-06');
    expect(period('2024年6月30日')).toBe('2024-06');
  });

  it('reads Excel dates, as Date cells and as day serials', () => {
    expect(period(new Date(Date.UTC(2024, 5, 1)))).toBe('2024-06');
    // 45444 is 2024-06-01 in Excel's 1900 date system.
    expect(period(45444)).toBe('2024-06');
  });

  it('reads 1–N月 ranges as cumulative, 1–2月 as the combined January–February figure', () => {
    expect(parsePeriodCell('2024年1-6月')).toEqual({ period: '2024-06', cumulative: true, janFebCombined: false });
    expect(parsePeriodCell('2024年1—2月')).toEqual({ period: '2024-02', cumulative: true, janFebCombined: true });
    expect(parsePeriodCell('2024-01~02')).toEqual({ period: '2024-02', cumulative: true, janFebCombined: true });
    // A date is not a range: 2 January 2024 is in January.
    expect(parsePeriodCell('2024-01-02')).toEqual({ period: '2024-01', cumulative: false, janFebCombined: false });
  });

  it('refuses what cannot be told apart or is no month', () => {
    expect(period(2024.1)).toBeNull();
    expect(period('2024-13')).toBeNull();
    expect(period('六月')).toBeNull();
    expect(period('')).toBeNull();
  });

  it('takes the current month in Beijing time', () => {
    expect(currentMonth(new Date('2024-06-30T16:30:00Z'))).toBe('2024-07');
    expect(currentMonth(new Date('2024-06-30T15:59:00Z'))).toBe('2024-06');
  });
});

describe('parseAmount', () => {
  const money = { allowNegative: false, whole: false };

  it('converts 千元 and 万元 to 元 exactly, rounding half away from zero', () => {
    expect(parseAmount('1,234.5678', 10000n, money)).toEqual({ kind: 'value', value: 12_345_678, text: '1,234.5678' });
    expect(parseAmount('0.00005', 10000n, money)).toMatchObject({ value: 1 });
    expect(parseAmount('0.00004', 10000n, money)).toMatchObject({ value: 0 });
    expect(parseAmount('12.3456', 1000n, money)).toMatchObject({ value: 12_346 });
    expect(parseAmount('-2.5', 1n, { allowNegative: true, whole: false })).toMatchObject({ value: -3 });
    expect(parseAmount('(1,000.5)', 1n, { allowNegative: true, whole: false })).toMatchObject({ value: -1001 });
    // An Excel number keeps 15 significant digits: 0.1 + 0.2 is read as 0.3.
    expect(parseAmount(0.1 + 0.2, 10000n, money)).toMatchObject({ value: 3000 });
    expect(parseAmount(1.5e6, 1n, money)).toMatchObject({ value: 1_500_000 });
  });

  it('treats empty cells and dashes as not reported', () => {
    for (const cell of ['', '-', '—', '/', null]) expect(parseAmount(cell, 1n, money)).toEqual({ kind: 'empty' });
  });

  it('names the problem of a bad value', () => {
    expect(parseAmount('12万', 1n, money)).toMatchObject({ kind: 'invalid', problem: 'notNumber' });
    expect(parseAmount('-5', 1n, money)).toMatchObject({ kind: 'invalid', problem: 'negative' });
    expect(parseAmount('12.5', 1n, { allowNegative: false, whole: true })).toMatchObject({ kind: 'invalid', problem: 'notWhole' });
    expect(parseAmount('1e20', 10000n, money)).toMatchObject({ kind: 'invalid', problem: 'tooLarge' });
  });
});

describe('parseAmount of plain numbers (read without BigInt) agrees with the decimal path', () => {
  const money = { allowNegative: false, whole: false };
  const profit = { allowNegative: true, whole: false };
  const value = (text: string, multiplier: bigint, rules = money) => {
    const amount = parseAmount(text, multiplier, rules);
    return amount.kind === 'value' ? amount.value : amount.kind === 'invalid' ? amount.problem : 'empty';
  };

  it('converts 万元 and 千元 exactly and rounds half away from zero to whole 元', () => {
    expect(value('1234.5678', 10_000n)).toBe(12_345_678);
    expect(value('0.00005', 10_000n)).toBe(1); // 0.5 元 → 1
    expect(value('0.00004', 10_000n)).toBe(0);
    expect(value('-0.00005', 10_000n, profit)).toBe(-1);
    expect(value('2.5', 1n)).toBe(3);
    expect(value('-2.5', 1n, profit)).toBe(-3);
    expect(value('1.0005', 1_000n)).toBe(1_001); // 1,000.5 元 → 1,001
    expect(value('007', 1n)).toBe(7);
    expect(value('-0', 1n)).toBe(0); // not negative: zero has no sign
  });

  it('applies the rules as before: no negatives where none are allowed, whole head counts', () => {
    expect(value('-1', 1n)).toBe('negative');
    expect(value('12.5', 1n, { allowNegative: false, whole: true })).toBe('notWhole');
    expect(value('12.0', 1n, { allowNegative: false, whole: true })).toBe(12);
  });

  it('leaves numbers too large for exact double arithmetic to the decimal path', () => {
    // 9,007,199,254,740,991 is the largest safe integer; 9,007,199,254,740.992 千元 is one 元 more.
    expect(value('9007199254740.991', 1_000n)).toBe(9_007_199_254_740_991);
    expect(value('9007199254740.992', 1_000n)).toBe('tooLarge');
    expect(value('123456789012345.123456789', 1n)).toBe(123_456_789_012_345);
  });
});
