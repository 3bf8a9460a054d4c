// Enterprise problem tickets (问题交办): the ticket, its responsible units (one lead, any 协办), its
// timeline, the 走访 visits that registered problems, and in-app notifications.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { NOTIFICATION_KINDS, TICKET_SOURCES } from '../../shared/contracts/tickets.js';
import { TICKET_CATEGORIES, TICKET_STATES } from '../../shared/tickets/workflow.js';
import { enterprises, parks } from './schema-master.js';
import { belongsTo, inList, references } from './schema-checks.js';
import { supervisionTasks } from './schema-supervision.js';
import {
  createdAt,
  day,
  editedColumns,
  extensionRequestColumns,
  identityId,
  placeColumns,
  serialId,
  textList,
  timelineColumns,
  timestamptz,
  usccColumn,
} from './schema-columns.js';

/** The constraints of a row about one enterprise: a known enterprise, and the index to find its rows. */
const ofEnterprise = (table: string, t: { uscc: AnyPgColumn }) => [
  references(`${table}_uscc_fkey`, t.uscc, enterprises.uscc),
  index(`${table}_uscc_idx`).on(t.uscc),
];

/** A 走访 (visit to an enterprise) during which problems were registered. */
export const ticketVisits = pgTable(
  'ticket_visits',
  {
    id: identityId(),
    uscc: usccColumn().notNull(),
    visitedOn: day('visited_on').notNull(),
    visitors: text('visitors').notNull(),
    notes: text('notes').notNull().default(''),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => ofEnterprise('ticket_visits', t),
);

/**
 * One problem of one enterprise. Chains, node, park and region are copied from the enterprise when
 * it is filed (the ticket keeps the picture of that day). Only the workflow (tickets.service.ts)
 * writes `state`. Dates are Asia/Shanghai calendar days.
 */
export const tickets = pgTable(
  'tickets',
  {
    id: identityId(),
    uscc: usccColumn().notNull(),
    category: text('category').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    source: text('source').notNull(),
    visitId: integer('visit_id'),
    state: text('state').notNull(),
    /** The enterprise's chains when filed; `chain_code` its primary one. */
    chainCodes: textList('chain_codes'),
    chainCode: text('chain_code'),
    ...placeColumns(),
    /** An investment project this problem holds up (checked at filing: one the filer may see). */
    projectId: integer('project_id'),
    /** A 预警 it came from: `period:uscc:kind`. */
    warningRef: text('warning_ref'),
    filedOn: day('filed_on').notNull(),
    /** Null when the calendar lacked the year (filing never fails for it; the page says so). */
    acceptDue: day('accept_due'),
    assignedOn: day('assigned_on'),
    respondDue: day('respond_due'),
    dueDate: day('due_date'),
    reviewOn: day('review_on'),
    answeredOn: day('answered_on'),
    answer: text('answer'),
    ratedOn: day('rated_on'),
    rating: smallint('rating'),
    ratingComment: text('rating_comment'),
    closedOn: day('closed_on'),
    /** Set at 办结: answered by the deadline in force (extensions included). */
    onTime: boolean('on_time'),
    /** Set at 办结: working days from filing to closing. */
    workingDays: integer('working_days'),
    /** A pending 延期 request of the lead unit. */
    ...extensionRequestColumns(),
    /** Whether an extension was ever approved. */
    extended: boolean('extended').notNull().default(false),
    createdBy: uuid('created_by'),
    ...editedColumns(),
  },
  (t) => [
    ...ofEnterprise('tickets', t),
    references('tickets_park_id_fkey', t.parkId, parks.id),
    references('tickets_visit_id_fkey', t.visitId, ticketVisits.id),
    inList('tickets_category_check', t.category, TICKET_CATEGORIES),
    inList('tickets_state_check', t.state, TICKET_STATES),
    inList('tickets_source_check', t.source, TICKET_SOURCES),
    check('tickets_rating_check', sql`${t.rating} between 1 and 5`),
    index('tickets_filed_idx').on(t.filedOn),
    index('tickets_closed_idx').on(t.closedOn),
  ],
);

/** The units responsible for a ticket: exactly one lead while assigned, any number of 协办. */
export const ticketUnits = pgTable(
  'ticket_units',
  {
    ticketId: integer('ticket_id').notNull(),
    department: text('department').notNull(),
    isLead: boolean('is_lead').notNull(),
  },
  (t) => [
    primaryKey({ name: 'ticket_units_pkey', columns: [t.ticketId, t.department] }),
    references('ticket_units_ticket_id_fkey', t.ticketId, tickets.id).onDelete('cascade'),
    uniqueIndex('ticket_units_one_lead_key')
      .on(t.ticketId)
      .where(sql`${t.isLead}`),
    index('ticket_units_department_idx').on(t.department),
  ],
);

/** The timeline: every action on a ticket (who, when, from and to which state, why). Never updated. */
export const ticketEvents = pgTable(
  'ticket_events',
  {
    ...timelineColumns(
      { ticketId: integer('ticket_id').notNull() },
      { fromState: text('from_state'), toState: text('to_state').notNull() },
    ),
    note: text('note'),
    data: jsonb('data'),
  },
  (t) => belongsTo('ticket_events', t.ticketId, tickets.id),
);

/** In-app notifications of one user (new assignment, answer, deadline, 批示…); read when `read_at` is set. */
export const notifications = pgTable(
  'notifications',
  {
    id: serialId(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    ticketId: integer('ticket_id'),
    /** The supervision task it is about (task kinds). */
    taskId: integer('task_id'),
    /** Placeholders of the message (`notifications.kind.<kind>`), e.g. the ticket's title. */
    params: jsonb('params').notNull(),
    createdAt: createdAt(),
    readAt: timestamptz('read_at'),
  },
  (t) => [
    references('notifications_ticket_id_fkey', t.ticketId, tickets.id).onDelete('cascade'),
    references('notifications_task_id_fkey', t.taskId, supervisionTasks.id).onDelete('cascade'),
    inList('notifications_kind_check', t.kind, NOTIFICATION_KINDS),
    index('notifications_user_idx').on(t.userId, t.readAt),
  ],
);
