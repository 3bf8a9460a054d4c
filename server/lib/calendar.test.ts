import { isWorkday } from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import {
  addWorkingDays,
  calendarCoverage,
  calendarWarning,
  isWithinWorkingDays,
  isWorkingDay,
  missingCalendarYears,
  todayInShanghai,
  workingDaysBetween,
} from './calendar.js';

// 2025 National Day: Wed 1 – Wed 8 October off; Sun 28 September and Sat 11 October are make-up working days.
// 2025 Spring Festival: Tue 28 January – Tue 4 February off; Sun 26 January and Sat 8 February are make-up working days.

/** [from, n, the day n working days after from] across the two holidays and their make-up days. */
const ADDED: readonly [string, number, string][] = [
  ['2025-09-30', 3, '2025-10-11'],
  ['2025-09-30', 1, '2025-10-09'],
  // 9, 10, 11 (Sat), 13, 14, 15, 16, 17, 20, 21 October.
  ['2025-09-30', 10, '2025-10-21'],
  // Saturday 27 September is off; Sunday 28 September is worked.
  ['2025-09-27', 1, '2025-09-28'],
  ['2025-01-24', 1, '2025-01-26'],
  ['2025-01-27', 1, '2025-02-05'],
  ['2025-01-27', 4, '2025-02-08'],
  ['2025-01-27', 5, '2025-02-10'],
];

describe('working-day calendar', () => {
  it.each(ADDED)('counts across the 2025 holidays and their make-up days: %s + %i working days is %s', (from, n, reached) => {
    expect(addWorkingDays(from, n)).toBe(reached);
  });

  it('works the make-up days and rests on the holidays', () => {
    // Make-up days: Saturday 11 October, Sunday 26 January. Off: 8 October, 28 January and 4 February (holidays), Sunday 12 October.
    const makeUp = ['2025-10-11', '2025-01-26'];
    expect(makeUp.filter(isWorkingDay)).toEqual(makeUp);
    expect(['2025-10-08', '2025-10-12', '2025-01-28', '2025-02-04'].filter(isWorkingDay)).toEqual([]);
  });

  it('counts the working days in (from, to], negative backwards, and inverts addWorkingDays', () => {
    expect(workingDaysBetween('2025-09-30', '2025-10-11')).toBe(3);
    // 28 (Sun), 29, 30 September, 9, 10 October.
    expect(workingDaysBetween('2025-09-26', '2025-10-10')).toBe(5);
    expect(workingDaysBetween('2025-10-10', '2025-09-26')).toBe(-5);
    expect(workingDaysBetween('2025-10-05', '2025-10-05')).toBe(0);
    // 26, 27 January, 5, 6, 7, 8 (Sat), 10 February.
    expect(workingDaysBetween('2025-01-24', '2025-02-10')).toBe(7);
    expect(addWorkingDays('2025-06-03', 0)).toBe('2025-06-03');
    for (const n of [1, 2, 10, 25]) expect(workingDaysBetween('2025-09-15', addWorkingDays('2025-09-15', n))).toBe(n);
  });

  it('agrees with the chinese-days package on every day of 2025 and 2026', () => {
    const disagreements: string[] = [];
    for (let time = Date.UTC(2025, 0, 1); time <= Date.UTC(2026, 11, 31); time += 86_400_000) {
      const day = new Date(time).toISOString().slice(0, 10);
      if (isWorkingDay(day) !== isWorkday(day)) disagreements.push(day);
    }
    expect(disagreements).toEqual([]);
  });

  it('refuses a year the dataset does not hold instead of guessing', () => {
    expect(calendarCoverage()).toMatchObject({ firstYear: 2004, lastYear: 2026, source: 'chinese-days' });
    expect(missingCalendarYears([2026, 2027])).toEqual([2027]);
    // 29, 30, 31 December 2026 are working days; the fourth and fifth fall in 2027.
    expect(addWorkingDays('2026-12-28', 3)).toBe('2026-12-31');
    const refused = (() => {
      try {
        addWorkingDays('2026-12-28', 5);
        return null;
      } catch (err) {
        return err;
      }
    })();
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'calendar_year_not_covered', params: { year: 2027, date: '2027-01-01' } });
    expect(() => workingDaysBetween('2026-12-30', '2027-01-04')).toThrow(AppError);
  });

  it('decides "within n working days" from the covered days when it can', () => {
    expect(isWithinWorkingDays('2025-09-30', '2025-10-10', 2)).toBe(true);
    expect(isWithinWorkingDays('2025-09-30', '2025-10-11', 2)).toBe(false);
    // Three working days of December 2026 come first: no need to know 2027.
    expect(isWithinWorkingDays('2026-12-03', '2027-03-01', 2)).toBe(false);
    expect(isWithinWorkingDays('2025-10-10', '2025-10-01', 2)).toBe(true);
  });

  it("gives today's date in Asia/Shanghai", () => {
    expect(todayInShanghai(new Date('2025-09-30T16:30:00Z'))).toBe('2025-10-01');
    expect(todayInShanghai(new Date('2025-09-30T15:59:00Z'))).toBe('2025-09-30');
  });
});

describe('calendar start-up warning', () => {
  it('names the missing next year in December 2026 and says nothing in June 2025', () => {
    expect(calendarWarning(new Date('2026-12-03T02:00:00Z'))).toContain('2027');
    expect(calendarWarning(new Date('2025-06-03T02:00:00Z'))).toBeNull();
  });
});
