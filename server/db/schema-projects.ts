// Investment attraction (招商引资) and major projects (重大项目): the investors (客商库), the projects
// with their one lifecycle, every stage change and amount change kept, the yearly major-project
// list with its plan and the monthly completed investment and 到位资金. Money is integer 元.
import { sql } from 'drizzle-orm';
import {
  char,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
  boolean,
} from 'drizzle-orm/pg-core';
import {
  APPROVAL_ITEMS,
  APPROVAL_STATUSES,
  BLOCKER_KINDS,
  INVESTOR_KINDS,
  PROJECT_CATEGORIES,
  PROJECT_CHANNELS,
  PROJECT_STATES,
  type ProjectCategory,
  type ProjectChannel,
  type ProjectState,
  type StageDates,
} from '../../shared/contracts/projects.js';
import { list, pattern, PERIOD_PATTERN, USCC_PATTERN } from './schema-checks.js';
import { chainNodes, chains, createdAt, enterprises, money, parks, regions, rowVersion, updatedAt } from './schema-master.js';

/** 客商库: companies (USCC checked by shared/uscc.ts before any write) and people. */
export const investors = pgTable(
  'investors',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    uscc: char('uscc', { length: 18 }),
    origin: text('origin'),
    nativePlace: text('native_place'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    /** The user who registered the investor: with the admin, the only one shown its contacts unmasked. */
    ownerId: uuid('owner_id'),
    version: rowVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('investors_kind_check', sql.raw(`kind in (${list(INVESTOR_KINDS)})`)),
    check('investors_uscc_check', sql`${t.uscc} IS NULL OR ${t.uscc} ~ ${pattern(USCC_PATTERN)}`),
    index('investors_uscc_idx').on(t.uscc),
  ],
);

/** A project from 线索 to 入规; stage_dates holds the day each stage was reached (the timeline keeps every move). */
export const projects = pgTable(
  'projects',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    name: text('name').notNull(),
    confidential: boolean('confidential').notNull().default(false),
    codeName: text('code_name'),
    investorId: integer('investor_id'),
    channel: text('channel').$type<ProjectChannel>().notNull(),
    referringMasterUscc: char('referring_master_uscc', { length: 18 }),
    chainCode: text('chain_code').notNull(),
    nodeId: integer('node_id'),
    parkId: integer('park_id'),
    regionCode: text('region_code').notNull(),
    unit: text('unit'),
    person: text('person'),
    signedAmount: money('signed_amount'),
    plannedInvestment: money('planned_investment'),
    category: text('category').$type<ProjectCategory>().notNull(),
    stage: text('stage').$type<ProjectState>().notNull(),
    plannedDates: jsonb('planned_dates').$type<StageDates>().notNull().default({}),
    stageDates: jsonb('stage_dates').$type<StageDates>().notNull().default({}),
    /** The day the project was signed (stage_dates.signed, kept as a column for the yearly statistics). */
    signedOn: date('signed_on', { mode: 'string' }),
    terminatedReason: text('terminated_reason'),
    enterpriseUscc: char('enterprise_uscc', { length: 18 }),
    notes: text('notes'),
    createdBy: uuid('created_by'),
    isDemo: boolean('is_demo').notNull().default(false),
    version: rowVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({ name: 'projects_investor_id_fkey', columns: [t.investorId], foreignColumns: [investors.id] }),
    foreignKey({ name: 'projects_chain_code_fkey', columns: [t.chainCode], foreignColumns: [chains.code] }),
    foreignKey({ name: 'projects_node_fkey', columns: [t.chainCode, t.nodeId], foreignColumns: [chainNodes.chainCode, chainNodes.id] }),
    foreignKey({ name: 'projects_park_id_fkey', columns: [t.parkId], foreignColumns: [parks.id] }),
    foreignKey({ name: 'projects_region_code_fkey', columns: [t.regionCode], foreignColumns: [regions.code] }),
    foreignKey({ name: 'projects_enterprise_uscc_fkey', columns: [t.enterpriseUscc], foreignColumns: [enterprises.uscc] }),
    check('projects_channel_check', sql.raw(`channel in (${list(PROJECT_CHANNELS)})`)),
    check('projects_category_check', sql.raw(`category in (${list(PROJECT_CATEGORIES)})`)),
    check('projects_stage_check', sql.raw(`stage in (${list(PROJECT_STATES)})`)),
    check('projects_amounts_check', sql`coalesce(${t.signedAmount}, 0) >= 0 AND coalesce(${t.plannedInvestment}, 0) >= 0`),
    check('projects_code_name_check', sql`NOT ${t.confidential} OR ${t.codeName} IS NOT NULL`),
    index('projects_chain_idx').on(t.chainCode),
    index('projects_signed_on_idx').on(t.signedOn),
    index('projects_enterprise_idx').on(t.enterpriseUscc),
  ],
);

/** Every stage change: from, to, the day it happened, why (moving back, 终止), who recorded it. */
export const projectStageEvents = pgTable(
  'project_stage_events',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    projectId: integer('project_id').notNull(),
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    on: date('on_date', { mode: 'string' }).notNull(),
    reason: text('reason'),
    byId: uuid('by_id'),
    byName: text('by_name').notNull(),
    at: createdAt(),
  },
  (t) => [
    foreignKey({ name: 'project_stage_events_project_id_fkey', columns: [t.projectId], foreignColumns: [projects.id] }).onDelete('cascade'),
    index('project_stage_events_project_idx').on(t.projectId),
  ],
);

