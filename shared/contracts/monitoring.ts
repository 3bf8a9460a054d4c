import { z } from 'zod';
import { DEFAULT_MONITORING_RANGE, MONITORING_RANGES } from '../stats/period.js';
import { chainCodeSchema as chainCode, regionCodeSchema as regionCode, statisticalPeriodSchema } from './identifiers.js';
import { pageQuery, serialId } from './common.js';
import type { Role } from '../roles.js';
import { firmRowFields } from './enterprises.js';
import { publicationBlock } from './periods.js';

/**
 * Roles that read the city's statistics (monitoring, 预警): everyone but 企业. An enterprise sees its own
 * reports, never the city's or other firms' figures.
 */
export const MONITORING_READER_ROLES: readonly Role[] = ['admin', 'leader', 'chain_chief', 'chain_office', 'department', 'park', 'county'];

/**
 * A statistical month 'YYYY-MM', from 2000-01 up to the current month (Beijing time): a month in
 * the future has no figures yet, and asking for one is a mistake worth saying so.
 */
export const monitoringPeriod = statisticalPeriodSchema({ notFuture: true });

/** `month` = 当月; `ytd` = 1–N月 累计 (the default). */
export const monitoringRange = z.enum(MONITORING_RANGES);

export const monitoringQuery = z.object({
  period: monitoringPeriod,
  range: monitoringRange.default(DEFAULT_MONITORING_RANGE),
});
export type MonitoringQuery = z.infer<typeof monitoringQuery>;

/**
 * The chains query: without `period`, the latest published month (data staff with nothing published
 * yet: the latest month with figures of a firm they may see); the answer's `period` says which.
 */
export const monitoringChainsQuery = monitoringQuery.extend({ period: monitoringPeriod.optional() });
export type MonitoringChainsQuery = z.infer<typeof monitoringChainsQuery>;

const yuan = z.number().int();
const count = z.number().int();

/**
 * One of the other measures over the period: `value` = Σ over the firms that reported it;
 * `prevYear` = Σ of the comparable bases (上年同期 reported with the month, else the firm's stored
 * figure a year earlier) of the firms that have one for every month they reported; `yoy` = those
 * firms' Σ value / prevYear − 1 (null without a positive base: 利润总额 may be a loss).
 */
export const measureFigures = z.object({ value: z.number().int(), prevYear: z.number().int(), yoy: z.number().nullable() });

/** 营业收入, 利润总额, 税金总额 (元), 用电量 (kWh), and 从业人员 as the sum of the firms' average headcount over the months they reported. */
export const otherMeasures = z.object({
  revenue: measureFigures,
  profit: measureFigures,
  taxes: measureFigures,
  electricityKwh: measureFigures,
  employees: z.number().int(),
});
export type OtherMeasures = z.infer<typeof otherMeasures>;

/**
 * Output and growth of a set of firms, money in integer 元, rates as fractions (0.1234 = +12.34%).
 * `output`: every firm in scope. `outputPrevYear`: the comparable bases (同口径) of the firms that
 * have one, and `comparableOutput` their output now, so `yoy` = comparableOutput / outputPrevYear − 1.
 * `publishedYoy` is the published-to-published growth (output now over last year's scope), shown
 * for transparency only.
 */
export const growthFigures = z.object({
  output: yuan,
  outputPrevYear: yuan,
  yoy: z.number().nullable(),
  enterpriseCount: count,
  excludedFromGrowth: count,
  comparableOutput: yuan,
  notReportedCount: count,
  publishedOutputPrevYear: yuan,
  publishedYoy: z.number().nullable(),
  /** The other measures of the same firms and months. */
  measures: otherMeasures,
});
export type GrowthFiguresItem = z.infer<typeof growthFigures>;

/** A part of the total (a chain, county, park, industry or node) with its 拉动 (pp) and 贡献率. */
export const growthPart = z.object({
  code: z.string(),
  name: z.string(),
  ...growthFigures.shape,
  /** 拉动, percentage points of the total's growth. */
  contributionPp: z.number().nullable(),
  /** 贡献率, a fraction of the total's change. */
  contributionShare: z.number().nullable(),
});

/** What every monitoring answer's money and growth are in: integer 元, comparable (同口径) growth. */
const figuresBasis = { unit: z.literal('元'), basis: z.literal('comparable') };

const answerHeader = {
  period: z.string(),
  range: monitoringRange,
  /** The months the answer covers: the range of `period`, except that January and February are always 1–2月 together. */
  months: z.object({ from: z.string(), to: z.string() }),
  /** The last change of the data used (max monthly_figures.updated_at), ISO 8601; null without data. */
  asOf: z.string().nullable(),
  ...figuresBasis,
};

/** The chains answer as computed (and as stored with a snapshot), without its publication block. */
export const monitoringChainsAnswer = z.object({
  ...answerHeader,
  /** Deduplicated over all chain firms the caller may see (a firm in two chains once); chainSum is the per-chain sum. */
  total: growthFigures.extend({ chainSum: z.object({ output: yuan, enterpriseCount: count }) }),
  /** Chains with comparable growth ≥ 10.0%. */
  doubleDigitCount: count,
  chains: z.array(growthPart.extend({ doubleDigit: z.boolean() })),
});
export type MonitoringChainsAnswer = z.infer<typeof monitoringChainsAnswer>;

