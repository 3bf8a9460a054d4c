import { z } from 'zod';
import {
  expectedVersionField,
  importOutcomeFields,
  importTallyFields,
  pagedList,
  queryBoolean,
  requiredText,
  searchPageQuery,
  serialId,
  versionField,
} from './common.js';
import { nodeStageSchema } from './chains.js';
import { gbt4754CodeSchema } from './identifiers.js';
import { parkListItem } from './parks.js';
import { regionItem } from './regions.js';
import type { Role } from '../roles.js';

/** Roles that edit enterprise master data (inside their scope; the server checks the scope). */
export const ENTERPRISE_EDITOR_ROLES: readonly Role[] = ['admin', 'chain_chief', 'chain_office', 'park', 'county'];

/** The flags a firm carries (链主, 专精特新, 高新技术企业, 上市); list filters name them by these keys. */
export const ENTERPRISE_FLAGS = ['chainMaster', 'specialized', 'highTech', 'listed'] as const;
export type EnterpriseFlag = (typeof ENTERPRISE_FLAGS)[number];

const year = z.number().int().min(1990).max(2100);

/** A firm as every list of firms names it (the enterprise list, the statistics and warning lists): USCC, name, county, park and chains. */
export const firmRowFields = {
  uscc: z.string(),
  name: z.string(),
  regionCode: z.string(),
  /** Full name of the firm's park, null when it is outside every park. */
  parkName: z.string().nullable(),
  /** Chains the firm has a membership in; its primary chain first. */
  chainCodes: z.array(z.string()),
};

/** One row of the enterprise list. The first six fields are the stable contract other tools use. */
export const enterpriseListItem = z.object({
  ...firmRowFields,
  /** Years the firm is in the 规上 名录, ascending. */
  aboveScaleYears: z.array(z.number().int()),
  regionName: z.string(),
  parkId: z.number().int().nullable(),
  parkShortName: z.string().nullable(),
  isChainMaster: z.boolean(),
  isSpecialized: z.boolean(),
  isHighTech: z.boolean(),
  isListed: z.boolean(),
});
export type EnterpriseListItem = z.infer<typeof enterpriseListItem>;

const flagQuery = z.enum(ENTERPRISE_FLAGS);

/** `q`: part of the name or of the 统一社会信用代码. */
export const listEnterprisesQuery = searchPageQuery.extend({
  /** Region code (GB/T 2260 or statistical zone code). */
  region: z.string().trim().max(16).optional(),
  /** Park id. */
  park: serialId.optional(),
  /** Chain code: firms with a membership in any node of the chain. */
  chain: z.string().trim().max(16).optional(),
  /** Only firms carrying this flag. */
  flag: flagQuery.optional(),
  /** Only firms in the 规上 名录 of this year. */
  aboveScaleYear: z.coerce.number().int().min(1990).max(2100).optional(),
});
export type ListEnterprisesQuery = z.infer<typeof listEnterprisesQuery>;

export const listEnterprisesResponse = pagedList(enterpriseListItem);
export type ListEnterprisesResponse = z.infer<typeof listEnterprisesResponse>;

export const enterpriseMembership = z.object({
  nodeId: z.number().int(),
  chainCode: z.string(),
  chainName: z.string(),
  nodeKey: z.string(),
  nodeName: z.string(),
  stage: nodeStageSchema,
  isPrimary: z.boolean(),
  /** First year the membership counts in the statistics; null = since the records begin. */
  validFromYear: z.number().int().nullable(),
  /** Last year it counts; null = still current. */
  validToYear: z.number().int().nullable(),
});
export type EnterpriseMembership = z.infer<typeof enterpriseMembership>;

