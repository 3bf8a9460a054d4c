// 督查考核 assessment: schemes versioned by year (indicators with weights and scoring rules, bonus and
// deduction items, 一票否决 vetoes), the assessors' entries (manual scores with evidence, bonus and
// deduction points, veto marks with their reason) and stored runs with every indicator's source figures.
import { z } from 'zod';
import { idParams, itemList, requiredText, serialId, yearParam } from './common.js';
import { PARK_LEVELS } from './parks.js';
import type { Role } from '../roles.js';

/** What a scheme scores: the 15 chains (链长制考核) or the parks (五好园区). */
/** Who writes schemes, enters figures and runs them: the admin, city leaders and the chain offices (督查考核 is their work). */
export const ASSESSMENT_MANAGER_ROLES: readonly Role[] = ['admin', 'leader', 'chain_office'];
/** Who reads schemes and results: the managers, and the assessed (链长 their chains, 园区 and 县市区 their parks). */
export const ASSESSMENT_READER_ROLES: readonly Role[] = [...ASSESSMENT_MANAGER_ROLES, 'chain_chief', 'park', 'county'];

export const ASSESSMENT_KINDS = ['chain', 'park'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];

/** draft: being written; active: the year's scheme; archived: replaced by a later version. */
export const SCHEME_STATUSES = ['draft', 'active', 'archived'] as const;
export type SchemeStatus = (typeof SCHEME_STATUSES)[number];

/** The item kinds an assessor enters figures for. */
export const ENTRY_KINDS = ['manual', 'bonus', 'deduction', 'veto'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

const itemCode = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower-case letters, digits and _ (a letter first)');
const itemName = requiredText(80);
const finite = z.number().finite();

/**
 * A scoring rule (see the top of server/modules/assessment/assessment.scoring.ts):
 * `linear` full marks at `target`, none at `floor`, in proportion between; `rank` full marks to the
 * best, then by rank; `threshold` the share of the highest step reached.
 */
export const scoringRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('linear'), floor: finite, target: finite }).refine((r) => r.target !== r.floor, {
    message: 'target must differ from floor',
    path: ['target'],
  }),
  z.object({ kind: z.literal('rank') }),
  z.object({
    kind: z.literal('threshold'),
    steps: z
      .array(z.object({ atLeast: finite, share: z.number().min(0).max(1) }))
      .min(1)
      .max(10),
  }),
]);
export type ScoringRule = z.infer<typeof scoringRule>;
export const SCORING_RULE_KINDS = ['linear', 'rank', 'threshold'] as const;

export const schemeIndicator = z.object({
  code: itemCode,
  name: itemName,
  /** The 五好 heading (规划定位好…) or any grouping the scheme uses; empty when none. */
  group: z.string().trim().max(40).default(''),
  weight: z.number().positive().max(100),
  /** A key of the source registry (GET /api/assessment/sources); checked by the server. */
  source: requiredText(40),
  rule: scoringRule,
});
export type SchemeIndicator = z.infer<typeof schemeIndicator>;

/** A bonus or deduction item: up to `maxPoints` points per object, entered with evidence. */
export const schemeAdjustment = z.object({ code: itemCode, name: itemName, maxPoints: z.number().positive().max(100) });
/** 一票否决: the condition that, when met, zeroes an object's total (marked with a reason). */
export const schemeVeto = z.object({ code: itemCode, name: itemName });

export const schemeDefinition = z.object({
  indicators: z.array(schemeIndicator).min(1).max(60),
  bonuses: z.array(schemeAdjustment).max(20).default([]),
  deductions: z.array(schemeAdjustment).max(20).default([]),
  vetoes: z.array(schemeVeto).max(20).default([]),
});
export type SchemeDefinition = z.infer<typeof schemeDefinition>;

export const createSchemeRequest = z.object({
  kind: z.enum(ASSESSMENT_KINDS),
  year: yearParam,
  name: requiredText(80),
  definition: schemeDefinition,
});
export type CreateSchemeRequest = z.infer<typeof createSchemeRequest>;

export const updateSchemeRequest = z.object({
  name: requiredText(80).optional(),
  status: z.enum(SCHEME_STATUSES).optional(),
  definition: schemeDefinition.optional(),
});
export type UpdateSchemeRequest = z.infer<typeof updateSchemeRequest>;

export const schemeParams = idParams;
export const runParams = schemeParams;
export const listSchemesQuery = z.object({ kind: z.enum(ASSESSMENT_KINDS).optional(), year: yearParam.optional() });

