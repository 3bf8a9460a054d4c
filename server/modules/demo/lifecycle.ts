// When a demo firm is in the 规上 名录 and when it reports.
import { FIRST_YEAR, LAST_PERIOD, LAST_YEAR, type Lifecycle } from './demo-types.js';

/** The years the firm is in the 规上 名录. */
export function scaleYearsOf(lifecycle: Lifecycle): number[] {
  const years: number[] = [];
  const from = lifecycle.kind === 'entrant' || lifecycle.kind === 'newPlant' ? lifecycle.year : FIRST_YEAR;
  const to = lifecycle.kind === 'leaver' ? lifecycle.lastYear : LAST_YEAR;
  for (let y = from; y <= to; y += 1) years.push(y);
  return years;
}

/**
 * First month the firm reports: an entrant reported below scale from January of the year before
 * it entered; a new plant from its first month of production.
 */
export function firstPeriodOf(lifecycle: Lifecycle): string {
  if (lifecycle.kind === 'entrant') return `${Math.max(FIRST_YEAR, lifecycle.year - 1)}-01`;
  if (lifecycle.kind === 'newPlant') return lifecycle.start;
  return `${FIRST_YEAR}-01`;
}

/** Last month the firm reports: a leaver stops with December of its last year in the 名录. */
export function lastPeriodOf(lifecycle: Lifecycle): string {
  return lifecycle.kind === 'leaver' ? `${lifecycle.lastYear}-12` : LAST_PERIOD;
}

/** Whether the firm reported every month of Jan–Jun of `year` (a full comparable base). */
export function reportsFullH1(lifecycle: Lifecycle, year: number): boolean {
  return firstPeriodOf(lifecycle) <= `${year}-01` && lastPeriodOf(lifecycle) >= `${year}-06`;
}
