// Review and publication of statistical months (数据审核与发布): each month's status and its history,
// the frozen snapshots of what was published, the dispositions of 预警 (review items among them),
// and the superseded versions of monthly figures that let a snapshot read the figures as published.
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, numeric, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { inList, quoted } from './schema-checks.js';
import { PERIOD_PATTERN } from '../../shared/contracts/identifiers.js';
import { figureValueColumns } from './schema-master.js';
import { CORRECTION_SOURCES, DISPOSITION_STATUSES, PERIOD_ACTIONS, PERIOD_STATUSES } from '../../shared/publication/workflow.js';
import { actorColumns, firmMonthColumns, serialId, timestamptz, updatedAt, usccColumn, writtenAt } from './schema-columns.js';

const periodCheck = (name: string, column: string) => check(name, sql.raw(`${column} ~ ${quoted(PERIOD_PATTERN)}`));

/** A month's status, city-wide; a month without a row is 采集中 (collecting). Written only by the periods service. */
export const periodStatuses = pgTable(
  'period_statuses',
  {
    period: text('period').primaryKey(),
    status: text('status').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [periodCheck('period_statuses_period_check', 'period'), inList('period_statuses_status_check', t.status, PERIOD_STATUSES)],
);

/** Every move of a month's status: who, when, why. Never updated or deleted by the application. */
export const periodEvents = pgTable(
  'period_events',
  {
    id: serialId(),
    period: text('period').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    reason: text('reason'),
    ...actorColumns(),
    at: writtenAt('at'),
  },
  (t) => [inList('period_events_action_check', t.action, PERIOD_ACTIONS), index('period_events_period_idx').on(t.period)],
);

/**
 * What a publication released: the figures as they stood (every monthly_figures version up to
 * `figures_version`, read through monthly_figure_versions), and the engine's city-wide answers
 * (period_snapshot_answers). A republication adds a snapshot; the older ones stay.
 */
export const periodSnapshots = pgTable(
  'period_snapshots',
  {
    id: serialId(),
    period: text('period').notNull(),
    figuresVersion: bigint('figures_version', { mode: 'number' }).notNull(),
    publishedAt: writtenAt('published_at'),
    publishedBy: uuid('published_by'),
    publishedByName: text('published_by_name').notNull(),
    /** Firms expected and reported at publication (city-wide). */
    expected: integer('expected').notNull(),
    reported: integer('reported').notNull(),
  },
  (t) => [periodCheck('period_snapshots_period_check', 'period'), index('period_snapshots_period_idx').on(t.period)],
);

/** One stored answer of a snapshot, e.g. key 'chains:ytd' or 'breakdown:region:month' (city-wide, no filter). */
export const periodSnapshotAnswers = pgTable(
  'period_snapshot_answers',
  {
    snapshotId: bigint('snapshot_id', { mode: 'number' })
      .notNull()
      .references(() => periodSnapshots.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    answer: jsonb('answer').notNull(),
  },
  (t) => [primaryKey({ name: 'period_snapshot_answers_pkey', columns: [t.snapshotId, t.key] })],
);

/** The 预警 a disposition is of: the firm-month and the warning's kind (as in the warnings contract). */
const warningColumns = () => ({ period: text('period').notNull(), uscc: usccColumn().notNull(), kind: text('kind').notNull() });

/** What a disposition says besides its status: a note and, for a correction, its source and reference. */
const dispositionColumns = () => ({ note: text('note'), correctionSource: text('correction_source'), reference: text('reference') });

/**
 * The disposition of one 预警 of a firm-month (kind as in the warnings contract); a warning without
 * a row is 未处理. Rows of the review kinds (unit_slip, output_drop) are created when a month is
 * checked for review; `detected_version` is the figure's version then, so a correction can be told
 * from no change.
 */
export const warningDispositions = pgTable(
  'warning_dispositions',
  {
    ...warningColumns(),
    status: text('status').notNull().default('pending'),
    ...dispositionColumns(),
    detail: jsonb('detail'),
    detectedVersion: bigint('detected_version', { mode: 'number' }),
    updatedBy: uuid('updated_by'),
    updatedByName: text('updated_by_name'),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'warning_dispositions_pkey', columns: [t.period, t.uscc, t.kind] }),
    periodCheck('warning_dispositions_period_check', 'period'),
    inList('warning_dispositions_status_check', t.status, DISPOSITION_STATUSES),
    inList('warning_dispositions_source_check', t.correctionSource, CORRECTION_SOURCES, { nullable: true }),
    index('warning_dispositions_uscc_idx').on(t.uscc, t.period),
  ],
);

