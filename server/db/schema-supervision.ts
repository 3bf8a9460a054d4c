// Supervision tasks (督办任务: set by leaders or generated from a chain's yearly target, assigned to a
// chain office, department or park, with a timeline of progress reports) and the chains' meeting
// agenda (议题: groups of problems common to several firms, put on a meeting and marked).
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { AGENDA_GROUP_KINDS, AGENDA_STATUSES } from '../../shared/contracts/agenda.js';
import { TASK_ASSIGNEE_KINDS, TASK_SOURCES } from '../../shared/contracts/supervision.js';
import { TICKET_CATEGORIES } from '../../shared/tickets/workflow.js';
import { TASK_STATUSES } from '../../shared/supervision/workflow.js';
import { chains } from './schema-master.js';
import { belongsTo, inList, references, list } from './schema-checks.js';
import { day, editedColumns, extensionRequestColumns, identityId, timelineColumns } from './schema-columns.js';

/** A supervision task. Only the workflow (supervision.service.ts) changes its status. */
export const supervisionTasks = pgTable(
  'supervision_tasks',
  {
    id: identityId(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    source: text('source').notNull(),
    /** The chain the task belongs to (always for a target's task; optional for a leader's). */
    chainCode: text('chain_code'),
    /** The year of the chain target it was generated from. */
    targetYear: integer('target_year'),
    /** The task's year: its target's, else its deadline's (statistics and the assessment count by it). */
    year: integer('year').notNull(),
    assigneeKind: text('assignee_kind').notNull(),
    /** A chain code, a department's name, or a park's id as text. */
    assigneeRef: text('assignee_ref').notNull(),
    status: text('status').notNull(),
    deadline: day('deadline').notNull(),
    /** The latest reported percent done (100 when completed). */
    progress: smallint('progress').notNull().default(0),
    doneOn: day('done_on'),
    /** Completed by the deadline in force (extensions included). */
    onTime: boolean('on_time'),
    /** A pending 延期 request of the assignee. */
    ...extensionRequestColumns(),
    createdOn: day('created_on').notNull(),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name').notNull(),
    ...editedColumns(),
  },
  (t) => [
    references('supervision_tasks_chain_code_fkey', t.chainCode, chains.code),
    inList('supervision_tasks_source_check', t.source, TASK_SOURCES),
    inList('supervision_tasks_status_check', t.status, TASK_STATUSES),
    inList('supervision_tasks_assignee_kind_check', t.assigneeKind, TASK_ASSIGNEE_KINDS),
    check('supervision_tasks_progress_check', sql`${t.progress} between 0 and 100`),
    index('supervision_tasks_assignee_idx').on(t.assigneeKind, t.assigneeRef),
    index('supervision_tasks_year_idx').on(t.year),
  ],
);

/** The timeline of a task: creation, every action, and progress reports (date, percent, text). Never updated. */
export const supervisionTaskEvents = pgTable(
  'supervision_task_events',
  {
    ...timelineColumns(
      { taskId: integer('task_id').notNull() },
      { fromStatus: text('from_status'), toStatus: text('to_status').notNull() },
    ),
    reportedOn: day('reported_on'),
    percent: smallint('percent'),
    note: text('note'),
  },
  (t) => [
    ...belongsTo('supervision_task_events', t.taskId, supervisionTasks.id),
    check('supervision_task_events_percent_check', sql`${t.percent} between 0 and 100`),
  ],
);

/**
 * An item of a chain's meeting agenda: a group of problems (one category at one node, or one
 * department) with the firms and tickets it held when put on the agenda. One unresolved item per group.
 */
export const agendaItems = pgTable(
  'agenda_items',
  {
    id: identityId(),
    chainCode: text('chain_code').notNull(),
    groupKind: text('group_kind').notNull(),
    /** `category_node:<category>:<node id>` or `department:<name>`: one group of the chain. */
    groupKey: text('group_key').notNull(),
    category: text('category'),
    nodeId: integer('node_id'),
    department: text('department'),
    firms: integer('firms').notNull(),
    ticketIds: integer('ticket_ids')
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    meetingOn: day('meeting_on').notNull(),
    status: text('status').notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    ...editedColumns(),
  },
  (t) => [
    references('agenda_items_chain_code_fkey', t.chainCode, chains.code).onDelete('cascade'),
    inList('agenda_items_group_kind_check', t.groupKind, AGENDA_GROUP_KINDS),
    inList('agenda_items_status_check', t.status, AGENDA_STATUSES),
    check('agenda_items_category_check', sql.raw(`${t.category.name} is null or ${t.category.name} in (${list(TICKET_CATEGORIES)})`)),
    uniqueIndex('agenda_items_open_group_key')
      .on(t.chainCode, t.groupKey)
      .where(sql`${t.status} <> 'resolved'`),
  ],
);