export const schemeItem = z.object({
  id: z.number().int(),
  kind: z.enum(ASSESSMENT_KINDS),
  year: z.number().int(),
  version: z.number().int(),
  name: z.string(),
  status: z.enum(SCHEME_STATUSES),
  weightSum: z.number(),
  indicatorCount: z.number().int(),
  runCount: z.number().int(),
  lastRunId: z.number().int().nullable(),
  updatedAt: z.string(),
});
export type SchemeItem = z.infer<typeof schemeItem>;
export const listSchemesResponse = itemList(schemeItem);

/** An assessor's entry for one object and one manual, bonus, deduction or veto item. */
export const assessmentEntry = z.object({
  /** A chain's code, or a park's id as text. */
  objectCode: requiredText(20),
  itemCode: itemCode,
  /** The manual indicator's value or the points; none for a veto. */
  value: finite.nullable().default(null),
  /** What the figure rests on (text and/or a link): required, a veto's reason included. */
  evidence: z.string().trim().max(1000).default(''),
});
export type AssessmentEntry = z.infer<typeof assessmentEntry>;
export const putEntryRequest = assessmentEntry;
export type PutEntryRequest = z.input<typeof putEntryRequest>;

/** What a scheme scores: a chain (by its code) or a park (by its id as text), with its name. */
const assessedObject = z.object({
  code: z.string(),
  name: z.string(),
  /** Parks: national or provincial (ranked separately); chains: null. */
  level: z.enum(PARK_LEVELS).nullable(),
});

export const schemeDetail = schemeItem.extend({
  definition: schemeDefinition,
  entries: z.array(assessmentEntry.extend({ kind: z.enum(ENTRY_KINDS), enteredBy: z.string().nullable(), enteredAt: z.string() })),
  /** The objects the scheme scores (chains of its year, or parks), for the entry forms. */
  objects: z.array(assessedObject),
});
export type SchemeDetail = z.infer<typeof schemeDetail>;

/** One entry of the source registry as the web lists it. */
export const sourceItem = z.object({ key: z.string(), kinds: z.array(z.enum(ASSESSMENT_KINDS)), label: z.string(), unit: z.string() });
export const listSourcesResponse = itemList(sourceItem);

/**
 * The figures an indicator was scored on, kept with the run: the value, its period, when its data
 * was last changed and whether it was published (a frozen snapshot), live data or an assessor's entry.
 */
export const sourceFigures = z.object({
  value: z.number().nullable(),
  unit: z.string(),
  period: z.string().nullable(),
  asOf: z.string().nullable(),
  status: z.enum(['published', 'preliminary', 'live', 'manual', 'none']),
  /** The numbers the value is made of (numerator, denominator, counts…). */
  detail: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
  evidence: z.string().nullable(),
});
export type SourceFigures = z.infer<typeof sourceFigures>;

export const indicatorResult = z.object({
  code: z.string(),
  name: z.string(),
  group: z.string(),
  weight: z.number(),
  source: z.string(),
  /** The method: the web words it (assessment.rule.* messages). */
  rule: scoringRule,
  score: z.number(),
  figures: sourceFigures,
});
export type IndicatorResult = z.infer<typeof indicatorResult>;

export const adjustmentResult = z.object({
  kind: z.enum(['bonus', 'deduction', 'veto']),
  code: z.string(),
  name: z.string(),
  points: z.number(),
  evidence: z.string(),
});

export const objectResult = z.object({
  ...assessedObject.shape,
  regionCode: z.string().nullable(),
  indicatorTotal: z.number(),
  bonus: z.number(),
  deduction: z.number(),
  vetoed: z.boolean(),
  total: z.number(),
  /** 1 = best within its ranking (all chains; the parks of its level); a vetoed object ranks last. */
  rank: z.number().int(),
  indicators: z.array(indicatorResult),
  adjustments: z.array(adjustmentResult),
});
export type ObjectResult = z.infer<typeof objectResult>;

export const runSummary = z.object({
  id: z.number().int(),
  schemeId: z.number().int(),
  schemeName: z.string(),
  schemeVersion: z.number().int(),
  kind: z.enum(ASSESSMENT_KINDS),
  year: z.number().int(),
  ranAt: z.string(),
  ranBy: z.string(),
  objectCount: z.number().int(),
});
export type RunSummary = z.infer<typeof runSummary>;
export const listRunsQuery = z.object({ schemeId: serialId.optional() });
export const listRunsResponse = itemList(runSummary);

export const runDetail = runSummary.extend({ definition: schemeDefinition, results: z.array(objectResult) });
export type RunDetail = z.infer<typeof runDetail>;

/** The sum of a definition's weights, to 2 decimals (the editor's live sum, the server's check). */
export function weightSumOf(indicators: readonly { weight: number }[]): number {
  return Math.round(indicators.reduce((sum, i) => sum + i.weight, 0) * 100) / 100;
}
