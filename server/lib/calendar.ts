// Working days on the Chinese calendar: weekends off, except the make-up working days (调休) the
// State Council announces each year, and public holidays off. The dates come from the maintained
// `chinese-days` dataset (one JSON of holidays and make-up days per year, 2004 onwards); this module
// only reads it. The admin may enter a year from the State Council's notice (the calendar module
// stores it and hands it here with `setEnteredCalendar`, at start and after each change, so every
// question stays synchronous); an entered year replaces the dataset's days for that year. A year
// neither holds is refused, never guessed: its holidays are announced each November and a guess
// would put deadlines on a holiday.
import { createRequire } from 'node:module';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from './errors.js';
import { ROOT } from '../paths.js';

const DATASET = 'chinese-days/dist/chinese-days.json';
const datasetShape = z.object({ holidays: z.record(z.string(), z.string()), workdays: z.record(z.string(), z.string()) });

function loadDataset() {
  const data = datasetShape.parse(createRequire(path.join(ROOT, 'package.json'))(DATASET));
  const years = new Set<number>();
  for (const day of Object.keys(data.holidays)) years.add(Number(day.slice(0, 4)));
  let first = Infinity;
  let last = -Infinity;
  for (const year of years) {
    first = Math.min(first, year);
    last = Math.max(last, year);
  }
  return { holidays: new Set(Object.keys(data.holidays)), workdays: new Set(Object.keys(data.workdays)), years, first, last };
}

const dataset = loadDataset();
const DAY_MS = 86_400_000;

/** One day the admin entered: a holiday, or a make-up working day. */
export type EnteredDay = { day: string; kind: 'holiday' | 'workday' };
type DaySets = { holidays: Set<string>; workdays: Set<string> };
let entered: DaySets & { years: Set<number> } = { years: new Set(), holidays: new Set(), workdays: new Set() };

/**
 * Replaces the years the admin entered (complete years only) and their days. Called by the calendar
 * module at start and after every change; another process sharing the database picks a change up
 * at its next reload (the hourly sweep), not at once.
 */
export function setEnteredCalendar(years: readonly number[], days: readonly EnteredDay[]): void {
  const next = { years: new Set(years), holidays: new Set<string>(), workdays: new Set<string>() };
  for (const { day, kind } of days) (kind === 'holiday' ? next.holidays : next.workdays).add(day);
  entered = next;
}

/** Whether the calendar holds `year`: the dataset has it, or the admin entered it. */
export function isCalendarYearCovered(year: number): boolean {
  return dataset.years.has(year) || entered.years.has(year);
}

/** The name of the dataset, as the years it covers are listed. */
export const CALENDAR_DATASET = 'chinese-days';

/** The dataset's years, oldest first. */
export function datasetYears(): number[] {
  return [...dataset.years].sort((a, b) => a - b);
}

/** The dataset's holidays and make-up days of one year, each with its Chinese name, in date order. */
export function datasetDaysOf(year: number): { day: string; kind: 'holiday' | 'workday'; name: string }[] {
  const data = datasetShape.parse(createRequire(path.join(ROOT, 'package.json'))(DATASET));
  const days: { day: string; kind: 'holiday' | 'workday'; name: string }[] = [];
  const prefix = `${year}-`;
  for (const [kind, record] of [['holiday', data.holidays] as const, ['workday', data.workdays] as const]) {
    for (const [day, label] of Object.entries(record))
      if (day.startsWith(prefix)) days.push({ day, kind, name: label.split(',')[1] ?? label });
  }
  return days.sort((a, b) => a.day.localeCompare(b.day));
}

/** The years covered (first, and last with every year between covered) and where they come from. */
export function calendarCoverage(): { firstYear: number; lastYear: number; source: string } {
  let last = dataset.last;
  while (isCalendarYearCovered(last + 1)) last += 1;
  return { firstYear: dataset.first, lastYear: last, source: entered.years.size > 0 ? `${CALENDAR_DATASET} + admin` : CALENDAR_DATASET };
}

