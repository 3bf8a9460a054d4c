import { z } from 'zod';
import { calendarDateSchema } from './calendar.js';
import { idParams, pagedList, pageQuery, queryBoolean, recordVersion, requiredText, yearParam } from './common.js';
import { chainCodeSchema, usccSchema } from './identifiers.js';
import { ROLES } from '../roles.js';
import { DEFAULT_TICKET_TIME_LIMITS, TICKET_ACTIONS, TICKET_CATEGORIES, TICKET_PARTIES, TICKET_STATES } from '../tickets/workflow.js';

export { DEFAULT_TICKET_TIME_LIMITS, TICKET_ACTIONS, TICKET_CATEGORIES, TICKET_STATES };
export type { TicketAction, TicketCategory, TicketState } from '../tickets/workflow.js';

/** How a problem came in: the enterprise itself, staff on its behalf, or a 走访 visit. */
export const TICKET_SOURCES = ['enterprise', 'staff', 'visit'] as const;
export type TicketSource = (typeof TICKET_SOURCES)[number];

/** 督办 lights: green on time, yellow within 2 working days of the deadline, red overdue. */
export const TICKET_LIGHTS = ['green', 'yellow', 'red'] as const;
export type TicketLight = (typeof TICKET_LIGHTS)[number];

/** What a notification tells: a new assignment, an answer, a deadline near or passed, a 批示, a rating, a filing; a task's news; a new 议题. */
export const NOTIFICATION_KINDS = [
  'filed',
  'assigned',
  'answered',
  'rated',
  'deadline',
  'overdue',
  'instruction',
  'returned',
  'extension',
  // Supervision tasks (督办任务) and the chains' agenda (议题).
  'task_assigned',
  'task_progress',
  'task_done',
  'task_returned',
  'task_extension',
  'task_deadline',
  'task_overdue',
  'agenda_scheduled',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const ticketCategorySchema = z.enum(TICKET_CATEGORIES);
export const ticketStateSchema = z.enum(TICKET_STATES);
export const ticketActionSchema = z.enum(TICKET_ACTIONS);
export const ticketLightSchema = z.enum(TICKET_LIGHTS);
const departmentName = requiredText(60);

export const ticketTimeLimits = z.object({
  acceptDays: z.number().int().min(1).max(30),
  answerDays: z.number().int().min(1).max(30),
  resolveDays: z.number().int().min(1).max(120),
  multiDepartmentDays: z.number().int().min(1).max(250),
});
export type TicketTimeLimitsInput = z.infer<typeof ticketTimeLimits>;
export const ticketSettingsResponse = z.object({ limits: ticketTimeLimits, updatedAt: z.string().nullable() });

export const createTicketRequest = z.object({
  uscc: usccSchema,
  category: ticketCategorySchema,
  title: requiredText(100),
  description: requiredText(4000),
  projectId: z.number().int().positive().nullable().optional(),
  warningRef: z.string().trim().max(80).nullable().optional(),
  /** A 走访: when given, the ticket's source is `visit` and the visit is recorded with it. */
  visit: z
    .object({ visitedOn: calendarDateSchema, visitors: requiredText(200), notes: z.string().trim().max(2000).default('') })
    .optional(),
});
export type CreateTicketRequest = z.input<typeof createTicketRequest>;

/** A reason given with a workflow move (退回, 延期, 转办…) and a note (协办, 批示, a progress report), both trimmed. */
export const workflowReason = z.string().trim().max(1000);
export const workflowNote = z.string().trim().max(2000);

/**
 * One action on a workflow's record (a ticket, a supervision task): the action, the record's version
 * the page showed (a record changed since answers 409 and stays), and the fields of the actions (which
 * an action needs is in the workflow table, `requires`).
 */
export function workflowActionRequest<A extends z.ZodType, T extends z.ZodRawShape>(action: A, fields: T) {
  return z.object({ action, version: recordVersion, ...fields });
}

/** What a workflow record's detail ends with: its timeline, the caller's parties on it and the actions the workflow offers them now. */
export function workflowDetailFields<E extends z.ZodType, P extends z.ZodType, A extends z.ZodType>(event: E, party: P, action: A) {
  return { events: z.array(event), parties: z.array(party), actions: z.array(action) };
}

export const ticketActionRequest = workflowActionRequest(ticketActionSchema, {
  reason: workflowReason.optional(),
  leadUnit: departmentName.optional(),
  coUnits: z.array(departmentName).max(10).optional(),
  /** A deadline set by hand (交办, 转办): else counted from the time limits. */
  dueDate: calendarDateSchema.optional(),
  answer: z.string().trim().max(4000).optional(),
  rating: z.number().int().min(1).max(5).optional(),
  comment: z.string().trim().max(1000).optional(),
  reviewOn: calendarDateSchema.optional(),
  requestedDue: calendarDateSchema.optional(),
  note: workflowNote.optional(),
});
export type TicketActionRequest = z.input<typeof ticketActionRequest>;

export const ticketParams = idParams;

/** The filters of both workflow lists (tickets, supervision tasks): a year, a chain, a 督办 light, and text to search. */
export const workflowListQuery = pageQuery.extend({
  year: yearParam.optional(),
  chain: chainCodeSchema.optional(),
  light: ticketLightSchema.optional(),
  q: z.string().trim().max(100).optional(),
});

/** `year`: filed in that year; `q`: in the title, the description or the enterprise's name. */
export const listTicketsQuery = workflowListQuery.extend({
  state: ticketStateSchema.optional(),
  category: ticketCategorySchema.optional(),
  unit: departmentName.optional(),
  /** Only tickets still open (not 办结 or 退回). */
  open: queryBoolean.optional(),
});
export type ListTicketsQuery = z.input<typeof listTicketsQuery>;

export const ticketItem = z.object({
  id: z.number().int(),
  uscc: z.string(),
  enterpriseName: z.string(),
  category: ticketCategorySchema,
  title: z.string(),
  source: z.enum(TICKET_SOURCES),
  state: ticketStateSchema,
  chainCode: z.string().nullable(),
  chainCodes: z.array(z.string()),
  parkId: z.number().int().nullable(),
  parkName: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  leadUnit: z.string().nullable(),
  coUnits: z.array(z.string()),
  filedOn: z.string(),
  acceptDue: z.string().nullable(),
  respondDue: z.string().nullable(),
  dueDate: z.string().nullable(),
  reviewOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  /** The deadline running now (to accept, to start, to answer, to review), null when none runs. */
  deadline: z.string().nullable(),
  light: ticketLightSchema.nullable(),
  rating: z.number().int().nullable(),
  onTime: z.boolean().nullable(),
  extended: z.boolean(),
  version: z.number().int(),
});
export type TicketItem = z.infer<typeof ticketItem>;
export const listTicketsResponse = pagedList(ticketItem);
export type ListTicketsResponse = z.infer<typeof listTicketsResponse>;

/** What a timeline row records: filing, or one of the workflow's actions. */
export const TICKET_EVENT_ACTIONS = ['file', ...TICKET_ACTIONS] as const;

/** What every workflow's timeline row carries (a ticket's, a supervision task's): when, by whom in which role, the note. */
export const timelineEventFields = {
  id: z.number().int(),
  at: z.string(),
  actorName: z.string(),
  actorRole: z.enum(ROLES),
  note: z.string().nullable(),
};

export const ticketEvent = z.object({
  ...timelineEventFields,
  action: z.enum(TICKET_EVENT_ACTIONS),
  fromState: ticketStateSchema.nullable(),
  toState: ticketStateSchema,
  data: z.unknown(),
});
export type TicketEvent = z.infer<typeof ticketEvent>;

export const ticketDetail = ticketItem.extend({
  description: z.string(),
  answer: z.string().nullable(),
  answeredOn: z.string().nullable(),
  ratingComment: z.string().nullable(),
  projectId: z.number().int().nullable(),
  warningRef: z.string().nullable(),
  nodeName: z.string().nullable(),
  extensionDue: z.string().nullable(),
  extensionReason: z.string().nullable(),
  visit: z.object({ visitedOn: z.string(), visitors: z.string(), notes: z.string() }).nullable(),
  ...workflowDetailFields(ticketEvent, z.enum(TICKET_PARTIES), ticketActionSchema),
});
export type TicketDetail = z.infer<typeof ticketDetail>;

export const ticketStatsQuery = z.object({ year: yearParam });

/** A share: null when nothing was counted. */
const share = z.number().nullable();

/**
 * A year's figures: received = filed in the year; closed = 办结 in the year; onTimeRate = of those
 * closed, the share answered by their deadline (extensions included), 0–1; avgWorkingDays = their
 * mean working days from filing to 办结 (one decimal); satisfaction = of the ratings given in the
 * year, the share of 4 or 5 (满意率), 0–1.
 */
export const ticketStatsHead = z.object({
  year: z.number().int(),
  received: z.number().int(),
  closed: z.number().int(),
  onTimeRate: share,
  avgWorkingDays: z.number().nullable(),
  satisfaction: share,
});
export type TicketStatsHead = z.infer<typeof ticketStatsHead>;

export const ticketStatsRow = ticketStatsHead
  .omit({ year: true })
  .extend({ key: z.string(), label: z.string(), open: z.number().int(), overdue: z.number().int() });
export type TicketStatsRow = z.infer<typeof ticketStatsRow>;

export const ticketStatsResponse = ticketStatsHead.extend({
  byUnit: z.array(ticketStatsRow),
  byChain: z.array(ticketStatsRow),
  byCategory: z.array(ticketStatsRow),
  byMonth: z.array(ticketStatsRow),
});
export type TicketStatsResponse = z.infer<typeof ticketStatsResponse>;

export const notificationItem = z.object({
  id: z.number().int(),
  kind: z.enum(NOTIFICATION_KINDS),
  ticketId: z.number().int().nullable(),
  taskId: z.number().int().nullable(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  createdAt: z.string(),
  read: z.boolean(),
});
export type NotificationItem = z.infer<typeof notificationItem>;
export const listNotificationsQuery = pageQuery.extend({ unread: queryBoolean.optional() });
export const listNotificationsResponse = pagedList(notificationItem).extend({ unread: z.number().int() });
export type ListNotificationsResponse = z.infer<typeof listNotificationsResponse>;
/** Marks some notifications read (ids), or all of the caller's. */
export const readNotificationsRequest = z.object({ ids: z.array(z.number().int().positive()).max(500).optional() });
