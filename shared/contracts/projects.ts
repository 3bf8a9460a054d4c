// Investment attraction (招商引资) and major projects (重大项目): the enums (declared once, here), the
// investors (客商库) and the projects with their one lifecycle. Money is integer 元 everywhere.
import { z } from 'zod';
import {
  expectedVersionField,
  idParams,
  optionalText,
  pagedList,
  pageQuery,
  queryBoolean,
  requiredText,
  searchPageQuery,
  searchText,
  serialId,
  updateRequestOf,
  versionField,
  yearParam,
} from './common.js';
import { rowImportReport } from './enterprises.js';
import { chainCodeSchema, DATE_PATTERN, nodeKeySchema, regionCodeSchema, usccSchema } from './identifiers.js';

/** The lifecycle in order: 线索 → 在谈 → 签约 → 注册 → 供地 → 开工 → 竣工 → 投产 → 达产 → 入规. */
export const PROJECT_STAGES = [
  'lead',
  'negotiating',
  'signed',
  'registered',
  'land',
  'started',
  'completed',
  'producing',
  'at_capacity',
  'above_scale',
] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];
/** 终止, reachable from any stage with a reason; a project there moves no further. */
export const TERMINATED = 'terminated' as const;
export const PROJECT_STATES = [...PROJECT_STAGES, TERMINATED] as const;
export type ProjectState = (typeof PROJECT_STATES)[number];
export const projectStateSchema = z.enum(PROJECT_STATES);
export const projectStageSchema = z.enum(PROJECT_STAGES);

/** Channels the city names: 链长招商, 链主招商, 乡情招商, 以商招商, 专班招商, 驻点招商, 其他. */
export const PROJECT_CHANNELS = ['chain_chief', 'chain_master', 'hometown', 'business', 'task_force', 'resident', 'other'] as const;
export type ProjectChannel = (typeof PROJECT_CHANNELS)[number];
export const projectChannelSchema = z.enum(PROJECT_CHANNELS);

/** 产业项目, 文旅项目, 基础设施及配套. */
export const PROJECT_CATEGORIES = ['industry', 'culture_tourism', 'infrastructure'] as const;
export type ProjectCategory = (typeof PROJECT_CATEGORIES)[number];
export const projectCategorySchema = z.enum(PROJECT_CATEGORIES);

export const INVESTOR_KINDS = ['company', 'person'] as const;
export const investorKindSchema = z.enum(INVESTOR_KINDS);

/** Roles that record and move projects (the leader reads only; departments and enterprises neither). */
export const PROJECT_WRITER_ROLES = ['admin', 'chain_chief', 'chain_office', 'park', 'county'] as const;
/** Roles that read project lists and the summary (a department: its blockers only). */
export const PROJECT_READER_ROLES = ['admin', 'leader', 'chain_chief', 'chain_office', 'park', 'county', 'department'] as const;

/** The largest amount accepted (元): 10 万亿元; anything above is a typing slip. */
export const MAX_AMOUNT_YUAN = 10_000_000_000_000;
/** An amount below this (元) on a signed project most likely was typed in 万元: answered with a warning. */
export const SUSPECT_SMALL_AMOUNT_YUAN = 100_000;

const amountSchema = z.number().int().min(0).max(MAX_AMOUNT_YUAN);
const dateSchema = z.string().trim().regex(DATE_PATTERN, 'YYYY-MM-DD');

// ── investors ──

export const investorItem = z.object({
  id: z.number().int(),
  kind: investorKindSchema,
  name: z.string(),
  uscc: z.string().nullable(),
  /** 来源地: where the investor comes from (city/province or country). */
  origin: z.string().nullable(),
  /** 籍贯: a person's (or founder's) native place, for 乡情招商. */
  nativePlace: z.string().nullable(),
  /** Masked (张*, 138****5678) for callers that do not own the record. */
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  masked: z.boolean(),
  ...versionField,
});
export type InvestorItem = z.infer<typeof investorItem>;

