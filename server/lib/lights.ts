// 督办 lights of anything with a deadline (tickets now, supervision tasks next): one place, from
// the working-day calendar.
import type { TicketLight } from '../../shared/contracts/tickets.js';
import { sql, type SQL } from 'drizzle-orm';
import { tryAddWorkingDays } from './calendar.js';

/** Working days before a deadline from which the light turns yellow. */
export const YELLOW_WITHIN_WORKING_DAYS = 2;

/**
 * The two dates that decide every light on one day: a deadline earlier than `today` is red; a deadline earlier than `yellowBefore` (the third working day after today) is
 * yellow, as at most 2 working days are left; later ones green. `yellowBefore` is null when the
 * calendar cannot find three working days before a year it does not hold: then every deadline not
 * yet passed reads yellow (the conservative reading; the ticket page says the calendar is missing).
 * SQL uses the same two dates, so a list filtered by light agrees with the lights it shows.
 */
export type LightBounds = { today: string; yellowBefore: string | null };

export function lightBoundsOf(today: string): LightBounds {
  return { today, yellowBefore: tryAddWorkingDays(today, YELLOW_WITHIN_WORKING_DAYS + 1) };
}

/** Red past the deadline, yellow within 2 working days of it (its day included), green before; null without one. */
export function lightOf(deadline: string | null, bounds: LightBounds): TicketLight | null {
  if (deadline === null) return null;
  if (deadline < bounds.today) return 'red';
  if (bounds.yellowBefore === null || deadline < bounds.yellowBefore) return 'yellow';
  return 'green';
}

/** `lightOf` in SQL over a deadline expression (a date column or CASE), so lists filter by the lights they show. */
export function lightSqlOf(deadline: SQL, bounds: LightBounds): SQL {
  const yellow = bounds.yellowBefore === null ? sql`true` : sql`${deadline} < ${bounds.yellowBefore}::date`;
  return sql`(CASE WHEN ${deadline} IS NULL THEN NULL
                   WHEN ${deadline} < ${bounds.today}::date THEN 'red'
                   WHEN ${yellow} THEN 'yellow' ELSE 'green' END)`;
}
