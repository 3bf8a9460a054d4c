// Years entered by the admin, as the calendar holds them (the calendar module loads them from the
// database; here they are set directly): an entered year the dataset lacks becomes countable, and
// an entered year the dataset has replaces the dataset's days for that year only.
import { afterEach, describe, expect, it } from 'vitest';
import { addWorkingDays, calendarCoverage, isWorkingDay, missingCalendarYears, setEnteredCalendar } from './calendar.js';

afterEach(() => setEnteredCalendar([], []));

describe('entered calendar years', () => {
  it('make a year the dataset lacks countable, across its holidays and make-up days', () => {
    expect(() => addWorkingDays('2026-12-30', 2)).toThrow('calendar_year_not_covered');
    setEnteredCalendar(
      [2027],
      [
        { day: '2027-01-01', kind: 'holiday' },
        { day: '2027-01-02', kind: 'holiday' },
        { day: '2027-01-03', kind: 'holiday' },
        { day: '2027-01-09', kind: 'workday' },
      ],
    );
    expect(addWorkingDays('2026-12-30', 2)).toBe('2027-01-04');
    expect(isWorkingDay('2027-01-09')).toBe(true);
    expect(isWorkingDay('2027-01-10')).toBe(false);
    expect(missingCalendarYears([2026, 2027, 2028])).toEqual([2028]);
    expect(calendarCoverage()).toMatchObject({ lastYear: 2027, source: 'chinese-days + admin' });
  });

  it('replace the dataset for an entered year it also has, and only that year', () => {
    // The dataset: 1–8 October 2025 off, Saturday 11 October worked.
    expect(isWorkingDay('2025-10-03')).toBe(false);
    setEnteredCalendar([2025], [{ day: '2025-10-01', kind: 'holiday' }]);
    expect(isWorkingDay('2025-10-03')).toBe(true);
    expect(isWorkingDay('2025-10-11')).toBe(false);
    expect(isWorkingDay('2024-10-03')).toBe(false);
  });
});