export const createInvestorRequest = z.object({
  kind: investorKindSchema,
  name: requiredText(100),
  uscc: usccSchema.nullable().default(null),
  origin: optionalText(50),
  nativePlace: optionalText(50),
  contactName: optionalText(50),
  contactPhone: optionalText(30),
});
export type CreateInvestorRequest = z.infer<typeof createInvestorRequest>;

/** Edits an investor (its owner or the admin: the others never saw its contacts unmasked). */
export const updateInvestorRequest = createInvestorRequest.extend(expectedVersionField);
export type UpdateInvestorRequest = z.infer<typeof updateInvestorRequest>;
export const investorParams = idParams;

export const listInvestorsQuery = searchPageQuery;
export type ListInvestorsQuery = z.infer<typeof listInvestorsQuery>;
export const listInvestorsResponse = pagedList(investorItem);
export type ListInvestorsResponse = z.infer<typeof listInvestorsResponse>;

// ── projects ──

const plannedDatesSchema = z.partialRecord(projectStageSchema, dateSchema);
export type StageDates = Partial<Record<ProjectStage, string>>;

export const createProjectRequest = z.object({
  name: requiredText(100),
  /** A confidential lead shows this name to roles without clearance; required when confidential. */
  confidential: z.boolean().default(false),
  codeName: requiredText(50).nullable().default(null),
  investorId: z.number().int().positive().nullable().default(null),
  channel: projectChannelSchema,
  /** The referring 链主 (its USCC) of a 链主招商 project. */
  referringMasterUscc: usccSchema.nullable().default(null),
  chainCode: chainCodeSchema,
  nodeKey: nodeKeySchema.nullable().default(null),
  parkId: z.number().int().positive().nullable().default(null),
  regionCode: regionCodeSchema,
  unit: optionalText(100),
  person: optionalText(50),
  signedAmount: amountSchema.nullable().default(null),
  plannedInvestment: amountSchema.nullable().default(null),
  category: projectCategorySchema.default('industry'),
  plannedDates: plannedDatesSchema.default({}),
  notes: optionalText(2000),
  /** The day the lead was found (its 线索 date); today when left out. */
  leadDate: dateSchema.optional(),
});
export type CreateProjectRequest = z.infer<typeof createProjectRequest>;

export const projectListItem = z.object({
  id: z.number().int(),
  /** The code name in place of the name for callers without clearance of a confidential lead. */
  name: z.string(),
  confidential: z.boolean(),
  stage: projectStateSchema,
  channel: projectChannelSchema,
  category: projectCategorySchema,
  chainCode: z.string(),
  chainName: z.string(),
  nodeKey: z.string().nullable(),
  nodeName: z.string().nullable(),
  parkId: z.number().int().nullable(),
  parkName: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  investorName: z.string().nullable(),
  signedAmount: z.number().int().nullable(),
  plannedInvestment: z.number().int().nullable(),
  signedOn: z.string().nullable(),
  enterpriseUscc: z.string().nullable(),
  ...versionField,
});
export type ProjectListItem = z.infer<typeof projectListItem>;

export const listProjectsQuery = pageQuery.extend({
  stage: projectStateSchema.optional(),
  chain: chainCodeSchema.optional(),
  /** The chain node (缺链/弱链) the projects fill; read with `chain`. */
  node: nodeKeySchema.optional(),
  channel: projectChannelSchema.optional(),
  /** Projects signed in the year. */
  year: yearParam.optional(),
  /** Part of the name (or the code name). */
  q: searchText.optional(),
});
export type ListProjectsQuery = z.infer<typeof listProjectsQuery>;
export const listProjectsResponse = pagedList(projectListItem);
export type ListProjectsResponse = z.infer<typeof listProjectsResponse>;

export const projectStageEvent = z.object({
  fromStage: projectStateSchema.nullable(),
  toStage: projectStateSchema,
  on: z.string(),
  reason: z.string().nullable(),
  byName: z.string(),
  at: z.string(),
});

export const projectAmountChange = z.object({
  field: z.enum(['signedAmount', 'plannedInvestment']),
  before: z.number().int().nullable(),
  after: z.number().int().nullable(),
  /** Raised by more than the settings' amountIncreaseRatio (inflated amounts are a known abuse). */
  flagged: z.boolean(),
  byName: z.string(),
  at: z.string(),
});

