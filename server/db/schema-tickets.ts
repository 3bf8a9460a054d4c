// Enterprise problem tickets (问题交办): the ticket, its responsible units (one lead, any 协办), its
// timeline, the 走访 visits that registered problems, and in-app notifications.
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  char,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { NOTIFICATION_KINDS, TICKET_SOURCES } from '../../shared/contracts/tickets.js';
import { TICKET_CATEGORIES, TICKET_STATES } from '../../shared/tickets/workflow.js';
import { enterprises, parks, rowVersion } from './schema-master.js';
import { list } from './schema-checks.js';
import { supervisionTasks } from './schema-supervision.js';

/** A 走访 (visit to an enterprise) during which problems were registered. */
export const ticketVisits = pgTable(
  'ticket_visits',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    uscc: char('uscc', { length: 18 }).notNull(),
    visitedOn: date('visited_on', { mode: 'string' }).notNull(),
    visitors: text('visitors').notNull(),
    notes: text('notes').notNull().default(''),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: 'ticket_visits_uscc_fkey', columns: [t.uscc], foreignColumns: [enterprises.uscc] }),
    index('ticket_visits_uscc_idx').on(t.uscc),
  ],
);

/**
 * One problem of one enterprise. Chains, node, park and region are copied from the enterprise when
 * it is filed (the ticket keeps the picture of that day). Only the workflow (tickets.service.ts)
 * writes `state`. Dates are Asia/Shanghai calendar days.
 */
export const tickets = pgTable(
  'tickets',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    uscc: char('uscc', { length: 18 }).notNull(),
    category: text('category').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    source: text('source').notNull(),
    visitId: integer('visit_id'),
    state: text('state').notNull(),
    /** The enterprise's chains when filed; `chain_code` its primary one. */
    chainCodes: text('chain_codes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    chainCode: text('chain_code'),
    nodeId: integer('node_id'),
    parkId: integer('park_id'),
    regionCode: text('region_code').notNull(),
    /** An investment project this problem holds up (checked at filing: one the filer may see). */
    projectId: integer('project_id'),
    /** A 预警 it came from: `period:uscc:kind`. */
    warningRef: text('warning_ref'),
    filedOn: date('filed_on', { mode: 'string' }).notNull(),
    /** Null when the calendar lacked the year (filing never fails for it; the page says so). */
    acceptDue: date('accept_due', { mode: 'string' }),
    assignedOn: date('assigned_on', { mode: 'string' }),
    respondDue: date('respond_due', { mode: 'string' }),
    dueDate: date('due_date', { mode: 'string' }),
    reviewOn: date('review_on', { mode: 'string' }),
    answeredOn: date('answered_on', { mode: 'string' }),
    answer: text('answer'),
    ratedOn: date('rated_on', { mode: 'string' }),
    rating: smallint('rating'),
    ratingComment: text('rating_comment'),
    closedOn: date('closed_on', { mode: 'string' }),
    /** Set at 办结: answered by the deadline in force (extensions included). */
    onTime: boolean('on_time'),
    /** Set at 办结: working days from filing to closing. */
    workingDays: integer('working_days'),
    /** A pending 延期 request of the lead unit. */
    extensionDue: date('extension_due', { mode: 'string' }),
    extensionReason: text('extension_reason'),
    /** Whether an extension was ever approved. */
    extended: boolean('extended').notNull().default(false),
    createdBy: uuid('created_by'),
    version: rowVersion(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: 'tickets_uscc_fkey', columns: [t.uscc], foreignColumns: [enterprises.uscc] }),
    foreignKey({ name: 'tickets_park_id_fkey', columns: [t.parkId], foreignColumns: [parks.id] }),
    foreignKey({ name: 'tickets_visit_id_fkey', columns: [t.visitId], foreignColumns: [ticketVisits.id] }),
    check('tickets_category_check', sql.raw(`${t.category.name} in (${list(TICKET_CATEGORIES)})`)),
    check('tickets_state_check', sql.raw(`${t.state.name} in (${list(TICKET_STATES)})`)),
    check('tickets_source_check', sql.raw(`${t.source.name} in (${list(TICKET_SOURCES)})`)),
    check('tickets_rating_check', sql`${t.rating} between 1 and 5`),
    index('tickets_uscc_idx').on(t.uscc),
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
    foreignKey({ name: 'ticket_units_ticket_id_fkey', columns: [t.ticketId], foreignColumns: [tickets.id] }).onDelete('cascade'),
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
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ticketId: integer('ticket_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role').notNull(),
    note: text('note'),
    data: jsonb('data'),
  },
  (t) => [
    foreignKey({ name: 'ticket_events_ticket_id_fkey', columns: [t.ticketId], foreignColumns: [tickets.id] }).onDelete('cascade'),
    index('ticket_events_ticket_idx').on(t.ticketId),
  ],
);

/** In-app notifications of one user (new assignment, answer, deadline, 批示…); read when `read_at` is set. */
export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    ticketId: integer('ticket_id'),
    /** The supervision task it is about (task kinds). */
    taskId: integer('task_id'),
    /** Placeholders of the message (`notifications.kind.<kind>`), e.g. the ticket's title. */
    params: jsonb('params').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    foreignKey({ name: 'notifications_ticket_id_fkey', columns: [t.ticketId], foreignColumns: [tickets.id] }).onDelete('cascade'),
    foreignKey({ name: 'notifications_task_id_fkey', columns: [t.taskId], foreignColumns: [supervisionTasks.id] }).onDelete('cascade'),
    check('notifications_kind_check', sql.raw(`${t.kind.name} in (${list(NOTIFICATION_KINDS)})`)),
    index('notifications_user_idx').on(t.userId, t.readAt),
  ],
);
