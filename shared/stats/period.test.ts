import { describe, expect, it } from 'vitest';
import {
  cityDate,
  currentPeriod,
  currentYear,
  isStatisticalPeriod,
  parsePeriod,
  previousCalendarPeriod,
  previousPeriod,
  rangeMonths,
  samePeriodLastYear,
  shiftPeriod,
} from './period.js';

describe('statistical periods', () => {
  it('parses and shifts a month by a year', () => {
    expect(parsePeriod('2024-06')).toEqual({ year: 2024, month: 6 });
    expect(samePeriodLastYear('2024-01')).toBe('2023-01');
    expect(() => parsePeriod('2024-13')).toThrow();
  });

  it('gives the months of 当月 and 1–N月 累计', () => {
    expect(rangeMonths('2024-06', 'month')).toEqual({ from: '2024-06', to: '2024-06', months: 1 });
    expect(rangeMonths('2024-06', 'ytd')).toEqual({ from: '2024-01', to: '2024-06', months: 6 });
    expect(rangeMonths('2024-03', 'month')).toEqual({ from: '2024-03', to: '2024-03', months: 1 });
  });

  it('reads January and February as one period, 1–2月, in either range', () => {
    for (const period of ['2024-01', '2024-02']) {
      for (const range of ['month', 'ytd'] as const)
        expect(rangeMonths(period, range)).toEqual({ from: '2024-01', to: '2024-02', months: 2 });
    }
  });

  it('takes the current month in Beijing time: 31 May 17:00 UTC is already June there', () => {
    expect(currentPeriod(new Date('2024-05-31T15:59:00Z'))).toBe('2024-05');
    expect(currentPeriod(new Date('2024-05-31T16:00:00Z'))).toBe('2024-06');
  });

  it('accepts 2000-01 up to the current month only', () => {
    const now = new Date('2024-06-15T00:00:00Z');
    expect(isStatisticalPeriod('2024-06', now)).toBe(true);
    expect(isStatisticalPeriod('2024-07', now)).toBe(false);
    expect(isStatisticalPeriod('2000-01', now)).toBe(true);
    expect(isStatisticalPeriod('1999-12', now)).toBe(false);
    expect(isStatisticalPeriod('2024-6', now)).toBe(false);
  });

  it('steps back a month over the new year', () => {
    expect(previousPeriod('2024-01')).toBe('2023-12');
    expect(previousPeriod('2024-06')).toBe('2024-05');
  });

  it('takes the previous calendar month in Beijing time', () => {
    // 2024-07-31 17:00 UTC is already 1 August in Beijing.
    expect(previousCalendarPeriod(new Date('2024-07-31T17:00:00Z'))).toBe('2024-07');
    expect(previousCalendarPeriod(new Date('2024-07-31T15:00:00Z'))).toBe('2024-06');
  });

  it('shifts a month across years either way', () => {
    expect(shiftPeriod('2024-01', -1)).toBe('2023-12');
    expect(shiftPeriod('2024-11', 2)).toBe('2025-01');
    expect(shiftPeriod('2024-06', -12)).toBe('2023-06');
    expect(shiftPeriod('2024-06', -24)).toBe('2022-06');
    expect(shiftPeriod('2024-06', 0)).toBe('2024-06');
  });

  it('tells the year and the day in Beijing, 8 hours ahead of UTC', () => {
    expect(currentYear(new Date('2024-12-31T16:00:00Z'))).toBe(2025);
    expect(currentYear(new Date('2024-12-31T15:59:00Z'))).toBe(2024);
    expect(cityDate(new Date('2024-03-09T16:30:00Z'))).toBe('2024-03-10');
    expect(cityDate(new Date('2024-03-09T15:30:00Z'))).toBe('2024-03-09');
  });
});
