import { z } from 'zod';
import { calendarDateSchema } from './calendar.js';
import { idParams, itemList, pagedList, queryBoolean, requiredText } from './common.js';
import { chainCodeSchema } from './identifiers.js';
import type { Role } from '../roles.js';
import {
  ticketLightSchema,
  timelineEventFields,
  workflowActionRequest,
  workflowDetailFields,
  workflowListQuery,
  workflowNote,
  workflowReason,
} from './tickets.js';
import { TASK_ACTIONS, TASK_PARTIES, TASK_STATUSES } from '../supervision/workflow.js';

/** Roles that see supervision tasks (each its own; enterprises and 县市区 have none). */
export const TASK_READER_ROLES: readonly Role[] = ['admin', 'leader', 'chain_chief', 'chain_office', 'department', 'park'];
/** Roles that act on tasks (the 链长 reads only). */
export const TASK_ACTOR_ROLES: readonly Role[] = ['admin', 'leader', 'chain_office', 'department', 'park'];
/** Roles that set tasks (by hand or from a chain's target). */
export const TASK_SETTER_ROLES: readonly Role[] = ['admin', 'leader', 'chain_office'];

export { TASK_ACTIONS, TASK_STATUSES };
export type { TaskAction, TaskStatus } from '../supervision/workflow.js';

/** Who a task is assigned to: a chain office (ref = chain code), a department (its name) or a park (its id). */
export const TASK_ASSIGNEE_KINDS = ['chain_office', 'department', 'park'] as const;
export type TaskAssigneeKind = (typeof TASK_ASSIGNEE_KINDS)[number];

/** Where a task came from: a chain's yearly target, a leader, or anything else. */
export const TASK_SOURCES = ['target', 'leader', 'other'] as const;
export type TaskSource = (typeof TASK_SOURCES)[number];

export const taskStatusSchema = z.enum(TASK_STATUSES);
export const taskActionSchema = z.enum(TASK_ACTIONS);
export const taskAssigneeKindSchema = z.enum(TASK_ASSIGNEE_KINDS);
export const taskSourceSchema = z.enum(TASK_SOURCES);

export const taskAssignee = z.object({ kind: taskAssigneeKindSchema, ref: requiredText(60) });
export type TaskAssignee = z.infer<typeof taskAssignee>;

/** A task set by hand (a leader, the admin, or a chain office for its own chain). */
export const createTaskRequest = z.object({
  title: requiredText(100),
  description: z.string().trim().max(4000).default(''),
  source: z.enum(['leader', 'other']).default('leader'),
  chainCode: chainCodeSchema.nullable().optional(),
  assignee: taskAssignee,
  deadline: calendarDateSchema,
});
export type CreateTaskRequest = z.input<typeof createTaskRequest>;

/** 从年度目标生成任务: a task to reach a chain's target of a year (assigned to its chain office unless another assignee is given). */
export const taskFromTargetRequest = z.object({
  chainCode: chainCodeSchema,
  year: z.number().int().min(2000).max(2100),
  assignee: taskAssignee.optional(),
  /** The last day of the year when omitted. */
  deadline: calendarDateSchema.optional(),
});
export type TaskFromTargetRequest = z.input<typeof taskFromTargetRequest>;

export const taskActionRequest = workflowActionRequest(taskActionSchema, {
  /** A progress report: percent done (0–100), its date (today when omitted) and text. */
  percent: z.number().int().min(0).max(100).optional(),
  reportedOn: calendarDateSchema.optional(),
  note: workflowNote.optional(),
  reason: workflowReason.optional(),
  assignee: taskAssignee.optional(),
  requestedDeadline: calendarDateSchema.optional(),
});
export type TaskActionRequest = z.input<typeof taskActionRequest>;

export const taskParams = idParams;

/** `year`: the task's year (of its target, else of its deadline). */
export const listTasksQuery = workflowListQuery.extend({
  status: taskStatusSchema.optional(),
  source: taskSourceSchema.optional(),
  assigneeKind: taskAssigneeKindSchema.optional(),
  /** Only red tasks (the leaders' 督办 list). */
  escalated: queryBoolean.optional(),
});
export type ListTasksQuery = z.input<typeof listTasksQuery>;

export const taskItem = z.object({
  id: z.number().int(),
  title: z.string(),
  source: taskSourceSchema,
  year: z.number().int(),
  chainCode: z.string().nullable(),
  chainName: z.string().nullable(),
  assigneeKind: taskAssigneeKindSchema,
  assigneeRef: z.string(),
  /** The assignee as people read it (the chain's office, the department, the park's name). */
  assigneeName: z.string(),
  status: taskStatusSchema,
  deadline: z.string(),
  progress: z.number().int(),
  doneOn: z.string().nullable(),
  onTime: z.boolean().nullable(),
  /** Lights of open tasks only (a completed or returned task has none). */
  light: ticketLightSchema.nullable(),
  extensionDue: z.string().nullable(),
  createdOn: z.string(),
  version: z.number().int(),
});
export type TaskItem = z.infer<typeof taskItem>;
export const listTasksResponse = pagedList(taskItem);
export type ListTasksResponse = z.infer<typeof listTasksResponse>;

export const TASK_EVENT_ACTIONS = ['create', ...TASK_ACTIONS] as const;

export const taskEvent = z.object({
  ...timelineEventFields,
  action: z.enum(TASK_EVENT_ACTIONS),
  fromStatus: taskStatusSchema.nullable(),
  toStatus: taskStatusSchema,
  /** A progress report's date and percent. */
  reportedOn: z.string().nullable(),
  percent: z.number().int().nullable(),
});
export type TaskEvent = z.infer<typeof taskEvent>;

export const taskDetail = taskItem.extend({
  description: z.string(),
  targetYear: z.number().int().nullable(),
  extensionReason: z.string().nullable(),
  createdByName: z.string(),
  ...workflowDetailFields(taskEvent, z.enum(TASK_PARTIES), taskActionSchema),
});
export type TaskDetail = z.infer<typeof taskDetail>;

/** Whom a task may be assigned to (the create dialog's choices). */
export const taskAssigneeOption = z.object({ kind: taskAssigneeKindSchema, ref: z.string(), name: z.string() });
export const taskAssigneesResponse = itemList(taskAssigneeOption);
export type TaskAssigneeOption = z.infer<typeof taskAssigneeOption>;

/** A year's completion of one assignee's tasks (the assessment's "tasks done" indicator). */
export type TaskCompletion = { total: number; done: number; onTime: number };