export const projectDetail = projectListItem.extend({
  codeName: z.string().nullable(),
  investorId: z.number().int().nullable(),
  referringMasterUscc: z.string().nullable(),
  unit: z.string().nullable(),
  person: z.string().nullable(),
  plannedDates: plannedDatesSchema,
  stageDates: plannedDatesSchema,
  terminatedReason: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  notes: z.string().nullable(),
  timeline: z.array(projectStageEvent),
  amountChanges: z.array(projectAmountChange),
  /** Things the caller should look at again (an amount that looks typed in 万元). */
  warnings: z.array(z.string()),
});
export type ProjectDetail = z.infer<typeof projectDetail>;

export const projectParams = idParams;

/** Moves a project to another state: forward (skipped stages need their dates), back (a reason) or 终止 (a reason). */
export const moveProjectRequest = z.object({
  to: projectStateSchema,
  /** The day the project reached `to`. */
  on: dateSchema,
  /** Dates of the stages skipped on the way. */
  skippedDates: plannedDatesSchema.default({}),
  reason: requiredText(500).nullable().default(null),
  /** The registered enterprise (注册 or later). */
  enterpriseUscc: usccSchema.nullable().optional(),
  ...expectedVersionField,
});
export type MoveProjectRequest = z.infer<typeof moveProjectRequest>;

// ── summary ──

export const projectSummaryQuery = z.object({ year: yearParam });
export const projectSummaryResponse = z.object({
  year: z.number().int(),
  /** Projects first put on the year's major-project list, and their total planned investment (元). */
  majorNew: z.object({ count: z.number().int(), totalInvestment: z.number().int() }),
  /** Projects signed in the year and their 签约额 (元). */
  signed: z.object({ count: z.number().int(), amount: z.number().int() }),
  /** Fractions (0.25 = 25%); null when nothing to divide by. */
  rates: z.object({
    performance: z.number().nullable(),
    started: z.number().nullable(),
    inProduction: z.number().nullable(),
    fundsArrived: z.number().nullable(),
    annualInvestment: z.number().nullable(),
  }),
  /** Enterprises registered through the pipeline and their published gross output of the year (元). */
  pipelineOutput: z.object({ enterprises: z.number().int(), output: z.number().int() }),
});
export type ProjectSummaryResponse = z.infer<typeof projectSummaryResponse>;

// ── edits, the major-project list and monthly investment ──

/** Changes a project's amounts, planned dates and notes; every amount change is kept. */
export const updateProjectRequest = updateRequestOf(
  z.object({
    signedAmount: amountSchema.nullable(),
    plannedInvestment: amountSchema.nullable(),
    plannedDates: plannedDatesSchema,
    unit: z.string().trim().max(100).nullable(),
    person: z.string().trim().max(50).nullable(),
    notes: z.string().trim().max(2000).nullable(),
  }),
);
export type UpdateProjectRequest = z.infer<typeof updateProjectRequest>;

export const majorYearParams = projectParams.extend({ year: yearParam });
/** Puts a project on a year's major-project list with its annual investment plan (元). */
export const setMajorYearRequest = z.object({ annualPlan: amountSchema });
export type SetMajorYearRequest = z.infer<typeof setMajorYearRequest>;