/** Of `years`, those the calendar does not hold. */
export function missingCalendarYears(years: readonly number[]): number[] {
  return years.filter((y) => !isCalendarYearCovered(y));
}

/** Today's date in Asia/Shanghai (UTC+8, no daylight saving), YYYY-MM-DD. */
export function todayInShanghai(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function toTime(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function toDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** Whether `date` (YYYY-MM-DD) is a working day; throws `calendar_year_not_covered` for a year the calendar lacks. */
export function isWorkingDay(date: string): boolean {
  const year = Number(date.slice(0, 4));
  if (!isCalendarYearCovered(year)) {
    throw new AppError('calendar_year_not_covered', { messageKey: 'calendar.error.notCovered', params: { year, date } });
  }
  const days: DaySets = entered.years.has(year) ? entered : dataset;
  if (days.workdays.has(date)) return true;
  if (days.holidays.has(date)) return false;
  const weekday = new Date(toTime(date)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The `days`-th working day after `from` (`from` itself not counted; 0 gives `from`). */
export function addWorkingDays(from: string, days: number): string {
  let time = toTime(from);
  for (let left = days; left > 0;) {
    time += DAY_MS;
    if (isWorkingDay(toDate(time))) left -= 1;
  }
  return toDate(time);
}

/** The answer of `count`, or null when it reached a year the dataset lacks. */
function orNullIfUncovered<T>(count: () => T): T | null {
  try {
    return count();
  } catch (err) {
    if (err instanceof AppError && err.code === 'calendar_year_not_covered') return null;
    throw err;
  }
}

/** `addWorkingDays`, or null when the count reaches a year the dataset lacks (for deadlines that may stay open). */
export function tryAddWorkingDays(from: string, days: number): string | null {
  return orNullIfUncovered(() => addWorkingDays(from, days));
}

/** Working days in (from, to]; negative (the count in (to, from]) when `to` is before `from`. */
export function workingDaysBetween(from: string, to: string): number {
  const [a, b, sign] = from <= to ? [from, to, 1] : [to, from, -1];
  let count = 0;
  for (let time = toTime(a) + DAY_MS; time <= toTime(b); time += DAY_MS) if (isWorkingDay(toDate(time))) count += 1;
  return sign * count;
}

/** `workingDaysBetween`, or null when the interval reaches a year the dataset lacks. */
export function tryWorkingDaysBetween(from: string, to: string): number | null {
  return orNullIfUncovered(() => workingDaysBetween(from, to));
}

/**
 * Whether at most `limit` working days lie in (from, to]: counts only as far as it must, so a
 * deadline far into an uncovered year still answers from the covered days before it.
 */
export function isWithinWorkingDays(from: string, to: string, limit: number): boolean {
  let count = 0;
  for (let time = toTime(from) + DAY_MS; time <= toTime(to); time += DAY_MS) {
    if (isWorkingDay(toDate(time))) count += 1;
    if (count > limit) return false;
  }
  return true;
}

/**
 * The loud start-up line when the dataset lacks this year or the next (deadlines reach into the next
 * year from November on): null when both are there.
 */
export function calendarWarning(now: Date = new Date()): string | null {
  const year = Number(todayInShanghai(now).slice(0, 4));
  const missing = missingCalendarYears([year, year + 1]);
  if (missing.length === 0) return null;
  const years = missing.join(', ');
  return [
    `!!! 工作日历未收录 ${years} 年的节假日安排：跨入该年的期限无法自动计算。请管理员在「系统管理 → 工作日历」（/admin/calendar）按国务院办公厅通知录入该年的节假日和调休上班日，或更新 chinese-days（npm install chinese-days@latest）。`,
    `!!! The working-day calendar lacks the public holidays of ${years}: deadlines reaching into it cannot be computed. An administrator enters the year's holidays and make-up working days from the State Council's notice at /admin/calendar (System → Working-day calendar), or update chinese-days.`,
  ].join('\n');
}