/** Every change of a disposition: who, when, the status, note and source. Never updated or deleted. */
export const warningDispositionEvents = pgTable(
  'warning_disposition_events',
  {
    id: serialId(),
    ...warningColumns(),
    status: text('status').notNull(),
    ...dispositionColumns(),
    ...actorColumns(),
    at: writtenAt('at'),
  },
  (t) => [index('warning_disposition_events_item_idx').on(t.period, t.uscc, t.kind)],
);

/**
 * The versions of monthly_figures rows that a later write replaced or a delete removed (kept by the
 * trigger of migration 0005): valid from `figure_version` until `superseded_version`. With the
 * live rows they give the figures as they stood at any version, which is how a snapshot is read.
 */
export const monthlyFigureVersions = pgTable(
  'monthly_figure_versions',
  {
    ...firmMonthColumns(),
    ...figureValueColumns(),
    source: text('source').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
    figureVersion: bigint('figure_version', { mode: 'number' }).notNull(),
    supersededVersion: bigint('superseded_version', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ name: 'monthly_figure_versions_pkey', columns: [t.uscc, t.period, t.figureVersion] })],
);

/** The per-firm figures over a range (monitoring.sql.ts firmRangeSql's columns), as both rollups store them. */
const firmStatColumns = () => ({
  output: numeric('output').notNull(),
  base: numeric('base').notNull(),
  reported: boolean('reported').notNull(),
  hasBase: boolean('has_base').notNull(),
  publishedLast: numeric('published_last').notNull(),
  asOfNow: timestamptz('as_of_now'),
  asOfPrev: timestamptz('as_of_prev'),
  revenue: numeric('m_revenue').notNull(),
  revenueBase: numeric('m_revenue_base').notNull(),
  revenueHasBase: boolean('m_revenue_has_base').notNull(),
  profit: numeric('m_profit').notNull(),
  profitBase: numeric('m_profit_base').notNull(),
  profitHasBase: boolean('m_profit_has_base').notNull(),
  taxes: numeric('m_taxes').notNull(),
  taxesBase: numeric('m_taxes_base').notNull(),
  taxesHasBase: boolean('m_taxes_has_base').notNull(),
  electricityKwh: numeric('m_electricity_kwh').notNull(),
  electricityKwhBase: numeric('m_electricity_kwh_base').notNull(),
  electricityKwhHasBase: boolean('m_electricity_kwh_has_base').notNull(),
  employees: numeric('m_employees').notNull(),
});

/**
 * The statistics engine's per-firm figures over a range of months, as they stood at a figures version
 * (monitoring.sql.ts firmStatsSql: one row per firm with figures in the range). The figures up to a
 * version never change (a later write gets a later version and the trigger keeps the replaced row),
 * so a row is never updated: it is written when a month is published (and on the first read of a
 * published month loaded as history) and read instead of the firm's months by every answer from that
 * snapshot, whatever the caller's scope. Memberships and the 规上 名录 are still read live, so a
 * membership change shows at once. A firm without a row is computed from its months as before.
 * Sums are numeric, as the engine's own sums of bigint columns.
 */
export const frozenFirmStats = pgTable(
  'frozen_firm_stats',
  {
    figuresVersion: bigint('figures_version', { mode: 'number' }).notNull(),
    rangeFrom: text('range_from').notNull(),
    rangeTo: text('range_to').notNull(),
    uscc: usccColumn().notNull(),
    ...firmStatColumns(),
  },
  (t) => [
    primaryKey({ name: 'frozen_firm_stats_pkey', columns: [t.figuresVersion, t.rangeFrom, t.rangeTo, t.uscc] }),
    periodCheck('frozen_firm_stats_range_from_check', 'range_from'),
    periodCheck('frozen_firm_stats_range_to_check', 'range_to'),
  ],
);

/**
 * The per-firm figures of the live (stored now) monthly rows over each year-to-date range
 * (range_from = the year's January, range_to = a month of that year): the columns of
 * frozen_firm_stats, kept equal to the computation from the months by the triggers of migration
 * 0025 in the same transaction as every write of monthly_figures (a firm-year and the next year,
 * whose base it is, recomputed). A firm has a row for each month of a year from the first month
 * with a figure of it or of its year before; a missing row is computed from the months.
 */
export const liveFirmYtd = pgTable(
  'live_firm_ytd',
  {
    uscc: usccColumn().notNull(),
    rangeTo: text('range_to').notNull(),
    ...firmStatColumns(),
  },
  (t) => [
    primaryKey({ name: 'live_firm_ytd_pkey', columns: [t.uscc, t.rangeTo] }),
    periodCheck('live_firm_ytd_range_to_check', 'range_to'),
  ],
);
