// 预警: the data-quality and risk lists of monthly monitoring, and their thresholds (settings).
import { z } from 'zod';
import { WARNING_KINDS, type WarningKind } from '../publication/workflow.js';
import { pageQuery } from './common.js';
import { areaFilters, monitoringPeriod } from './monitoring.js';
import { firmRowFields } from './enterprises.js';
import { disposition } from './periods.js';

/**
 * The four kinds, in the order lists show them:
 * - `output_drop`: 当月 gross output down by ≥ dropThreshold year on year in P and in each of the
 *   dropMonths − 1 months before (January and February count as one month, 1–2月, from February on);
 * - `not_reported` (未报): a firm in scope with no figures for P, once the report deadline has passed;
 * - `below_scale` (退规风险): 1–P月 累计 营业收入 × 12 / months under belowScaleRevenue;
 * - `unit_slip`: 当月 gross output in P ≥ unitSlipFactor × the median of the firm's 12 stored months before.
 */
export { WARNING_KINDS, type WarningKind };
export const warningKind = z.enum(WARNING_KINDS);

/** The thresholds; defaults in DEFAULT_WARNING_SETTINGS. Money integer 元, rates fractions. */
export const warningSettings = z
  .object({
    /** A drop of at least this fraction (0.2 = 20%) year on year counts. */
    dropThreshold: z
      .number()
      .min(0.01, 'between 0.01 and 0.99 (a fraction: 0.2 = 20%)')
      .max(0.99, 'between 0.01 and 0.99 (a fraction: 0.2 = 20%)'),
    /** Months running the drop must last. */
    dropMonths: z.number().int().min(1, 'between 1 and 12 months').max(12, 'between 1 and 12 months'),
    /** The report for month M is due by this day of month M + 1 (Beijing time). */
    reportDeadlineDay: z.number().int().min(1, 'a day between 1 and 28').max(28, 'a day between 1 and 28'),
    /** Annualised revenue under this many 元 is a 退规 risk (the 规上 line is 2000万元). */
    belowScaleRevenue: z
      .number()
      .int()
      .min(1_000_000, 'between 1,000,000 and 1,000,000,000 元')
      .max(1_000_000_000, 'between 1,000,000 and 1,000,000,000 元'),
    /**
     * A month at least this many times the firm's trailing median is a suspected 元/万元 slip; at
     * least 3, so a combined 1–2月 February (about twice a month) never reads as one.
     */
    unitSlipFactor: z.number().min(3, 'between 3 and 1000').max(1000, 'between 3 and 1000'),
  })
  .strict()
  .meta({ id: 'WarningSettings' });
export type WarningSettings = z.infer<typeof warningSettings>;

export const DEFAULT_WARNING_SETTINGS: WarningSettings = {
  dropThreshold: 0.2,
  dropMonths: 2,
  reportDeadlineDay: 10,
  belowScaleRevenue: 20_000_000,
  unitSlipFactor: 10,
};

export const warningSettingsResponse = z
  .object({
    settings: warningSettings,
    /** The last change, ISO 8601; null while the defaults apply. */
    updatedAt: z.string().nullable(),
    /** Who made it (display name); null while the defaults apply or for the system. */
    updatedBy: z.string().nullable(),
  })
  .meta({ id: 'WarningSettingsResponse' });
export type WarningSettingsResponse = z.infer<typeof warningSettingsResponse>;

/**
 * `period` is optional: without it the answer is for the latest month that has figures of a firm
 * in the caller's scope (the month before the current one when there are none). `q` matches the
 * firm's name or USCC. Counts follow every filter but `kind`; `page`/`pageSize` page the items.
 */
export const warningsQuery = z.object({
  period: monitoringPeriod.optional(),
  kind: warningKind.optional(),
  ...areaFilters,
  q: z.string().trim().max(100).optional(),
  ...pageQuery.shape,
});
export type WarningsQuery = z.infer<typeof warningsQuery>;

const yuan = z.number().int();

/** One month (or the 1–2月 pair, `label` 'YYYY-01~02') of an output drop: 当月 output, its comparable base, the change. */
export const warningDropMonth = z.object({ label: z.string(), output: yuan, outputPrevYear: yuan, yoy: z.number() });

export const warningItem = z.object({
  kind: warningKind,
  ...firmRowFields,
  /** output_drop: P first, then the months before. */
  drop: z.object({ months: z.array(warningDropMonth) }).nullable(),
  /** not_reported: the day the report was due (YYYY-MM-DD, Beijing). */
  notReported: z.object({ dueDate: z.string() }).nullable(),
  /** below_scale: 1–P月 累计 营业收入, the months it covers and revenue × 12 / months (rounded 元). */
  belowScale: z.object({ revenueYtd: yuan, months: z.number().int(), annualisedRevenue: yuan }).nullable(),
  /** unit_slip: 当月 output in P, the median of the months before (rounded 元), how many months, output / median. */
  unitSlip: z.object({ output: yuan, median: yuan, medianMonths: z.number().int(), ratio: z.number() }).nullable(),
  /** How the warning was dealt with (未处理 when null). */
  disposition: disposition.nullable(),
});
export type WarningItem = z.infer<typeof warningItem>;

export const warningCounts = z.object({
  output_drop: z.number().int(),
  not_reported: z.number().int(),
  below_scale: z.number().int(),
  unit_slip: z.number().int(),
  /** Warnings, not firms: a firm on two lists counts twice. */
  total: z.number().int(),
});
export type WarningCounts = z.infer<typeof warningCounts>;

export const warningsResponse = z
  .object({
    period: z.string(),
    /** The last change of the figures of the firms in scope (max updated_at), ISO 8601; null without any. */
    asOf: z.string().nullable(),
    /** The 未报 deadline of P (YYYY-MM-DD, Beijing) and whether it has passed; not_reported is empty before. */
    dueDate: z.string(),
    deadlinePassed: z.boolean(),
    settings: warningSettings,
    counts: warningCounts,
    items: z.array(warningItem),
    /** Items matching every filter, kind included (for paging). */
    total: z.number().int(),
  })
  .meta({ id: 'Warnings' });
export type WarningsResponse = z.infer<typeof warningsResponse>;
