// Pieces of the schema's constraints: CHECKs built from the shared enums and identifier patterns
// (shared/contracts/identifiers.ts), so the database refuses exactly what the contracts refuse (and the
// generated SQL stays as committed), and the one-column foreign key.
import { sql, type SQL } from 'drizzle-orm';
import { check, foreignKey, index, type AnyPgColumn } from 'drizzle-orm/pg-core';

/** The values of an enum as an SQL list: `'a','b'` (the values are constants of the code, never input). */
export function list(values: readonly string[]): string {
  return values.map((v) => `'${v}'`).join(',');
}

/** A pattern as the quoted text of a `~` match: `'^[0-9]{6}$'`. */
export function quoted(pattern: RegExp): string {
  return `'${pattern.source}'`;
}

/** A pattern as an SQL fragment for a `sql` template. */
export function pattern(re: RegExp): SQL {
  return sql.raw(quoted(re));
}

/** A CHECK that the column holds one of the enum's values (or null, with `nullable`). */
export function inList(name: string, column: AnyPgColumn, values: readonly string[], { nullable = false } = {}) {
  const allowed = `${column.name} in (${list(values)})`;
  return check(name, sql.raw(nullable ? `${column.name} is null or ${allowed}` : allowed));
}

/** A CHECK that the column matches the pattern. */
export function matches(name: string, column: AnyPgColumn, re: RegExp) {
  return check(name, sql`${column} ~ ${pattern(re)}`);
}

/** A CHECK that the column, unless null, matches the pattern. */
export function nullOrMatches(name: string, column: AnyPgColumn, re: RegExp) {
  return check(name, sql`${column} IS NULL OR ${column} ~ ${pattern(re)}`);
}

/** A foreign key of one column. */
export function references(name: string, column: AnyPgColumn, target: AnyPgColumn) {
  return foreignKey({ name, columns: [column], foreignColumns: [target] });
}

/**
 * The constraints of a row that belongs to a record (a timeline row, a project's list entry): removed with
 * the record, and found by it. Named `<table>_<column>_fkey` and `<table>_<record>_idx` (`ticket_events_ticket_idx`).
 */
export function belongsTo(table: string, column: AnyPgColumn, record: AnyPgColumn) {
  return [
    references(`${table}_${column.name}_fkey`, column, record).onDelete('cascade'),
    index(`${table}_${column.name.replace(/_id$/, '')}_idx`).on(column),
  ];
}
