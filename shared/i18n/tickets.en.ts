import type { ticketsZhCN } from './tickets.zh-CN.js';

/** English messages of the calendar, tickets, supervision and notifications. */
export const ticketsEn: Record<keyof typeof ticketsZhCN, string> = {
  'error.calendar_year_not_covered': 'The working-day calendar does not hold that year’s public holidays; working days cannot be counted.',
  'calendar.error.notCovered':
    'The working-day calendar does not hold the public holidays of {year} (date {date}), so working days cannot be counted; update the chinese-days package or enter the deadline by hand.',
  'calendar.warning.missingYears':
    'The working-day calendar does not hold the public holidays of {years}: deadlines reaching into it cannot be computed; enter them by hand.',
};