export const investmentParams = projectParams.extend({ period: z.string().regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM') });
/** A month's reported completed investment and 到位资金 (元). */
export const reportInvestmentRequest = z.object({ completed: amountSchema, fundsArrived: amountSchema });
export type ReportInvestmentRequest = z.infer<typeof reportInvestmentRequest>;

// ── warnings ──

/** 三未 (签约未注册, 注册未开工, 开工未竣工 past their planned dates); 重复签约 of one investor, chain and park within 12 months; one project presented at several signing events. */
export const PROJECT_WARNING_KINDS = ['unregistered', 'unstarted', 'uncompleted', 'duplicate_signing', 'multi_event'] as const;
export type ProjectWarningKind = (typeof PROJECT_WARNING_KINDS)[number];

export const projectWarningsQuery = z.object({
  kind: z.enum(PROJECT_WARNING_KINDS).optional(),
  /** The day the warnings are computed for (default today in the city). */
  asOf: dateSchema.optional(),
});
export type ProjectWarningsQuery = z.infer<typeof projectWarningsQuery>;

export const projectWarningItem = z.object({
  kind: z.enum(PROJECT_WARNING_KINDS),
  projectId: z.number().int(),
  name: z.string(),
  chainCode: z.string(),
  stage: projectStateSchema,
  /** The planned date missed (三未), the other signing's date (重复签约), or the latest event (多次签约活动). */
  date: z.string(),
  /** Days past the planned date (三未); days between the two signings (重复签约); the number of events (多次签约活动). */
  days: z.number().int(),
  /** The earlier project signed with the same investor, chain and park (重复签约). */
  otherProjectId: z.number().int().nullable(),
});
export type ProjectWarningItem = z.infer<typeof projectWarningItem>;
export const projectWarningsResponse = z.object({ asOf: z.string(), ...pagedList(projectWarningItem).shape });
export type ProjectWarningsResponse = z.infer<typeof projectWarningsResponse>;

// ── 项目代办制 and 要素保障 ──

/** The approvals an agent (代办员) walks a signed project through. */
export const APPROVAL_ITEMS = ['filing', 'land_pre_review', 'planning', 'land_permit', 'eia', 'energy', 'construction_permit'] as const;
export const approvalItemSchema = z.enum(APPROVAL_ITEMS);
export const APPROVAL_STATUSES = ['pending', 'in_progress', 'done'] as const;
export const approvalStatusSchema = z.enum(APPROVAL_STATUSES);

/** 要素保障 blockers: 用地, 用电, 用水, 资金, 用工, 审批, 其他. */
export const BLOCKER_KINDS = ['land', 'power', 'water', 'funds', 'labour', 'approval', 'other'] as const;
export const blockerKindSchema = z.enum(BLOCKER_KINDS);

export const setAgentRequest = z.object({
  agentName: requiredText(50),
  agentPhone: optionalText(30),
});
export type SetAgentRequest = z.infer<typeof setAgentRequest>;

export const approvalParams = projectParams.extend({ item: approvalItemSchema });
export const setApprovalRequest = z.object({
  status: approvalStatusSchema,
  dueOn: dateSchema.nullable().default(null),
  doneOn: dateSchema.nullable().default(null),
});
export type SetApprovalRequest = z.infer<typeof setApprovalRequest>;

export const createBlockerRequest = z.object({
  kind: blockerKindSchema,
  description: requiredText(500),
  /** The 后盾单位 department that owns it (matches a department account's scope). */
  ownerDepartment: requiredText(50),
  dueOn: dateSchema,
});
export type CreateBlockerRequest = z.infer<typeof createBlockerRequest>;

export const blockerParams = z.object({ blockerId: serialId });
export const resolveBlockerRequest = z.object({ resolvedOn: dateSchema, note: optionalText(500) });
export type ResolveBlockerRequest = z.infer<typeof resolveBlockerRequest>;

export const blockerItem = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  projectName: z.string(),
  kind: blockerKindSchema,
  description: z.string(),
  ownerDepartment: z.string(),
  dueOn: z.string(),
  resolvedOn: z.string().nullable(),
  /** Open past its due date. */
  overdue: z.boolean(),
});
export type BlockerItem = z.infer<typeof blockerItem>;
export const listBlockersQuery = z.object({ overdue: queryBoolean.optional(), asOf: dateSchema.optional() });
export type ListBlockersQuery = z.infer<typeof listBlockersQuery>;
export const listBlockersResponse = z.object({ asOf: z.string(), ...pagedList(blockerItem).shape });
export type ListBlockersResponse = z.infer<typeof listBlockersResponse>;
export const approvalItem = z.object({
  item: approvalItemSchema,
  status: approvalStatusSchema,
  dueOn: z.string().nullable(),
  doneOn: z.string().nullable(),
});
/** A signing event (签约活动) the project was signed or presented at. */
export const signingEventItem = z.object({ id: z.number().int(), eventName: z.string(), heldOn: z.string() });
export type SigningEventItem = z.infer<typeof signingEventItem>;
export const addSigningEventRequest = z.object({ eventName: requiredText(80), heldOn: dateSchema });
export type AddSigningEventRequest = z.infer<typeof addSigningEventRequest>;
export const signingEventParams = z.object({
  id: serialId,
  eventId: serialId,
});

