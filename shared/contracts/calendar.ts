import { z } from 'zod';
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
