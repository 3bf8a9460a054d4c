// The working-day calendar's years entered by the admin from the State Council's notice: a year the
// `chinese-days` dataset lacks (or corrects), with its public holidays and make-up working days. A
// row in `calendar_years` declares the year complete; its `calendar_days` then replace the
// dataset's for that year (server/lib/calendar.ts).
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { CALENDAR_DAY_KINDS } from '../../shared/contracts/calendar.js';
import { inList, references } from './schema-checks.js';
import { day, writtenAt } from './schema-columns.js';

export const calendarYears = pgTable(
  'calendar_years',
  {
    year: integer('year').primaryKey(),
    /** The notice the days come from, e.g. 国办发明电〔2026〕7号. */
    notice: text('notice').notNull(),
    enteredBy: uuid('entered_by'),
    enteredByName: text('entered_by_name').notNull(),
    enteredAt: writtenAt('entered_at'),
  },
  (t) => [check('calendar_years_year_check', sql`${t.year} between 2000 and 2100`)],
);

export const calendarDays = pgTable(
  'calendar_days',
  {
    day: day('day').primaryKey(),
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    /** The holiday's name (元旦, 春节…); a make-up day carries the name of the holiday it makes up for. */
    name: text('name').notNull(),
  },
  (t) => [
    references('calendar_days_year_fkey', t.year, calendarYears.year).onDelete('cascade'),
    inList('calendar_days_kind_check', t.kind, CALENDAR_DAY_KINDS),
    check('calendar_days_year_check', sql`extract(year from ${t.day})::int = ${t.year}`),
    index('calendar_days_year_idx').on(t.year),
  ],
);
