// Column builders the schema files share: the same column declared once, so every table that has it
// declares it alike (name, type, nullability, default). Each returns a fresh builder, to be called once
// per table; a group of columns is a function returning an object to spread, in its place, into the
// table's columns (the order of the columns in the table, and so in the generated SQL, is unchanged).
import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, char, date, integer, text, timestamp, uuid, type PgColumnBuilderBase } from 'drizzle-orm/pg-core';

/** Integer 元 (bigint read as a JS number: safe up to 9×10^15 元). */
export const money = (name: string) => bigint(name, { mode: 'number' });

/** A point in time, with its time zone. */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true });

/** When the row was written (`created_at`, `at`, `uploaded_at`…): now unless given. */
export const writtenAt = (name: string) => timestamptz(name).notNull().defaultNow();
export const createdAt = () => writtenAt('created_at');
export const updatedAt = () => writtenAt('updated_at');

/**
 * Optimistic locking of a record users edit through a form: 1 when created, +1 with every update
 * (forms, the CLI and imports alike); an update that names an older version changes nothing.
 */
export const rowVersion = () => integer('version').notNull().default(1);

/** The columns of a record users edit through a form: its row version, when created and last updated. */
export const editedColumns = () => ({ version: rowVersion(), createdAt: createdAt(), updatedAt: updatedAt() });

/** A row's own number, given by the database (a caller may also give one, as the seed and tests do). */
export const identityId = () => integer('id').primaryKey().generatedByDefaultAsIdentity();

/** The number of an append-only row (events, revisions), too many in time for an integer. */
export const serialId = () => bigserial('id', { mode: 'number' }).primaryKey();

/** A 统一社会信用代码 (18 characters). */
export const usccColumn = (name = 'uscc') => char(name, { length: 18 });

/** The enterprise-month a row is of: the firm and the period, the text 'YYYY-MM'. */
export const firmMonthColumns = () => ({ uscc: usccColumn().notNull(), period: text('period').notNull() });

/** Where a project or an enterprise's problem stands: the node on its chain, its park (if in one) and its county. */
export const placeColumns = () => ({
  nodeId: integer('node_id'),
  parkId: integer('park_id'),
  regionCode: text('region_code').notNull(),
});

/** A calendar day as the text 'YYYY-MM-DD' (never shifted through a time zone by the driver). */
export const day = (name: string) => date(name, { mode: 'string' });

/** A pending 延期 request on a ticket or a supervision task: the day asked for and why (null when none is pending). */
export const extensionRequestColumns = () => ({ extensionDue: day('extension_due'), extensionReason: text('extension_reason') });

/** A list of texts, empty unless given. */
export const textList = (name: string) =>
  text(name)
    .array()
    .notNull()
    .default(sql`'{}'::text[]`);

/** A fictional row of the demo dataset. */
export const isDemo = () => boolean('is_demo').notNull().default(false);

/** Who did what a row records: the user (null for the system) and their display name as it was then. */
export const actorColumns = () => ({ actorId: uuid('actor_id'), actorName: text('actor_name').notNull() });

/** Columns to spread into a table's, by their property names. */
type ColumnGroup = Record<string, PgColumnBuilderBase>;

/**
 * The columns of a workflow's timeline row (a ticket's, a supervision task's), in their order: its own
 * number, the record it is of, when, the action, the move (the record's state before and after), and who
 * did it in which role. The record's id and the two state columns are the table's (`ticket_id`, `from_state`…).
 */
export const timelineColumns = <R extends ColumnGroup, M extends ColumnGroup>(record: R, move: M) => ({
  id: serialId(),
  ...record,
  at: writtenAt('at'),
  action: text('action').notNull(),
  ...move,
  ...actorColumns(),
  actorRole: text('actor_role').notNull(),
});
