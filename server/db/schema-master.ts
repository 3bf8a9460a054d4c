// Master data of the industrial-chain platform: geography (regions, parks), the leading industries
// and their chains (versioned by year, each a directed graph of nodes), enterprises with their
// yearly 规上 status and chain memberships, and the monthly figures enterprises report.
// Every constraint is named so a violation can be mapped to a user-facing error by its name.
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { inList, matches, nullOrMatches, references } from './schema-checks.js';
import {
  day,
  editedColumns,
  firmMonthColumns,
  identityId,
  isDemo,
  money,
  rowVersion,
  textList,
  updatedAt,
  usccColumn,
} from './schema-columns.js';
import {
  CHAIN_CODE_PATTERN,
  GBT4754_CODE_PATTERN,
  NODE_KEY_PATTERN,
  PERIOD_PATTERN,
  REGION_CODE_PATTERN,
  USCC_PATTERN,
} from '../../shared/contracts/identifiers.js';
import { NODE_STAGES, type NodeStage } from '../../shared/contracts/chains.js';
import { FIGURE_SOURCES, type FigureSource } from '../../shared/contracts/figures.js';
import { PARK_LEVELS, type ParkLevel } from '../../shared/contracts/parks.js';
import { REGION_KINDS, type RegionKind } from '../../shared/contracts/regions.js';

// The enums are declared once, in the shared contracts; the CHECK constraints list their values.

/**
 * The values of one enterprise-month, as monthly_figures holds them and monthly_figure_versions keeps
 * the replaced ones. Money in integer 元; prev_year_* are the 上年同期 values reported with the month.
 */
export const figureValueColumns = () => ({
  /** 工业总产值 (current prices), 元 */
  grossOutput: money('gross_output'),
  /** 营业收入, 元 */
  revenue: money('revenue'),
  /** 利润总额, 元 (may be negative) */
  profit: money('profit'),
  /** 税金总额, 元 */
  taxes: money('taxes'),
  /** 用电量, kWh */
  electricityKwh: money('electricity_kwh'),
  /** 从业人员 */
  employees: integer('employees'),
  prevYearGrossOutput: money('prev_year_gross_output'),
  prevYearRevenue: money('prev_year_revenue'),
  prevYearProfit: money('prev_year_profit'),
  prevYearTaxes: money('prev_year_taxes'),
});

/** Counties, districts, county-level cities (GB/T 2260) and statistical function zones (NBS codes). */
export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    kind: text('kind').$type<RegionKind>().notNull(),
    ...editedColumns(),
  },
  (t) => [
    unique('regions_name_key').on(t.name),
    unique('regions_short_name_key').on(t.shortName),
    matches('regions_code_check', t.code, REGION_CODE_PATTERN),
    inList('regions_kind_check', t.kind, REGION_KINDS),
  ],
);

/** Industrial parks at provincial level or above. Area in hectares (1 km² = 100 ha) keeps it an exact integer. */
export const parks = pgTable(
  'parks',
  {
    id: identityId(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    level: text('level').$type<ParkLevel>().notNull(),
    regionCode: text('region_code').notNull(),
    areaHectares: integer('area_hectares'),
    establishedOn: day('established_on'),
    /** The park's focus industries as the city words them (some name no chain, e.g. 外贸加工). */
    focus: textList('focus'),
    ...editedColumns(),
  },
  (t) => [
    unique('parks_name_key').on(t.name),
    unique('parks_short_name_key').on(t.shortName),
    references('parks_region_code_fkey', t.regionCode, regions.code),
    inList('parks_level_check', t.level, PARK_LEVELS),
    check('parks_area_hectares_check', sql`${t.areaHectares} IS NULL OR ${t.areaHectares} > 0`),
  ],
);

/** The ten leading industries of 一核两电三色四新, each in its group (一核, 两电, 三色, 四新). */
export const industries = pgTable(
  'industries',
  {
    code: text('code').primaryKey(),
    group: text('group_name').notNull(),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    version: rowVersion(),
  },
  (t) => [unique('industries_name_key').on(t.name)],
);

/**
 * Industrial chains, versioned by year: a chain belongs to the city's list for the years
 * valid_from_year..valid_to_year (open-ended when null). 2022 had 14 chains; CH15 joined in 2023.
 */
export const chains = pgTable(
  'chains',
  {
    code: text('code').primaryKey(),
    industryCode: text('industry_code').notNull(),
    name: text('name').notNull(),
    validFromYear: integer('valid_from_year').notNull(),
    validToYear: integer('valid_to_year'),
    /** Title of the 链长 (a city leader), e.g. 市人民政府副市长. */
    chiefTitle: text('chief_title'),
    /** The 链办's lead department. */
    office: text('office'),
    /** 后盾单位: departments that resolve the chain's problems. */
    supportingDepartments: textList('supporting_departments'),
    /** 主要承载地: host counties or parks, as names. */
    hostPlaces: textList('host_places'),
    /** 链主 enterprise names as the city lists them (the enterprises also carry is_chain_master). */
    chainMasters: textList('chain_masters'),
    sortOrder: integer('sort_order').notNull().default(0),
    ...editedColumns(),
  },
  (t) => [
    unique('chains_name_key').on(t.name),
    references('chains_industry_code_fkey', t.industryCode, industries.code),
    matches('chains_code_check', t.code, CHAIN_CODE_PATTERN),
    check('chains_valid_years_check', sql`${t.validToYear} IS NULL OR ${t.validToYear} >= ${t.validFromYear}`),
  ],
);

/** Yearly targets of a chain: annual gross output (元) and growth (a fraction, 0.1 = 10%). */
export const chainTargets = pgTable(
  'chain_targets',
  {
    chainCode: text('chain_code').notNull(),
    year: integer('year').notNull(),
    outputTargetYuan: money('output_target_yuan'),
    growthTarget: numeric('growth_target', { precision: 6, scale: 4, mode: 'number' }),
    version: rowVersion(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'chain_targets_pkey', columns: [t.chainCode, t.year] }),
    references('chain_targets_chain_code_fkey', t.chainCode, chains.code).onDelete('cascade'),
    check('chain_targets_output_check', sql`${t.outputTargetYuan} IS NULL OR ${t.outputTargetYuan} >= 0`),
  ],
);

