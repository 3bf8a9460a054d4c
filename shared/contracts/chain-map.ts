// The chain workspace's map, gap analysis and health index (issue 13). The first fields of the map and
// health answers are the stable contract other tools use; the rest says where each figure comes from.
import { z } from 'zod';
import { periodStatus } from './periods.js';
import { chainCodeParams, chainEdge, nodeStageSchema } from './chains.js';
import { statisticalPeriodSchema } from './identifiers.js';

/** 缺链 (no local firm), 断链 (at risk), 弱链 (weak), 强 (strong): worst first, as the gap analysis decides them. */
export const GAP_STATUSES = ['missing', 'fragile', 'weak', 'strong'] as const;
export const gapStatusSchema = z.enum(GAP_STATUSES);
export type GapStatus = z.infer<typeof gapStatusSchema>;

/** The suggested action of each status: 补链 fill, 稳链 secure, 强链 grow, 延链 extend up- or downstream. */
export const GAP_ACTIONS = { missing: 'fill', fragile: 'secure', weak: 'grow', strong: 'extend' } as const satisfies Record<
  GapStatus,
  string
>;
export type GapAction = (typeof GAP_ACTIONS)[GapStatus];
export const gapActionSchema = z.enum(['fill', 'secure', 'grow', 'extend']);

/** Why a node has its status: a code and the figures its words name. */
export const GAP_REASON_CODES = [
  'no_firm',
  'single_supplier',
  'output_drop',
  'no_above_scale',
  'few_firms',
  'small_share',
  'strong',
] as const;
export const gapReasonSchema = z.object({
  code: z.enum(GAP_REASON_CODES),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The reason in words, in the caller's language ("本地无企业", "仅1家供应商：XX公司", "产值同比下降35.2%"). */
  text: z.string(),
});
export type GapReason = z.infer<typeof gapReasonSchema>;

/** The thresholds of the gap analysis, an admin setting; refused out of these ranges. */
export const gapThresholds = z.object({
  /** Fewer local firms than this make a node 弱链. */
  minFirms: z.number().int().min(1).max(20),
  /** A node whose output is below this share of the chain's output (0.02 = 2%) is 弱链. */
  minOutputShare: z.number().min(0).max(0.5),
  /** A node whose comparable output fell by this much or more year on year (0.3 = 30%) is 断链. */
  sharpDrop: z.number().min(0.05).max(0.9),
});
export type GapThresholds = z.infer<typeof gapThresholds>;
export const DEFAULT_GAP_THRESHOLDS: GapThresholds = { minFirms: 2, minOutputShare: 0.02, sharpDrop: 0.3 };
export const gapSettingsResponse = z
  .object({ thresholds: gapThresholds, updatedAt: z.string().nullable() })
  .meta({ id: 'ChainGapSettings' });

/** Where the statistics of an answer come from: the month, its publication, unit and as-of. */
export const mapFigures = z.object({
  /** 'YTD' figures: January to `period` (累计), in integer 元. */
  unit: z.literal('yuan'),
  range: z.literal('ytd'),
  status: periodStatus,
  publishedAt: z.string().nullable(),
  snapshotId: z.number().int().nullable(),
  /** The 规上 名录 year and chain-membership year the firm counts use (the year of `period`). */
  year: z.number().int(),
});

export const HEALTH_COMPONENTS = ['coverage', 'concentration', 'growth', 'chainMaster', 'gapTrend'] as const;
export const healthComponentSchema = z.object({
  name: z.enum(HEALTH_COMPONENTS),
  /** 0–1: how healthy the chain is on this component (1 best). */
  value: z.number(),
  weight: z.number(),
  /** The measured figure the value comes from (a share, a rate, an HHI, a count change), null without data. */
  raw: z.number().nullable(),
});
export const chainHealth = z.object({ score: z.number(), components: z.array(healthComponentSchema) });
export type ChainHealth = z.infer<typeof chainHealth>;

export const mapNodeFirm = z.object({
  uscc: z.string(),
  name: z.string(),
  aboveScale: z.boolean(),
  chainMaster: z.boolean(),
  output: z.number().int(),
  /** Comparable YoY growth of the firm's YTD output; null without a comparable base. */
  growth: z.number().nullable(),
});

export const mapNode = z.object({
  key: z.string(),
  name: z.string(),
  stage: nodeStageSchema,
  status: gapStatusSchema,
  enterpriseCount: z.number().int(),
  aboveScaleCount: z.number().int(),
  /** Σ YTD gross output of the node's firms for the period, integer 元 (a firm in two nodes counts in both). */
  output: z.number().int(),
  /** The first reason in words (the contract's string). */
  reason: z.string(),
  growth: z.number().nullable(),
  /** The node's output over the chain's (deduplicated) output; null when the chain has none. */
  outputShare: z.number().nullable(),
  action: gapActionSchema,
  reasons: z.array(gapReasonSchema),
  firms: z.array(mapNodeFirm),
});
export type MapNode = z.infer<typeof mapNode>;

/**
 * The chain's yearly output target against its YTD output of the map's month, with a year-end
 * projection from last year's monthly profile: projection = YTD ÷ (last year's Jan–month output ÷
 * last year's full-year output), both read from published months; null when either is unpublished.
 */
export const targetTracking = z.object({
  year: z.number().int(),
  outputTarget: z.number().int().nullable(),
  ytd: z.number().int(),
  completion: z.number().nullable(),
  lastYearShare: z.number().nullable(),
  projection: z.number().int().nullable(),
  projectedCompletion: z.number().nullable(),
});
export type TargetTracking = z.infer<typeof targetTracking>;

export const chainMapQuery = z.object({ period: statisticalPeriodSchema({ notFuture: true }).optional() });
export const chainMapParams = chainCodeParams;

export const chainMapResponse = z
  .object({
    code: z.string(),
    name: z.string(),
    period: z.string(),
    nodes: z.array(mapNode),
    edges: z.array(chainEdge),
    health: chainHealth,
    figures: mapFigures,
    thresholds: gapThresholds,
    /** Chain output (deduplicated firms), integer 元, and its comparable growth. */
    output: z.number().int(),
    growth: z.number().nullable(),
    tracking: targetTracking,
  })
  .meta({ id: 'ChainMap' });
export type ChainMapResponse = z.infer<typeof chainMapResponse>;

export const chainHealthQuery = chainMapQuery;
export const chainHealthItem = z.object({
  code: z.string(),
  name: z.string(),
  score: z.number(),
  rank: z.number().int(),
  components: z.array(healthComponentSchema),
  nodeCount: z.number().int(),
  gapCount: z.number().int(),
  output: z.number().int(),
});
export const chainHealthResponse = z
  .object({ period: z.string(), items: z.array(chainHealthItem), figures: mapFigures })
  .meta({ id: 'ChainHealthRanking' });
export type ChainHealthResponse = z.infer<typeof chainHealthResponse>;
