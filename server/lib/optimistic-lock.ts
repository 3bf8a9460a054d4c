// Optimistic locking of master data (issue 9): every edited record carries `version`. An update is
// one statement, `UPDATE … SET version = version + 1 WHERE <key> AND version = <read version>`, so
// two editors who loaded the same version cannot both win, and no read-then-write race is left.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { AppError } from './errors.js';

/** The SET value that bumps a record's version: every update, by a form, the CLI or an import. */
export function bumpVersion(column: PgColumn): SQL {
  return sql`${column} + 1`;
}

/** The WHERE of an update: the record's key and, when the caller named one, the version it read. */
export function atVersion(key: SQL | undefined, column: PgColumn, expected: number | undefined): SQL | undefined {
  return expected === undefined ? key : and(key, eq(column, expected));
}

/** 409 `version_conflict`: "此记录已被他人修改，请刷新后重试". */
export function versionConflict(): AppError {
  return new AppError('version_conflict');
}

/**
 * Refuses early an edit made on an older version than the stored one (before any other check, so the
 * editor learns first that the form is stale). The guarded UPDATE still decides under concurrency.
 */
export function requireVersion(stored: number, expected: number | undefined): void {
  if (expected !== undefined && expected !== stored) throw versionConflict();
}

/** The row an update or delete returned, or 409 when none matched (the version moved on, or the record went away). */
export function updatedOrConflict<T>(row: T | undefined): T {
  if (row === undefined) throw versionConflict();
  return row;
}