/**
 * Nodes (环节) of a chain. (chain_code, id) is unique so edges and memberships can reference a node
 * together with its chain, which lets the database guarantee that an edge stays inside one chain.
 */
export const chainNodes = pgTable(
  'chain_nodes',
  {
    id: identityId(),
    chainCode: text('chain_code').notNull(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    stage: text('stage').$type<NodeStage>().notNull(),
    /** GB/T 4754-2017 industry class codes of the node. */
    gbt4754: textList('gbt4754'),
    sortOrder: integer('sort_order').notNull().default(0),
    ...editedColumns(),
  },
  (t) => [
    unique('chain_nodes_chain_key_key').on(t.chainCode, t.key),
    unique('chain_nodes_chain_id_key').on(t.chainCode, t.id),
    references('chain_nodes_chain_code_fkey', t.chainCode, chains.code).onDelete('cascade'),
    matches('chain_nodes_key_check', t.key, NODE_KEY_PATTERN),
    inList('chain_nodes_stage_check', t.stage, NODE_STAGES),
  ],
);

/**
 * "Feeds" edges of a chain map: from_node supplies to_node. Both composite foreign keys carry the
 * same chain_code, so an edge between nodes of two different chains cannot be stored.
 */
export const chainNodeEdges = pgTable(
  'chain_node_edges',
  {
    chainCode: text('chain_code').notNull(),
    fromNodeId: integer('from_node_id').notNull(),
    toNodeId: integer('to_node_id').notNull(),
  },
  (t) => [
    primaryKey({ name: 'chain_node_edges_pkey', columns: [t.fromNodeId, t.toNodeId] }),
    foreignKey({
      name: 'chain_node_edges_from_fkey',
      columns: [t.chainCode, t.fromNodeId],
      foreignColumns: [chainNodes.chainCode, chainNodes.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'chain_node_edges_to_fkey',
      columns: [t.chainCode, t.toNodeId],
      foreignColumns: [chainNodes.chainCode, chainNodes.id],
    }).onDelete('cascade'),
    check('chain_node_edges_not_self_check', sql`${t.fromNodeId} <> ${t.toNodeId}`),
    index('chain_node_edges_to_idx').on(t.toNodeId),
  ],
);

/** The parks' focus chains (many-to-many). */
export const parkFocusChains = pgTable(
  'park_focus_chains',
  {
    parkId: integer('park_id').notNull(),
    chainCode: text('chain_code').notNull(),
  },
  (t) => [
    primaryKey({ name: 'park_focus_chains_pkey', columns: [t.parkId, t.chainCode] }),
    references('park_focus_chains_park_id_fkey', t.parkId, parks.id).onDelete('cascade'),
    references('park_focus_chains_chain_code_fkey', t.chainCode, chains.code).onDelete('cascade'),
  ],
);

/**
 * Enterprises keyed by 统一社会信用代码. The database checks the character set and length; the check
 * characters (positions 17 and 18) are verified by shared/uscc.ts before any write.
 * gbt4754_code is the firm's own GB/T 4754 industry class (not one of the ten leading industries).
 */
export const enterprises = pgTable(
  'enterprises',
  {
    uscc: usccColumn().primaryKey(),
    name: text('name').notNull(),
    regionCode: text('region_code').notNull(),
    parkId: integer('park_id'),
    gbt4754Code: text('gbt4754_code'),
    /** 链主 */
    isChainMaster: boolean('is_chain_master').notNull().default(false),
    /** 专精特新 */
    isSpecialized: boolean('is_specialized').notNull().default(false),
    /** 高新技术企业 */
    isHighTech: boolean('is_high_tech').notNull().default(false),
    /** 上市 */
    isListed: boolean('is_listed').notNull().default(false),
    /** Fictional firm of the demo dataset (its name ends with "(示例)"). */
    isDemo: isDemo(),
    ...editedColumns(),
  },
  (t) => [
    references('enterprises_region_code_fkey', t.regionCode, regions.code),
    references('enterprises_park_id_fkey', t.parkId, parks.id),
    matches('enterprises_uscc_check', t.uscc, USCC_PATTERN),
    nullOrMatches('enterprises_gbt4754_code_check', t.gbt4754Code, GBT4754_CODE_PATTERN),
    index('enterprises_region_idx').on(t.regionCode),
    index('enterprises_park_idx').on(t.parkId),
  ],
);

/** The constraints of a row of one enterprise-month (firmMonthColumns): a known enterprise, a period 'YYYY-MM'. */
export const ofFirmMonth = (table: string, t: { uscc: AnyPgColumn; period: AnyPgColumn }) => [
  references(`${table}_uscc_fkey`, t.uscc, enterprises.uscc),
  matches(`${table}_period_check`, t.period, PERIOD_PATTERN),
];

/**
 * The yearly 规上 名录: one row per year the enterprise is in scope (annual main-business revenue
 * ≥ 20 million yuan). The list changes once a year, effective with January.
 */
export const enterpriseScaleYears = pgTable(
  'enterprise_scale_years',
  {
    uscc: usccColumn().notNull(),
    year: integer('year').notNull(),
  },
  (t) => [
    primaryKey({ name: 'enterprise_scale_years_pkey', columns: [t.uscc, t.year] }),
    references('enterprise_scale_years_uscc_fkey', t.uscc, enterprises.uscc).onDelete('cascade'),
    check('enterprise_scale_years_year_check', sql`${t.year} BETWEEN 1990 AND 2100`),
    index('enterprise_scale_years_year_idx').on(t.year),
  ],
);

/**
 * An enterprise's place in chain nodes, by year: a membership counts for the years
 * valid_from_year..valid_to_year (null from = since the records begin, null to = still current),
 * like a chain's years and the 规上 years. Reclassifying a firm ends a membership (valid_to_year)
 * and starts another, so the statistics of past years keep the memberships they had. The same node
 * may come back later as a new row (unique by its first year). At most one open membership per firm
 * is primary (partial unique index); that there is exactly one in every year with any is the
 * service's rule.
 */
export const enterpriseMemberships = pgTable(
  'enterprise_memberships',
  {
    id: identityId(),
    uscc: usccColumn().notNull(),
    nodeId: integer('node_id').notNull(),
    isPrimary: boolean('is_primary').notNull().default(false),
    validFromYear: integer('valid_from_year'),
    validToYear: integer('valid_to_year'),
  },
  (t) => [
    unique('enterprise_memberships_node_from_key').on(t.uscc, t.nodeId, t.validFromYear).nullsNotDistinct(),
    references('enterprise_memberships_uscc_fkey', t.uscc, enterprises.uscc).onDelete('cascade'),
    references('enterprise_memberships_node_id_fkey', t.nodeId, chainNodes.id),
    check(
      'enterprise_memberships_years_check',
      sql`(${t.validFromYear} IS NULL OR ${t.validFromYear} BETWEEN 1990 AND 2100) AND (${t.validToYear} IS NULL OR (${t.validToYear} BETWEEN 1990 AND 2100 AND ${t.validToYear} >= coalesce(${t.validFromYear}, 1990)))`,
    ),
    uniqueIndex('enterprise_memberships_one_primary_key')
      .on(t.uscc)
      .where(sql`${t.isPrimary} AND ${t.validToYear} IS NULL`),
    index('enterprise_memberships_node_idx').on(t.nodeId),
    index('enterprise_memberships_uscc_idx').on(t.uscc),
  ],
);

/**
 * What an enterprise reported for one month (当月 values; 累计 is derived by summing the months).
 * period is the text 'YYYY-MM': the business key used by the API, import files and users; it sorts
 * chronologically as text, so a year-to-date range is `period BETWEEN '2024-01' AND '2024-06'` on the
 * primary key, and it never crosses a time zone through the driver as a DATE would.
 * Money is integer 元. prev_year_* hold 上年同期 values when they were reported with the period.
 */
export const monthlyFigures = pgTable(
  'monthly_figures',
  {
    ...firmMonthColumns(),
    ...figureValueColumns(),
    source: text('source').$type<FigureSource>().notNull().default('manual'),
    updatedAt: updatedAt(),
    /**
     * Grows with every write of the row (a trigger of migration 0005 takes a new value on update and
     * keeps the replaced row in monthly_figure_versions): a snapshot reads the figures up to its version.
     */
    figureVersion: bigserial('figure_version', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'monthly_figures_pkey', columns: [t.uscc, t.period] }),
    ...ofFirmMonth('monthly_figures', t),
    inList('monthly_figures_source_check', t.source, FIGURE_SOURCES),
    check('monthly_figures_gross_output_check', sql`${t.grossOutput} >= 0`),
    check('monthly_figures_revenue_check', sql`${t.revenue} >= 0`),
    check('monthly_figures_taxes_check', sql`${t.taxes} >= 0`),
    check('monthly_figures_electricity_check', sql`${t.electricityKwh} >= 0`),
    check('monthly_figures_employees_check', sql`${t.employees} >= 0`),
    index('monthly_figures_period_idx').on(t.period),
  ],
);
