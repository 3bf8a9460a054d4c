import { z } from 'zod';
import { itemList, requiredText, yearParam } from './common.js';
import { DATE_PATTERN } from './identifiers.js';

/** Whether a YYYY-MM-DD string names a day that exists (2025-02-29 does not). */
export function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A calendar day written YYYY-MM-DD, checked to exist. */
export const calendarDateSchema = z.string().trim().regex(DATE_PATTERN, 'YYYY-MM-DD').refine(isCalendarDate, 'no such day in the calendar');

export const addWorkingDaysQuery = z.object({
  from: calendarDateSchema,
  /** Working days to add (0 … 500); 0 answers `from` itself. */
  days: z.coerce.number().int().min(0).max(500),
});
export type AddWorkingDaysQuery = z.infer<typeof addWorkingDaysQuery>;

/** `date` is the `days`-th working day after `from` (`from` itself is not counted). */
export const addWorkingDaysResponse = z.object({ from: z.string(), days: z.number().int(), date: z.string() });
export type AddWorkingDaysResponse = z.infer<typeof addWorkingDaysResponse>;

export const workingDaysQuery = z.object({ from: calendarDateSchema, to: calendarDateSchema });
export type WorkingDaysQuery = z.infer<typeof workingDaysQuery>;

/**
 * `days` counts the working days after `from` up to and including `to` (the interval (from, to]), so
 * that `working-days(from, add-working-days(from, n)) = n`; negative when `to` is before `from`.
 */
export const workingDaysResponse = z.object({ from: z.string(), to: z.string(), days: z.number().int() });
export type WorkingDaysResponse = z.infer<typeof workingDaysResponse>;

/** Which years the holiday dataset covers; the web warns when today's or next year is missing. */
export const calendarCoverageResponse = z.object({
  firstYear: z.number().int(),
  lastYear: z.number().int(),
  /** Of this year and the next, those the dataset does not cover (deadlines into them cannot be counted). */
  missingYears: z.array(z.number().int()),
  source: z.string(),
});
export type CalendarCoverageResponse = z.infer<typeof calendarCoverageResponse>;

// ── Years entered by the admin (the State Council's notice), beyond or instead of the dataset ──

/** Where a year's holidays come from: the `chinese-days` dataset, or entered by the admin from the notice. */
export const CALENDAR_SOURCES = ['dataset', 'entered'] as const;
export type CalendarSource = (typeof CALENDAR_SOURCES)[number];
/** What an entered day is: a public holiday (off), or a make-up working day (调休, a weekend day worked). */
export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

export const calendarYearParams = z.object({ year: yearParam });

const dayName = requiredText(20);
/** One holiday as the notice writes it: 元旦 1月1日至3日 → { name: '元旦', from: '2027-01-01', to: '2027-01-03' }. */
export const holidayRange = z.object({ name: dayName, from: calendarDateSchema, to: calendarDateSchema });
export type HolidayRange = z.infer<typeof holidayRange>;
/** One make-up working day (调休上班), named after the holiday it makes up for. */
export const makeUpDay = z.object({ name: dayName, date: calendarDateSchema });
export type MakeUpDay = z.infer<typeof makeUpDay>;

/** `PUT /api/calendar/years/:year`: the whole year's notice; replaces what was entered and declares the year complete. */
export const putCalendarYearRequest = z.object({
  /** The notice it comes from, e.g. 国办发明电〔2026〕7号. */
  notice: requiredText(100),
  holidays: z.array(holidayRange).min(1).max(40),
  workdays: z.array(makeUpDay).max(40),
});
export type PutCalendarYearRequest = z.infer<typeof putCalendarYearRequest>;

export const calendarYearItem = z.object({
  year: z.number().int(),
  source: z.enum(CALENDAR_SOURCES),
  /** The notice (entered years), or the dataset's name. */
  notice: z.string(),
  enteredBy: z.string().nullable(),
  enteredAt: z.string().nullable(),
});
export type CalendarYearItem = z.infer<typeof calendarYearItem>;
export const calendarYearsResponse = itemList(calendarYearItem);
export type CalendarYearsResponse = z.infer<typeof calendarYearsResponse>;

/** One year's holidays (consecutive days of one name as a range) and make-up days, from wherever they come. */
export const calendarYearResponse = calendarYearItem.extend({ holidays: z.array(holidayRange), workdays: z.array(makeUpDay) });
export type CalendarYearResponse = z.infer<typeof calendarYearResponse>;
