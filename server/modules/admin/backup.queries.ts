import { parseRows } from '../../db/sql.js';
import { z } from 'zod';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

/** Every application table lives in schema `public`; drizzle's own bookkeeping lives in `drizzle`. */
const APP_SCHEMA = 'public';

export type CatalogColumn = { name: string; type: string };
export type CatalogTable = { name: string; columns: CatalogColumn[]; primaryKey: string[] };
export type CatalogForeignKey = { name: string; table: string; references: string; deferrable: boolean };
export type CatalogSequence = { table: string; column: string; sequence: string };
export type AppliedMigration = { hash: string; createdAt: number };

/**
 * Output settings that make every value's text form exact and the same on PostgreSQL and PGlite:
 * timestamps in UTC with microseconds, shortest exact floats, hex bytea.
 */
export async function setExactTextOutput(db: Db): Promise<void> {
  await db.execute(sql`SET LOCAL TimeZone = 'UTC'`);
  await db.execute(sql`SET LOCAL DateStyle = 'ISO, YMD'`);
  await db.execute(sql`SET LOCAL IntervalStyle = 'postgres'`);
  await db.execute(sql`SET LOCAL extra_float_digits = 1`);
  await db.execute(sql`SET LOCAL bytea_output = 'hex'`);
}

/** Applied migrations, oldest first; none when drizzle's table does not exist yet. */
export async function selectAppliedMigrations(db: Db): Promise<AppliedMigration[]> {
  const exists = parseRows(
    await db.execute(sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS found`),
    z.object({ found: z.boolean() }),
  );
  if (!exists[0]?.found) return [];
  const result = parseRows(
    await db.execute(sql`SELECT hash, CAST(created_at AS text) AS created_at FROM drizzle.__drizzle_migrations ORDER BY created_at, id`),
    z.object({ hash: z.string(), created_at: z.string() }),
  );
  return result.map((r) => ({ hash: r.hash, createdAt: Number(r.created_at) }));
}

/** The application's tables with their stored (not generated) columns and primary key, by name. */
export async function selectAppTables(db: Db): Promise<CatalogTable[]> {
  const result = await db.execute(sql`
    SELECT c.relname AS table_name,
           (SELECT json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod)) ORDER BY a.attnum)
              FROM pg_attribute a
             WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') AS columns,
           (SELECT array_agg(CAST(a.attname AS text) ORDER BY k.ord)
              FROM pg_index i
             CROSS JOIN LATERAL unnest(CAST(i.indkey AS int2[])) WITH ORDINALITY AS k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
             WHERE i.indrelid = c.oid AND i.indisprimary) AS primary_key
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = ${APP_SCHEMA} AND c.relkind IN ('r', 'p') AND NOT c.relispartition
     ORDER BY c.relname`);
  const tableRow = z.object({
    table_name: z.string(),
    columns: z.array(z.object({ name: z.string(), type: z.string() })).nullable(),
    primary_key: z.array(z.string()).nullable(),
  });
  return parseRows(result, tableRow).map((r) => ({ name: r.table_name, columns: r.columns ?? [], primaryKey: r.primary_key ?? [] }));
}

/** Foreign keys between application tables. */
export async function selectForeignKeys(db: Db): Promise<CatalogForeignKey[]> {
  const result = parseRows(
    await db.execute(sql`
    SELECT con.conname AS name, src.relname AS table_name, dst.relname AS references_table, con.condeferrable AS deferrable
      FROM pg_constraint con
      JOIN pg_class src ON src.oid = con.conrelid
      JOIN pg_class dst ON dst.oid = con.confrelid
      JOIN pg_namespace n ON n.oid = src.relnamespace
     WHERE con.contype = 'f' AND n.nspname = ${APP_SCHEMA}
     ORDER BY src.relname, con.conname`),
    z.object({ name: z.string(), table_name: z.string(), references_table: z.string(), deferrable: z.boolean() }),
  );
  return result.map((r) => ({ name: r.name, table: r.table_name, references: r.references_table, deferrable: r.deferrable }));
}

/** Sequences owned by application columns (serial, bigserial, identity), e.g. audit_log.id. */
export async function selectOwnedSequences(db: Db): Promise<CatalogSequence[]> {
  const result = parseRows(
    await db.execute(sql`
    SELECT t.table_name, t.column_name, t.sequence_name
      FROM (SELECT c.relname AS table_name, a.attname AS column_name,
                   pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) AS sequence_name
              FROM pg_class c
              JOIN pg_namespace n ON n.oid = c.relnamespace
              JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
             WHERE n.nspname = ${APP_SCHEMA} AND c.relkind IN ('r', 'p')) AS t
     WHERE t.sequence_name IS NOT NULL
     ORDER BY t.table_name, t.column_name`),
    z.object({ table_name: z.string(), column_name: z.string(), sequence_name: z.string() }),
  );
  return result.map((r) => ({ table: r.table_name, column: r.column_name, sequence: r.sequence_name }));
}

function columnList(columns: readonly string[]): SQL {
  return sql.join(
    columns.map((c) => sql.identifier(c)),
    sql`, `,
  );
}

/** Opens a cursor over a table's rows, each an array of the columns' exact text forms (NULL stays null). */
export async function declareRowCursor(db: Db, cursor: string, table: CatalogTable): Promise<void> {
  const values = table.columns.length
    ? sql`ARRAY[${sql.join(
        table.columns.map((c) => sql`CAST(${sql.identifier(c.name)} AS text)`),
        sql`, `,
      )}]`
    : sql`CAST(ARRAY[] AS text[])`;
  const order = table.primaryKey.length ? sql` ORDER BY ${columnList(table.primaryKey)}` : sql``;
  await db.execute(
    sql`DECLARE ${sql.identifier(cursor)} NO SCROLL CURSOR FOR SELECT ${values} AS v FROM ${sql.identifier(APP_SCHEMA)}.${sql.identifier(table.name)}${order}`,
  );
}

/** The next rows of a cursor; an empty list once it is exhausted. */
export async function fetchRows(db: Db, cursor: string, count: number): Promise<unknown[]> {
  const result = parseRows(
    await db.execute(sql`FETCH FORWARD ${sql.raw(String(Math.trunc(count)))} FROM ${sql.identifier(cursor)}`),
    z.object({ v: z.unknown() }),
  );
  return result.map((r) => r.v);
}

export async function closeCursor(db: Db, cursor: string): Promise<void> {
  await db.execute(sql`CLOSE ${sql.identifier(cursor)}`);
}

/** Empties the tables in one statement (so foreign keys among them do not object) and restarts their sequences. */
export async function truncateTables(db: Db, tables: readonly string[]): Promise<void> {
  if (tables.length === 0) return;
  const list = sql.join(
    tables.map((t) => sql`${sql.identifier(APP_SCHEMA)}.${sql.identifier(t)}`),
    sql`, `,
  );
  await db.execute(sql`TRUNCATE TABLE ${list} RESTART IDENTITY`);
}

/**
 * Inserts a batch of rows given as text arrays, converting each value with the target column's
 * type (`types` come from this database's catalog). Identity columns keep the archived values.
 */
export async function insertTextRows(
  db: Db,
  table: string,
  columns: readonly CatalogColumn[],
  rows: readonly (string | null)[][],
): Promise<void> {
  if (rows.length === 0) return;
  const casts = columns.map((c, i) => sql`CAST(r.v ->> ${sql.raw(String(i))} AS ${sql.raw(c.type)})`);
  await db.execute(sql`
    INSERT INTO ${sql.identifier(APP_SCHEMA)}.${sql.identifier(table)} (${columnList(columns.map((c) => c.name))}) OVERRIDING SYSTEM VALUE
    SELECT ${sql.join(casts, sql`, `)} FROM json_array_elements(CAST(${JSON.stringify(rows)} AS json)) AS r(v)`);
}

/** Moves a sequence to its column's highest value, so the next insert continues after the restored rows. */
export async function syncSequence(db: Db, seq: CatalogSequence): Promise<void> {
  await db.execute(sql`
    SELECT setval(CAST(${seq.sequence} AS regclass), max(${sql.identifier(seq.column)}))
      FROM ${sql.identifier(APP_SCHEMA)}.${sql.identifier(seq.table)}
    HAVING max(${sql.identifier(seq.column)}) IS NOT NULL`);
}

/** Lets a foreign key be checked at the end of the transaction (for self-references and cycles). */
export async function deferForeignKey(db: Db, fk: CatalogForeignKey): Promise<void> {
  if (!fk.deferrable) {
    await db.execute(
      sql`ALTER TABLE ${sql.identifier(APP_SCHEMA)}.${sql.identifier(fk.table)} ALTER CONSTRAINT ${sql.identifier(fk.name)} DEFERRABLE INITIALLY DEFERRED`,
    );
  }
  await db.execute(sql`SET CONSTRAINTS ${sql.identifier(APP_SCHEMA)}.${sql.identifier(fk.name)} DEFERRED`);
}

/** Checks every deferred constraint now, then returns altered foreign keys to NOT DEFERRABLE. */
export async function checkDeferredForeignKeys(db: Db, altered: readonly CatalogForeignKey[]): Promise<void> {
  await db.execute(sql`SET CONSTRAINTS ALL IMMEDIATE`);
  for (const fk of altered) {
    if (fk.deferrable) continue;
    await db.execute(
      sql`ALTER TABLE ${sql.identifier(APP_SCHEMA)}.${sql.identifier(fk.table)} ALTER CONSTRAINT ${sql.identifier(fk.name)} NOT DEFERRABLE`,
    );
  }
}
