// Statistical periods: a month 'YYYY-MM' and the range a figure covers (当月 or 1–N月 累计).

/** `month` = 当月 (that month only); `ytd` = 1–N月 累计 (January of the period's year up to the period). */
export const MONITORING_RANGES = ['month', 'ytd'] as const;
export type MonitoringRange = (typeof MONITORING_RANGES)[number];

/** The range every screen, command and API answer opens on: 1–N月 累计, as a government brief leads with it. */
export const DEFAULT_MONITORING_RANGE: MonitoringRange = 'ytd';

/** A statistical month as stored in monthly_figures.period. */
export const PERIOD_PATTERN = /^[0-9]{4}-(0[1-9]|1[0-2])$/;

/** The earliest period the statistics accept. */
export const FIRST_PERIOD = '2000-01';

/** The time zone that decides which month is "now": the city's. */
export const STATISTICS_TIME_ZONE = 'Asia/Shanghai';

export type PeriodParts = { year: number; month: number };

/** Year and month of a 'YYYY-MM' period; throws on anything else (callers validate first). */
export function parsePeriod(period: string): PeriodParts {
  if (!PERIOD_PATTERN.test(period)) throw new Error(`not a period: ${period}`);
  return { year: Number(period.slice(0, 4)), month: Number(period.slice(5, 7)) };
}

export function formatPeriod(parts: PeriodParts): string {
  return `${String(parts.year).padStart(4, '0')}-${String(parts.month).padStart(2, '0')}`;
}

/** The same month a year earlier (上年同期): 2024-06 → 2023-06. */
export function samePeriodLastYear(period: string): string {
  const { year, month } = parsePeriod(period);
  return formatPeriod({ year: year - 1, month });
}

/**
 * The first and last month a range covers. 'YYYY-MM' sorts chronologically as text, so the months
 * of a range are `period BETWEEN from AND to`. January and February are one period, 1–2月, in either
 * range: statistics publish them together, and a firm may report them as one combined figure
 * (stored in February, with January as 0), so January alone or February 当月 alone would compare a
 * 0 or a two-month figure with one month of last year.
 */
export function rangeMonths(period: string, range: MonitoringRange): { from: string; to: string; months: number } {
  const { year, month } = parsePeriod(period);
  if (month <= 2) return { from: formatPeriod({ year, month: 1 }), to: formatPeriod({ year, month: 2 }), months: 2 };
  if (range === 'month') return { from: period, to: period, months: 1 };
  return { from: formatPeriod({ year, month: 1 }), to: period, months: month };
}

let monthFormat: Intl.DateTimeFormat | undefined;

/** The calendar month of `now` in the city's time zone, as 'YYYY-MM'. */
export function currentPeriod(now: Date = new Date()): string {
  // Made once: building an Intl formatter costs far more than using one, and this runs per request.
  monthFormat ??= new Intl.DateTimeFormat('en-CA', { timeZone: STATISTICS_TIME_ZONE, year: 'numeric', month: '2-digit' });
  const parts = monthFormat.formatToParts(now);
  const year = parts.find((p) => p.type === 'year')?.value ?? '';
  const month = parts.find((p) => p.type === 'month')?.value ?? '';
  return `${year}-${month}`;
}

/** The current calendar year in the city's time zone. */
export function currentYear(now: Date = new Date()): number {
  return Number(currentPeriod(now).slice(0, 4));
}

let dayFormat: Intl.DateTimeFormat | undefined;

/** The date of `now` in the city's time zone, as 'YYYY-MM-DD' (report deadlines are Beijing days). */
export function cityDate(now: Date = new Date()): string {
  dayFormat ??= new Intl.DateTimeFormat('en-CA', { timeZone: STATISTICS_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
  return dayFormat.format(now);
}

/** `months` months after `period` (negative: before): shiftPeriod('2024-01', -1) = '2023-12'. */
export function shiftPeriod(period: string, months: number): string {
  const { year, month } = parsePeriod(period);
  const index = year * 12 + (month - 1) + months;
  return formatPeriod({ year: Math.floor(index / 12), month: (index % 12) + 1 });
}

/** The month before `period`: 2024-01 → 2023-12. */
export function previousPeriod(period: string): string {
  const { year, month } = parsePeriod(period);
  return month === 1 ? formatPeriod({ year: year - 1, month: 12 }) : formatPeriod({ year, month: month - 1 });
}

/** The month before the current one (Beijing time): the month whose figures are being reported now. */
export function previousCalendarPeriod(now: Date = new Date()): string {
  return previousPeriod(currentPeriod(now));
}

/** Whether statistics may be asked for this period: a valid month, from 2000-01, not after the current month. */
export function isStatisticalPeriod(period: string, now: Date = new Date()): boolean {
  return PERIOD_PATTERN.test(period) && period >= FIRST_PERIOD && period <= currentPeriod(now);
}
