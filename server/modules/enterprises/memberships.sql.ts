// When a chain membership counts. A membership row holds the years it is valid for
// (valid_from_year..valid_to_year, a null end open): the statistics of a year use the memberships of
// that year; lists, data scopes and profiles use the current ones (those not ended before this year).
import { sql, type SQL } from 'drizzle-orm';
import { currentYear } from '../../../shared/stats/period.js';

// The city's current year, re-exported for the membership callers (defined once in shared/stats/period.ts).
export { currentYear };

/** Whether the membership row `alias` counts in `year`. */
export function membershipInYearSql(alias: string, year: number): SQL {
  const m = sql.raw(alias);
  return sql`(${m}.valid_from_year IS NULL OR ${m}.valid_from_year <= ${year}) AND (${m}.valid_to_year IS NULL OR ${m}.valid_to_year >= ${year})`;
}

/** Whether the membership row `alias` is current: not ended before this year (one starting later counts too). */
export function membershipCurrentSql(alias: string, now: Date = new Date()): SQL {
  const m = sql.raw(alias);
  return sql`(${m}.valid_to_year IS NULL OR ${m}.valid_to_year >= ${currentYear(now)})`;
}