/** Every monitoring answer carries `publication`: the month's status, coverage and what was held back. */
export const monitoringChainsResponse = monitoringChainsAnswer.extend({ publication: publicationBlock }).meta({ id: 'MonitoringChains' });
export type MonitoringChainsResponse = z.infer<typeof monitoringChainsResponse>;

/** Narrows a statistics list to one chain, one county (`region`) or one park (by id). */
export const areaFilters = { chain: chainCode.optional(), region: regionCode.optional(), park: serialId.optional() };

export const BREAKDOWN_DIMENSIONS = ['chain', 'region', 'park', 'industry', 'node'] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

/**
 * A breakdown of the chain firms in the caller's scope, optionally narrowed to one chain, one county
 * (`region`) or one park (by id): e.g. a county's chains (`by=chain&region=430421`), then that
 * chain's nodes within the county (`by=node&chain=CH02&region=430421`).
 */
export const monitoringBreakdownQuery = monitoringQuery
  .extend({
    by: z.enum(BREAKDOWN_DIMENSIONS),
    ...areaFilters,
  })
  .refine((q) => q.by !== 'node' || q.chain !== undefined, { message: 'by=node needs a chain', path: ['chain'] });
export type MonitoringBreakdownQuery = z.infer<typeof monitoringBreakdownQuery>;

export const monitoringBreakdownAnswer = z.object({
  ...answerHeader,
  by: z.enum(BREAKDOWN_DIMENSIONS),
  chain: z.string().nullable(),
  region: z.string().nullable(),
  park: z.number().int().nullable(),
  /** Deduplicated over the firms broken down (the chain's, or all chain firms the caller may see). */
  total: growthFigures,
  rows: z.array(growthPart),
});
export type MonitoringBreakdownAnswer = z.infer<typeof monitoringBreakdownAnswer>;

export const monitoringBreakdownResponse = monitoringBreakdownAnswer
  .extend({ publication: publicationBlock })
  .meta({ id: 'MonitoringBreakdown' });
export type MonitoringBreakdownResponse = z.infer<typeof monitoringBreakdownResponse>;

export const monitoringEnterprisesQuery = monitoringQuery
  .extend({
    ...pageQuery.shape,
    ...areaFilters,
    /** A node of `chain` (its id, as in the node breakdown's `code`): the firms with a membership in it. */
    node: serialId.optional(),
  })
  .refine((q) => q.node === undefined || q.chain !== undefined, { message: 'node needs a chain', path: ['chain'] });
export type MonitoringEnterprisesQuery = z.infer<typeof monitoringEnterprisesQuery>;

/** Why a firm has no growth rate: no report in the range, a reported month without a base, or a base of 0. */
export const YOY_MISSING_REASONS = ['not_reported', 'no_base', 'zero_base'] as const;

export const monitoringEnterpriseItem = z.object({
  rank: count,
  ...firmRowFields,
  output: yuan,
  /** The firm's comparable base; null when it has none. */
  outputPrevYear: yuan.nullable(),
  yoy: z.number().nullable(),
  yoyMissingReason: z.enum(YOY_MISSING_REASONS).nullable(),
  measures: otherMeasures,
});
export type MonitoringEnterpriseItem = z.infer<typeof monitoringEnterpriseItem>;

export const monitoringEnterprisesResponse = z
  .object({ ...answerHeader, items: z.array(monitoringEnterpriseItem), total: count, publication: publicationBlock })
  .meta({ id: 'MonitoringEnterprises' });
export type MonitoringEnterprisesResponse = z.infer<typeof monitoringEnterprisesResponse>;

/** The month-by-month trend: `months` months of 当月 figures ending with `period`. */
export const monitoringTrendQuery = z.object({
  period: monitoringPeriod,
  months: z.coerce.number().int().min(2).max(60).default(24),
});
export type MonitoringTrendQuery = z.infer<typeof monitoringTrendQuery>;

/**
 * One month of the trend: the deduplicated chain total of that month alone (当月), exactly as
 * `/api/monitoring/chains?range=month` computes it; all null (and `reportedCount` 0) for a month
 * without figures. January and February are one point (`janFeb`, period YYYY-02: 1–2月, as
 * `/api/monitoring/chains?range=ytd` gives it for February); January stands alone only when the
 * trend ends with it.
 */
export const monitoringTrendPoint = z.object({
  period: z.string(),
  janFeb: z.boolean(),
  output: yuan.nullable(),
  comparableOutput: yuan.nullable(),
  outputPrevYear: yuan.nullable(),
  yoy: z.number().nullable(),
  /** Firms in scope that reported the month. */
  reportedCount: count,
});
export type MonitoringTrendPoint = z.infer<typeof monitoringTrendPoint>;

export const monitoringTrendResponse = z
  .object({
    period: z.string(),
    months: count,
    /** The last change of the rows used (this year's figures and their bases), ISO 8601; null without data. */
    asOf: z.string().nullable(),
    ...figuresBasis,
    /** Oldest first; January inside its 1–2月 point, so fewer points than months. */
    points: z.array(monitoringTrendPoint),
    /** Of the last month: a published month's trend is the figures as published with it. */
    publication: publicationBlock,
  })
  .meta({ id: 'MonitoringTrend' });
export type MonitoringTrendResponse = z.infer<typeof monitoringTrendResponse>;
