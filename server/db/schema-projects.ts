// Investment attraction (招商引资) and major projects (重大项目): the investors (客商库), the projects
// with their one lifecycle, every stage change and amount change kept, the yearly major-project
// list with its plan and the monthly completed investment and 到位资金. Money is integer 元.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
  type AnyPgColumn,
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
import { belongsTo, inList, matches, nullOrMatches, references } from './schema-checks.js';
import { PERIOD_PATTERN, USCC_PATTERN } from '../../shared/contracts/identifiers.js';
import { chainNodes, chains, enterprises, parks, regions } from './schema-master.js';
import { createdAt, day, editedColumns, identityId, isDemo, money, placeColumns, usccColumn } from './schema-columns.js';

/** 客商库: companies (USCC checked by shared/uscc.ts before any write) and people. */
export const investors = pgTable(
  'investors',
  {
    id: identityId(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    uscc: usccColumn(),
    origin: text('origin'),
    nativePlace: text('native_place'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    /** The user who registered the investor: with the admin, the only one shown its contacts unmasked. */
    ownerId: uuid('owner_id'),
    ...editedColumns(),
  },
  (t) => [
    inList('investors_kind_check', t.kind, INVESTOR_KINDS),
    nullOrMatches('investors_uscc_check', t.uscc, USCC_PATTERN),
    index('investors_uscc_idx').on(t.uscc),
  ],
);

/** A project from 线索 to 入规; stage_dates holds the day each stage was reached (the timeline keeps every move). */
export const projects = pgTable(
  'projects',
  {
    id: identityId(),
    name: text('name').notNull(),
    confidential: boolean('confidential').notNull().default(false),
    codeName: text('code_name'),
    investorId: integer('investor_id'),
    channel: text('channel').$type<ProjectChannel>().notNull(),
    referringMasterUscc: usccColumn('referring_master_uscc'),
    chainCode: text('chain_code').notNull(),
    ...placeColumns(),
    unit: text('unit'),
    person: text('person'),
    signedAmount: money('signed_amount'),
    plannedInvestment: money('planned_investment'),
    category: text('category').$type<ProjectCategory>().notNull(),
    stage: text('stage').$type<ProjectState>().notNull(),
    plannedDates: jsonb('planned_dates').$type<StageDates>().notNull().default({}),
    stageDates: jsonb('stage_dates').$type<StageDates>().notNull().default({}),
    /** The day the project was signed (stage_dates.signed, kept as a column for the yearly statistics). */
    signedOn: day('signed_on'),
    terminatedReason: text('terminated_reason'),
    enterpriseUscc: usccColumn('enterprise_uscc'),
    notes: text('notes'),
    createdBy: uuid('created_by'),
    isDemo: isDemo(),
    ...editedColumns(),
  },
  (t) => [
    references('projects_investor_id_fkey', t.investorId, investors.id),
    references('projects_chain_code_fkey', t.chainCode, chains.code),
    foreignKey({ name: 'projects_node_fkey', columns: [t.chainCode, t.nodeId], foreignColumns: [chainNodes.chainCode, chainNodes.id] }),
    references('projects_park_id_fkey', t.parkId, parks.id),
    references('projects_region_code_fkey', t.regionCode, regions.code),
    references('projects_enterprise_uscc_fkey', t.enterpriseUscc, enterprises.uscc),
    inList('projects_channel_check', t.channel, PROJECT_CHANNELS),
    inList('projects_category_check', t.category, PROJECT_CATEGORIES),
    inList('projects_stage_check', t.stage, PROJECT_STATES),
    check('projects_amounts_check', sql`coalesce(${t.signedAmount}, 0) >= 0 AND coalesce(${t.plannedInvestment}, 0) >= 0`),
    check('projects_code_name_check', sql`NOT ${t.confidential} OR ${t.codeName} IS NOT NULL`),
    index('projects_chain_idx').on(t.chainCode),
    index('projects_signed_on_idx').on(t.signedOn),
    index('projects_enterprise_idx').on(t.enterpriseUscc),
  ],
);

/** A row that belongs to a project (its stage changes, its list entries…): removed with the project. */
const ofProject = (table: string, t: { projectId: AnyPgColumn }) =>
  references(`${table}_project_id_fkey`, t.projectId, projects.id).onDelete('cascade');

/** The first columns of a row of a project's lists: its own number and the project. */
const projectRowColumns = () => ({ id: identityId(), projectId: integer('project_id').notNull() });

/** Who recorded a change of a project (the user, and their name as it was then) and when. */
const recordedByColumns = () => ({ byId: uuid('by_id'), byName: text('by_name').notNull(), at: createdAt() });

/** Every stage change: from, to, the day it happened, why (moving back, 终止), who recorded it. */
export const projectStageEvents = pgTable(
  'project_stage_events',
  {
    ...projectRowColumns(),
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    on: day('on_date').notNull(),
    reason: text('reason'),
    ...recordedByColumns(),
  },
  (t) => belongsTo('project_stage_events', t.projectId, projects.id),
);

/** Every change of 签约额 or 计划总投资 (inflated amounts are a known abuse: nothing is overwritten unseen). */
export const projectAmountChanges = pgTable(
  'project_amount_changes',
  {
    ...projectRowColumns(),
    field: text('field').notNull(),
    before: money('before_amount'),
    after: money('after_amount'),
    ...recordedByColumns(),
  },
  (t) => [
    ...belongsTo('project_amount_changes', t.projectId, projects.id),
    check('project_amount_changes_field_check', sql`${t.field} in ('signedAmount', 'plannedInvestment')`),
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
    ofProject('major_project_years', t),
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
    ofProject('project_monthly_investment', t),
    matches('project_monthly_investment_period_check', t.period, PERIOD_PATTERN),
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
  (t) => [ofProject('project_agents', t)],
);

/** The approval checklist of a project: one row per item, with status and dates. */
export const projectApprovals = pgTable(
  'project_approvals',
  {
    projectId: integer('project_id').notNull(),
    item: text('item').notNull(),
    status: text('status').notNull(),
    dueOn: day('due_on'),
    doneOn: day('done_on'),
  },
  (t) => [
    primaryKey({ name: 'project_approvals_pkey', columns: [t.projectId, t.item] }),
    ofProject('project_approvals', t),
    inList('project_approvals_item_check', t.item, APPROVAL_ITEMS),
    inList('project_approvals_status_check', t.status, APPROVAL_STATUSES),
  ],
);

/** 要素保障 blockers of a project, each owned by a department with a due date. */
export const projectBlockers = pgTable(
  'project_blockers',
  {
    ...projectRowColumns(),
    kind: text('kind').notNull(),
    description: text('description').notNull(),
    ownerDepartment: text('owner_department').notNull(),
    dueOn: day('due_on').notNull(),
    resolvedOn: day('resolved_on'),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    ...belongsTo('project_blockers', t.projectId, projects.id),
    inList('project_blockers_kind_check', t.kind, BLOCKER_KINDS),
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
    ...projectRowColumns(),
    eventName: text('event_name').notNull(),
    heldOn: day('held_on').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    ofProject('project_signing_events', t),
    unique('project_signing_events_unique').on(t.projectId, t.eventName, t.heldOn),
    check('project_signing_events_name_check', sql`length(${t.eventName}) BETWEEN 1 AND 80`),
  ],
);