/** Every change of 签约额 or 计划总投资 (inflated amounts are a known abuse: nothing is overwritten unseen). */
export const projectAmountChanges = pgTable(
  'project_amount_changes',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    projectId: integer('project_id').notNull(),
    field: text('field').notNull(),
    before: money('before_amount'),
    after: money('after_amount'),
    byId: uuid('by_id'),
    byName: text('by_name').notNull(),
    at: createdAt(),
  },
  (t) => [
    foreignKey({ name: 'project_amount_changes_project_id_fkey', columns: [t.projectId], foreignColumns: [projects.id] }).onDelete(
      'cascade',
    ),
    check('project_amount_changes_field_check', sql`${t.field} in ('signedAmount', 'plannedInvestment')`),
    index('project_amount_changes_project_idx').on(t.projectId),
  ],
);

/** The yearly major-project list: a project may stay on it for several years, each with its annual plan. */
export const majorProjectYears = pgTable(
  'major_project_years',
  {
    projectId: integer('project_id').notNull(),
    year: integer('year').notNull(),
    annualPlan: money('annual_plan').notNull().default(0),
  },
  (t) => [
    primaryKey({ name: 'major_project_years_pkey', columns: [t.projectId, t.year] }),
    foreignKey({ name: 'major_project_years_project_id_fkey', columns: [t.projectId], foreignColumns: [projects.id] }).onDelete('cascade'),
    check('major_project_years_year_check', sql`${t.year} BETWEEN 2000 AND 2100`),
    check('major_project_years_plan_check', sql`${t.annualPlan} >= 0`),
    index('major_project_years_year_idx').on(t.year),
  ],
);

/** Monthly reported completed investment and 到位资金 of a project. */
export const projectMonthlyInvestment = pgTable(
  'project_monthly_investment',
  {
    projectId: integer('project_id').notNull(),
    period: text('period').notNull(),
    completed: money('completed').notNull().default(0),
    fundsArrived: money('funds_arrived').notNull().default(0),
  },
  (t) => [
    primaryKey({ name: 'project_monthly_investment_pkey', columns: [t.projectId, t.period] }),
    foreignKey({ name: 'project_monthly_investment_project_id_fkey', columns: [t.projectId], foreignColumns: [projects.id] }).onDelete(
      'cascade',
    ),
    check('project_monthly_investment_period_check', sql`${t.period} ~ ${pattern(PERIOD_PATTERN)}`),
    check('project_monthly_investment_amounts_check', sql`${t.completed} >= 0 AND ${t.fundsArrived} >= 0`),
  ],
);

/** 项目代办制: the agent walking a project through its approvals (one per project). */
export const projectAgents = pgTable(
  'project_agents',
  {
    projectId: integer('project_id').primaryKey(),
    agentName: text('agent_name').notNull(),
    agentPhone: text('agent_phone'),
  },
  (t) => [
    foreignKey({ name: 'project_agents_project_id_fkey', columns: [t.projectId], foreignColumns: [projects.id] }).onDelete('cascade'),
  ],
);

/** The approval checklist of a project: one row per item, with status and dates. */
export const projectApprovals = pgTable(
  'project_approvals',
  {
    projectId: integer('project_id').notNull(),
    item: text('item').notNull(),
    status: text('status').notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    doneOn: date('done_on', { mode: 'string' }),
  },
  (t) => [
    primaryKey({ name: 'project_approvals_pkey', columns: [t.projectId, t.item] }),
    foreignKey({ name: 'project_approvals_project_id_fkey', columns: [t.projectId], foreignColumns: [projects.id] }).onDelete('cascade'),
    check('project_approvals_item_check', sql.raw(`item in (${list(APPROVAL_ITEMS)})`)),
    check('project_approvals_status_check', sql.raw(`status in (${list(APPROVAL_STATUSES)})`)),
  ],
);

/** 要素保障 blockers of a project, each owned by a department with a due date. */
export const projectBlockers = pgTable(
  'project_blockers',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    projectId: integer('project_id').notNull(),
    kind: text('kind').notNull(),
    description: text('description').notNull(),
    ownerDepartment: text('owner_department').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    resolvedOn: date('resolved_on', { mode: 'string' }),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ name: 'project_blockers_project_id_fkey', columns: [t.projectId], foreignColumns: [projects.id] }).onDelete('cascade'),
    check('project_blockers_kind_check', sql.raw(`kind in (${list(BLOCKER_KINDS)})`)),
    index('project_blockers_project_idx').on(t.projectId),
    index('project_blockers_department_idx').on(t.ownerDepartment),
  ],
);

/**
 * The signing events (签约活动: 集中签约仪式, 投洽会, 推介会) a project was signed or presented at. One project
 * presented at two or more events is counted in each event's tally: the 重复签约 warning lists it.
 */
export const projectSigningEvents = pgTable(
  'project_signing_events',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    projectId: integer('project_id').notNull(),
    eventName: text('event_name').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ name: 'project_signing_events_project_id_fkey', columns: [t.projectId], foreignColumns: [projects.id] }).onDelete(
      'cascade',
    ),
    unique('project_signing_events_unique').on(t.projectId, t.eventName, t.heldOn),
    check('project_signing_events_name_check', sql`length(${t.eventName}) BETWEEN 1 AND 80`),
  ],
);
