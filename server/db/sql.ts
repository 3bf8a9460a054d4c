// The SQL helpers every queries file uses: raw rows parsed at the boundary, timestamps as ISO text,
// arrays as parameters. One place, so a change of driver or database kind is made once.
import { eq, getTableColumns, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgInsertValue, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { atVersion, bumpVersion, updatedOrConflict } from '../lib/optimistic-lock.js';
import type { Db } from './client.js';

/**
 * The rows of a raw `db.execute` answer, each checked against `schema`. The driver hands rows over
 * untyped (and int8, numeric and timestamps as their database text unless cast), so the shape is
 * checked here instead of trusted: a query that drifts from its row type fails loudly at its source.
 */
export function parseRows<S extends z.ZodType>(result: { rows: readonly unknown[] }, schema: S): z.output<S>[] {
  const out: z.output<S>[] = [];
  for (const [index, row] of result.rows.entries()) {
    const parsed = schema.safeParse(row);
    if (!parsed.success) throw new Error(`row ${index} does not match its row type: ${parsed.error.message}`);
    out.push(parsed.data);
  }
  return out;
}

/** A timestamptz expression as ISO 8601 text in UTC (the pg driver hands timestamps over as raw text). */
export function isoSql(expression: SQL | string): SQL {
  const value = typeof expression === 'string' ? sql.raw(expression) : expression;
  return sql`to_char(${value} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** Strings as one text[] parameter (`= ANY(…)`), however many there are. */
export function textArray(values: readonly string[]): SQL {
  return sql`${sql.param([...values])}::text[]`;
}

type VersionedTable = PgTable & { version: PgColumn };

/**
 * Changes the one record `key` selects at the version the editor read (any version when none is given),
 * bumping its version (and `updated_at` where the table has one); 409 `version_conflict` when nothing matched (it moved on or went away).
 */
export async function updateAtVersion<T extends VersionedTable>(
  db: Db,
  table: T,
  key: SQL | undefined,
  patch: PgUpdateSetSource<T>,
  expectedVersion: number | undefined,
): Promise<T['$inferSelect']> {
  if (!key) throw new Error('a versioned update needs the key of its record');
  const stamp = 'updatedAt' in table ? { updatedAt: new Date() } : {};
  // `version` is a column of every versioned table (VersionedTable above), `updatedAt` checked just above.
  const set = { ...patch, version: bumpVersion(table.version), ...stamp } as PgUpdateSetSource<T>;
  const query = db
    .update(table)
    .set(set)
    .where(atVersion(key, table.version, expectedVersion))
    .returning();
  // Drizzle cannot work out `returning()`'s row type for a generic table; it is that table's row.
  const rows = (await query) as T['$inferSelect'][];
  return updatedOrConflict(rows[0]);
}

/** Deletes the one record `key` selects at the version the editor read (any when none is given); 409 when nothing matched. */
export async function deleteAtVersion(
  db: Db,
  table: VersionedTable,
  key: SQL | undefined,
  expectedVersion: number | undefined,
): Promise<void> {
  if (!key) throw new Error('a versioned delete needs the key of its record');
  const [deleted] = await db
    .delete(table)
    .where(atVersion(key, table.version, expectedVersion))
    .returning({ version: table.version });
  updatedOrConflict(deleted);
}

/** Inserts one row and answers it as stored (defaults, serial id, timestamps filled in). */
export async function insertReturning<T extends PgTable>(db: Db, table: T, row: PgInsertValue<T>): Promise<T['$inferSelect']> {
  // Drizzle cannot work out `returning()`'s row type for a generic table; it is that table's row.
  const [created] = (await db.insert(table).values(row).returning()) as T['$inferSelect'][];
  if (!created) throw new Error('insert returned no row');
  return created;
}

/**
 * The row of `table` whose column `key` (its primary key or a unique one) holds `value`; undefined when
 * none does. `forUpdate`: the row is locked (FOR UPDATE) to the end of the transaction, for a workflow
 * move that reads, checks and writes it.
 */
export async function selectRowBy<T extends PgTable, K extends keyof T['$inferSelect'] & string>(
  db: Db,
  table: T,
  key: K,
  value: T['$inferSelect'][K],
  options: { forUpdate?: boolean } = {},
): Promise<T['$inferSelect'] | undefined> {
  const columns: Record<string, PgColumn> = getTableColumns(table);
  const column = columns[key];
  if (!column) throw new Error(`${key} is not a column of the table`);
  // Drizzle's select takes a table, not a type parameter bound by one; `table` is one.
  const query = db
    .select()
    .from(table as PgTable)
    .where(eq(column, value));
  // As in selectClash: the rows of a generic table's select are that table's rows.
  const rows = (await (options.forUpdate ? query.for('update') : query)) as T['$inferSelect'][];
  return rows[0];
}

/**
 * The first row of `table` other than the edited one (`isSelf`) that already holds one of `values`
 * in the column of that name (a name, short name or code that must stay unique); undefined when none
 * does or no value is given. Name the columns one by one: `{ name: input.name, shortName: input.shortName }`.
 */
export async function selectClash<T extends PgTable, K extends keyof T['$inferSelect'] & string>(
  db: Db,
  table: T,
  values: Partial<Record<K, string>>,
  isSelf: (row: T['$inferSelect']) => boolean,
): Promise<T['$inferSelect'] | undefined> {
  const columns: Record<string, PgColumn> = getTableColumns(table);
  const conditions: SQL[] = [];
  for (const [name, value] of Object.entries<string | undefined>(values)) {
    const column = columns[name];
    if (column && value !== undefined) conditions.push(eq(column, value));
  }
  if (conditions.length === 0) return undefined;
  // As above: the rows of a generic table's select are that table's rows.
  const rows = (await db
    .select()
    .from(table as PgTable)
    .where(or(...conditions))) as T['$inferSelect'][];
  return rows.find((row) => !isSelf(row));
}

/**
 * The uniqueness check of a master-data table whose `keys` columns must each stay unique (a code, a
 * name, a short name: imports resolve records by any of them). The lookup answers the first row other
 * than the one whose `id` is `except` holding one of the given `values`, with the value it holds (the
 * one a 409 names); undefined when none does. Values under other names than `keys` are not looked at.
 */
export function clashLookup<T extends PgTable, K extends keyof T['$inferSelect'] & string, I extends keyof T['$inferSelect'] & string>(
  table: T,
  keys: readonly K[],
  id: I,
) {
  return async (
    db: Db,
    values: Partial<Record<K, string>>,
    except?: T['$inferSelect'][I],
  ): Promise<{ row: T['$inferSelect']; value: string } | undefined> => {
    const given: Partial<Record<K, string>> = {};
    for (const key of keys) given[key] = values[key];
    const row = await selectClash(db, table, given, (other) => other[id] === except);
    if (!row) return undefined;
    for (const key of keys) {
      const value = given[key];
      if (value !== undefined && row[key] === value) return { row, value };
    }
    return undefined;
  };
}

/**
 * One page of a list and the count of all its rows: `SELECT columns from WHERE where ORDER BY order
 * LIMIT … OFFSET …`, each row parsed by `schema`, and `SELECT count(*)` over the same `from` and `where`.
 */
export async function selectPage<S extends z.ZodType>(
  db: Db,
  query: { columns: SQL; from: SQL; where: SQL; order: SQL; limit: number; offset: number },
  schema: S,
): Promise<{ rows: z.output<S>[]; total: number }> {
  const { columns, from, where } = query;
  const result = await db.execute(
    sql`SELECT ${columns} ${from} WHERE ${where} ORDER BY ${query.order} LIMIT ${query.limit} OFFSET ${query.offset}`,
  );
  const total = await db.execute(sql`SELECT count(*)::int AS n ${from} WHERE ${where}`);
  return { rows: parseRows(result, schema), total: parseRows(total, z.object({ n: z.number() }))[0]?.n ?? 0 };
}

/**
 * The reads of a record that is listed (paged, filtered, scoped) and moved through a workflow (a ticket,
 * a 督办 task): `page` (the list's columns over its FROM, where `where` of the caller's scope and the
 * filters holds, in the list's `order`), `item` (one record as its list item, without the scope: the service checks it), `row` (its
 * stored row) and `rowForUpdate` (the row locked for a move: a second move on the same record waits for
 * the first). The list's columns may depend on a context `C` (the lights' bounds of the day); `id` is the
 * record's id column as `from` names it.
 */
export function listedRecord<T extends PgTable & { $inferSelect: { id: number } }, C, S extends z.ZodType, Scope, F>(spec: {
  table: T;
  columns: (context: C) => SQL;
  from: SQL;
  id: SQL;
  itemRow: S;
  where: (scope: Scope, filter: F, context: C) => SQL;
  order: SQL;
}) {
  const { table, columns, from, itemRow } = spec;
  const rowBy = async (db: Db, id: number, forUpdate: boolean): Promise<T['$inferSelect'] | null> =>
    (await selectRowBy(db, table, 'id', id, { forUpdate })) ?? null;
  return {
    page: (db: Db, scope: Scope, filter: F & { limit: number; offset: number }, context: C) => {
      const { limit, offset } = filter;
      return selectPage(
        db,
        { columns: columns(context), from, where: spec.where(scope, filter, context), order: spec.order, limit, offset },
        itemRow,
      );
    },
    item: async (db: Db, id: number, context: C): Promise<z.output<S> | null> =>
      parseRows(await db.execute(sql`SELECT ${columns(context)} ${from} WHERE ${spec.id} = ${id}`), itemRow)[0] ?? null,
    row: (db: Db, id: number) => rowBy(db, id, false),
    rowForUpdate: (db: Db, id: number) => rowBy(db, id, true),
  };
}

/** The LIMIT and OFFSET of a list query's page (`page` counts from 1). */
export function pageWindow(query: { page: number; pageSize: number }): { limit: number; offset: number } {
  return { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
}
