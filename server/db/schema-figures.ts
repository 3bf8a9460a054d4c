// The trail of monthly figures: every write of an enterprise-month keeps the values before and after
// (who, when, from which source), and the marks that say how a month must be read.
import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { list, pattern, references } from './schema-checks.js';
import { createdAt, firmMonthColumns, money, serialId, writtenAt } from './schema-columns.js';
import { PERIOD_PATTERN } from '../../shared/contracts/identifiers.js';
import { FIGURE_SOURCES } from '../../shared/contracts/figures.js';
import { enterprises, ofFirmMonth } from './schema-master.js';

/**
 * One row per write of a monthly_figures row: `old_values` null when the write created the month,
 * else the whole row as it was; `new_values` the whole row after. Keys are the camelCase field names
 * of the API (grossOutput, …, prevYearTaxes), values integer 元 / kWh / persons or null. Never
 * updated or deleted by the application.
 */
export const monthlyFigureRevisions = pgTable(
  'monthly_figure_revisions',
  {
    id: serialId(),
    ...firmMonthColumns(),
    oldValues: jsonb('old_values'),
    newValues: jsonb('new_values').notNull(),
    source: text('source').notNull(),
    /** The user; null for the system (CLI, seeding). */
    changedBy: uuid('changed_by'),
    changedByName: text('changed_by_name').notNull(),
    changedAt: writtenAt('changed_at'),
  },
  (t) => [
    ...ofFirmMonth('monthly_figure_revisions', t),
    check('monthly_figure_revisions_source_check', sql.raw(`source in (${list(FIGURE_SOURCES)})`)),
    index('monthly_figure_revisions_month_idx').on(t.uscc, t.period),
  ],
);

/** Marks on a stored month. `jan_feb_combined` (on February): the month holds the 1–2月 total, January is 0. */
export const FIGURE_MARKS = ['jan_feb_combined'] as const;
export type FigureMark = (typeof FIGURE_MARKS)[number];

/**
 * How a stored month must be read. January and February are often reported together as one 1–2月
 * figure; it is stored whole in February with January 0 (so every year-to-date sum from February on
 * is right), and this mark says the January 0 is not a real zero.
 */
export const monthlyFigureMarks = pgTable(
  'monthly_figure_marks',
  {
    ...firmMonthColumns(),
    mark: text('mark').$type<FigureMark>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'monthly_figure_marks_pkey', columns: [t.uscc, t.period, t.mark] }),
    references('monthly_figure_marks_uscc_fkey', t.uscc, enterprises.uscc),
    check('monthly_figure_marks_mark_check', sql.raw(`mark in (${list(FIGURE_MARKS)})`)),
    check(
      'monthly_figure_marks_period_check',
      sql`${t.period} ~ ${pattern(PERIOD_PATTERN)} AND (${t.mark} <> 'jan_feb_combined' OR ${t.period} LIKE '%-02')`,
    ),
  ],
);

/** The measures a 本年累计 can be reported for, as monthly_figures column names. */
export const YTD_COLUMNS = ['gross_output', 'revenue', 'profit', 'taxes', 'electricity_kwh'] as const;
export type YtdColumn = (typeof YTD_COLUMNS)[number];

/**
 * A 本年累计 (1–M月 year to date) a firm reported, kept as a fact when its 当月 was derived from it
 * (当月(M) = 累计(M) − Σ 当月(1…M−1)). A later revision of an earlier month makes the derived 当月
 * stale (累计 − Σ no longer equals it); the fact lets the figures page say so and re-derive on
 * confirmation. Dropped when the month's 当月 is reported or entered directly.
 */
export const monthlyFigureYtd = pgTable(
  'monthly_figure_ytd',
  {
    ...firmMonthColumns(),
    /** The monthly_figures column the 累计 is of. */
    measure: text('measure').$type<YtdColumn>().notNull(),
    /** The reported 累计, integer 元 (kWh for electricity). */
    ytdValue: money('ytd_value').notNull(),
    reportedAt: writtenAt('reported_at'),
  },
  (t) => [
    primaryKey({ name: 'monthly_figure_ytd_pkey', columns: [t.uscc, t.period, t.measure] }),
    ...ofFirmMonth('monthly_figure_ytd', t),
    check('monthly_figure_ytd_measure_check', sql.raw(`measure in (${list(YTD_COLUMNS)})`)),
  ],
);