/** An enterprise's profile: the list row plus its industry code, memberships (past ones too, with their years) and timestamps. */
export const enterpriseProfile = enterpriseListItem.extend({
  gbt4754Code: z.string().nullable(),
  isDemo: z.boolean(),
  ...versionField,
  memberships: z.array(enterpriseMembership),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EnterpriseProfile = z.infer<typeof enterpriseProfile>;

/** One month's report. Money in integer 元, electricity in kWh. */
export const monthlyFigureItem = z.object({
  period: z.string(),
  grossOutput: z.number().nullable(),
  revenue: z.number().nullable(),
  profit: z.number().nullable(),
  taxes: z.number().nullable(),
  electricityKwh: z.number().nullable(),
  employees: z.number().int().nullable(),
  source: z.string(),
  updatedAt: z.string(),
});
export type MonthlyFigureItem = z.infer<typeof monthlyFigureItem>;

export const enterpriseDetailQuery = z.object({
  /** Year of the monthly figures table; the latest year with figures when omitted. */
  year: z.coerce.number().int().min(1990).max(2100).optional(),
});

export const enterpriseDetailResponse = enterpriseProfile.extend({
  figures: z.object({
    /** The year shown; null when the firm has no figures at all. */
    year: z.number().int().nullable(),
    /** Years with at least one monthly figure, descending. */
    years: z.array(z.number().int()),
    items: z.array(monthlyFigureItem),
  }),
});
export type EnterpriseDetailResponse = z.infer<typeof enterpriseDetailResponse>;

export const usccParams = z.object({ uscc: requiredText(32) });

export const membershipInput = z.object({
  chainCode: z.string().trim().toUpperCase().min(1).max(16),
  nodeKey: z.string().trim().toLowerCase().min(1).max(32),
  isPrimary: z.boolean(),
});
export type MembershipInput = z.infer<typeof membershipInput>;

/**
 * Body of create. The USCC's check characters and the references (region, park, chain nodes) are
 * checked by the server so the message can name the wrong position or the unknown code.
 */
export const createEnterpriseRequest = z.object({
  uscc: z.string().trim().toUpperCase().min(1).max(32),
  name: requiredText(200),
  regionCode: requiredText(16),
  parkId: z.number().int().positive().nullable().default(null),
  gbt4754Code: gbt4754CodeSchema.nullable().default(null),
  isChainMaster: z.boolean().default(false),
  isSpecialized: z.boolean().default(false),
  isHighTech: z.boolean().default(false),
  isListed: z.boolean().default(false),
  aboveScaleYears: z.array(year).max(200).default([]),
  memberships: z.array(membershipInput).max(100).default([]),
});
export type CreateEnterpriseRequest = z.infer<typeof createEnterpriseRequest>;

/**
 * Body of edit: everything but the USCC (the key never changes; a wrong code is deleted and
 * recreated). `memberships` are the firm's memberships from `effectiveFromYear` on (default: the
 * current year): earlier years keep theirs. `aboveScaleYears` lists every year, but only those from
 * `effectiveFromYear` on may differ from the stored ones.
 */
export const updateEnterpriseRequest = createEnterpriseRequest.omit({ uscc: true }).extend({
  effectiveFromYear: year.optional(),
  ...expectedVersionField,
});
export type UpdateEnterpriseRequest = z.infer<typeof updateEnterpriseRequest>;

/** Choices for filters and the form: regions, parks, chains with their nodes. */
export const enterpriseOptionsResponse = z.object({
  regions: z.array(regionItem.pick({ code: true, name: true, shortName: true })),
  parks: z.array(parkListItem.pick({ id: true, name: true, shortName: true, regionCode: true })),
  chains: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      nodes: z.array(z.object({ key: z.string(), name: z.string(), stage: z.string() })),
    }),
  ),
});
export type EnterpriseOptionsResponse = z.infer<typeof enterpriseOptionsResponse>;

/** Headers of the import template, in order; the first three are required in every file. */
export const IMPORT_COLUMNS = [
  '统一社会信用代码',
  '企业名称',
  '所属区县',
  '所属园区',
  '行业代码',
  '规上年度',
  '产业链环节',
  '链主',
  '专精特新',
  '高新技术企业',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** `add` (default): 规上 years and memberships in the file are added, none removed; `replace`: the file's are the firm's. */
export const IMPORT_MODES = ['add', 'replace'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const importQuery = z.object({
  /** true (the default): check only, write nothing. */
  dryRun: queryBoolean.default('true'),
  mode: z.enum(IMPORT_MODES).default('add'),
  /** The year membership changes take effect (default: the current year); earlier years keep theirs. */
  effectiveFromYear: z.coerce.number().int().min(1990).max(2100).optional(),
  /** true: write even though removals with figures behind them were reported (after a dry run showed them). */
  acceptWarnings: queryBoolean.default('false'),
});

/** A removal with figures behind it: what the statistics lose. */
export const importRemovalWarning = z.object({
  uscc: z.string(),
  name: z.string(),
  /** `scaleYear`: a 规上 year dropped; `membership`: a chain node left from `year` on. */
  kind: z.enum(['scaleYear', 'membership']),
  /** The 规上 year removed, or the first year without the membership. */
  year: z.number().int(),
  chainCode: z.string().nullable(),
  nodeKey: z.string().nullable(),
  /** The years whose figures change, e.g. [2023] or [2025, 2026]. */
  years: z.array(z.number().int()),
  /** Months with figures in those years, and their gross output (元) that leaves the statistics. */
  months: z.number().int(),
  output: z.number(),
});
export type ImportRemovalWarning = z.infer<typeof importRemovalWarning>;

export const importRowError = z.object({
  /** Spreadsheet row number as Excel shows it (the header is row 1). */
  row: z.number().int(),
  /** Header of the column, as in the file. */
  column: z.string(),
  /** The cell as read, when there was one. */
  value: z.string().nullable(),
  /** In the caller's language. */
  reason: z.string(),
});
export type ImportRowError = z.infer<typeof importRowError>;

/** What a row-by-row import did (the chain lists', the projects'): rows read, records created (0 when any row failed: nothing is saved then), every row error. */
export const rowImportReport = z.object({
  ...importOutcomeFields,
  rows: z.number().int(),
  created: z.number().int(),
  errors: z.array(importRowError),
});

export const importReport = z.object({
  ...importOutcomeFields,
  format: z.enum(['xlsx', 'csv']),
  /** How the CSV text was decoded: utf-8, utf-8-bom, gb18030 or utf-16le; null for xlsx. */
  encoding: z.string().nullable(),
  rows: z.number().int(),
  ...importTallyFields,
  errors: z.array(importRowError),
  mode: z.enum(IMPORT_MODES),
  effectiveFromYear: z.number().int(),
  /** 规上 years and memberships the import removes (only in `replace` mode). */
  removals: z.object({ scaleYears: z.number().int(), memberships: z.number().int() }),
  /** Removals with figures behind them; with any, nothing is written until the call passes acceptWarnings. */
  warnings: z.array(importRemovalWarning),
  /** True when warnings stopped a real import (nothing written). */
  confirmationRequired: z.boolean(),
});
export type ImportReport = z.infer<typeof importReport>;