export const projectSupportResponse = z.object({
  agentName: z.string().nullable(),
  agentPhone: z.string().nullable(),
  approvals: z.array(approvalItem),
  blockers: z.array(blockerItem),
  /** The signing events, earliest first; two or more raise the 多次签约活动 warning. */
  signingEvents: z.array(signingEventItem),
});
export type ProjectSupportResponse = z.infer<typeof projectSupportResponse>;

// ── the yearly major-project list ──

export const majorProjectsQuery = pageQuery.extend({
  year: yearParam,
  chain: chainCodeSchema.optional(),
});
export type MajorProjectsQuery = z.infer<typeof majorProjectsQuery>;
export const majorProjectItem = z.object({
  projectId: z.number().int(),
  name: z.string(),
  chainCode: z.string(),
  stage: projectStateSchema,
  plannedInvestment: z.number().int().nullable(),
  annualPlan: z.number().int(),
  /** Completed investment and 到位资金 reported for the year's months (元). */
  completed: z.number().int(),
  fundsArrived: z.number().int(),
  /** First year on the list. */
  isNew: z.boolean(),
});
export type MajorProjectItem = z.infer<typeof majorProjectItem>;
export const majorProjectsResponse = pagedList(majorProjectItem).extend({
  /** Plan vs done by month over the whole list in scope: the plan spread evenly, completed as reported. */
  months: z.array(z.object({ period: z.string(), plan: z.number().int(), completed: z.number().int(), fundsArrived: z.number().int() })),
});
export type MajorProjectsResponse = z.infer<typeof majorProjectsResponse>;

// ── settings ──

/** The admin's project settings: the major-project size threshold and the amount-increase flag. */
export const projectSettings = z.object({
  /** The least 计划总投资 (元) of a project on the yearly major-project list. */
  majorThreshold: amountSchema,
  /** An amount raised by more than this fraction (0.3 = 30%) is flagged (every change is kept anyway). */
  amountIncreaseRatio: z.number().min(0).max(100),
});
export type ProjectSettings = z.infer<typeof projectSettings>;
/** 1亿元 and 30%. */
export const DEFAULT_PROJECT_SETTINGS: ProjectSettings = { majorThreshold: 100_000_000, amountIncreaseRatio: 0.3 };
export const projectSettingsResponse = z.object({
  settings: projectSettings,
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type ProjectSettingsResponse = z.infer<typeof projectSettingsResponse>;

// ── xlsx import ──

/** The columns of the project import, in the template's order (线索 are created, one per row). */
export const PROJECT_IMPORT_COLUMNS = [
  '项目名称',
  '产业链',
  '环节',
  '招商渠道',
  '项目类别',
  '县市区',
  '园区',
  '客商统一社会信用代码',
  '签约额(万元)',
  '计划总投资(万元)',
  '责任单位',
  '责任人',
  '线索日期',
  '备注',
] as const;
export type ProjectImportColumn = (typeof PROJECT_IMPORT_COLUMNS)[number];
/** The columns of the monthly investment import of major projects. */
export const INVESTMENT_IMPORT_COLUMNS = ['项目编号', '月份', '完成投资(万元)', '到位资金(万元)'] as const;
export type InvestmentImportColumn = (typeof INVESTMENT_IMPORT_COLUMNS)[number];

/** `projects`: leads; `investment`: the monthly completed investment of projects. */
export const IMPORT_KINDS = ['projects', 'investment'] as const;
export const projectImportTemplateQuery = z.object({ kind: z.enum(IMPORT_KINDS).default('projects') });
export const projectImportQuery = projectImportTemplateQuery.extend({
  /** true (the default): check only, write nothing. */
  dryRun: queryBoolean.default('true'),
});
/** `created`: the projects (or months) the rows create or replace. */
export const projectImportReport = rowImportReport;
export type ProjectImportReport = z.infer<typeof projectImportReport>;
