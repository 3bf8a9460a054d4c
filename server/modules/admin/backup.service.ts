import fs from 'node:fs';
import path from 'node:path';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import type { DatabaseKind, Db } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { APP_VERSION } from '../../version.js';
import { canAdminister, requireAccess } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  endOfArchiveLine,
  headerLine,
  isArchiveRow,
  readArchive,
  tableStartLine,
  writeArchive,
  type ArchiveHeader,
  type ArchiveRow,
  type ArchiveTable,
} from './backup.format.js';
import {
  checkDeferredForeignKeys,
  closeCursor,
  declareRowCursor,
  deferForeignKey,
  fetchRows,
  insertTextRows,
  selectAppTables,
  selectForeignKeys,
  selectOwnedSequences,
  setExactTextOutput,
  syncSequence,
  truncateTables,
  type CatalogColumn,
  type CatalogTable,
} from './backup.queries.js';
import { checkArchiveMigration, findDatabaseMigration, type MigrationRef } from './migration-state.js';
import { foreignKeysToDefer, orderTablesByDependencies } from './table-order.js';

const CURSOR = 'chainchief_backup';
const FETCH_ROWS = 1000;
const INSERT_ROWS = 1000;
const INSERT_CHARS = 4 * 1024 * 1024;

export type BackupSummary = { file: string; bytes: number; migration: MigrationRef; rowCounts: Record<string, number>; rows: number };
export type ArchiveSummary = { header: ArchiveHeader; rowCounts: Record<string, number>; rows: number };
export type RestoreSummary = ArchiveSummary & { emptiedTables: string[] };

/** The database's own words for a failed statement, without drizzle's copy of the SQL and its parameters. */
function databaseReason(err: unknown): string {
  const cause = err instanceof DrizzleQueryError && err.cause instanceof Error ? err.cause : err;
  return cause instanceof Error ? cause.message : String(cause);
}

function sumRows(rowCounts: Record<string, number>): number {
  return Object.values(rowCounts).reduce((a, b) => a + b, 0);
}

/** Header line, then each table's rows fetched through a cursor, so memory stays flat however big the table. */
async function* archiveLines(
  tx: Db,
  header: ArchiveHeader,
  tables: CatalogTable[],
  rowCounts: Record<string, number>,
): AsyncGenerator<string> {
  yield headerLine(header);
  for (const table of tables) {
    yield tableStartLine(table.name);
    await declareRowCursor(tx, CURSOR, table);
    let count = 0;
    for (let rows = await fetchRows(tx, CURSOR, FETCH_ROWS); rows.length > 0; rows = await fetchRows(tx, CURSOR, FETCH_ROWS)) {
      let chunk = '';
      for (const row of rows) {
        if (!isArchiveRow(row, table.columns.length)) throw new Error(`unexpected row shape in table ${table.name}`);
        chunk += `${JSON.stringify(row)}\n`;
      }
      count += rows.length;
      yield chunk;
    }
    await closeCursor(tx, CURSOR);
    rowCounts[table.name] = count;
  }
  yield endOfArchiveLine(rowCounts);
}

/**
 * Writes a logical backup of every application table (found in the catalog, so tables of later
 * modules are included without a change here) from one consistent snapshot. Tables are written in
 * foreign-key order so a restore can insert them as they arrive.
 */
export async function backupDatabase(
  db: Db,
  actor: Actor,
  options: { file: string; databaseKind: DatabaseKind; overwrite?: boolean },
): Promise<BackupSummary> {
  requireAccess(canAdminister(actor));
  if (!options.overwrite && fs.existsSync(options.file)) {
    throw new AppError('conflict', { message: `文件已存在，未覆盖 (file exists, not overwritten): ${options.file}` });
  }
  if (!fs.existsSync(path.dirname(options.file))) {
    throw new AppError('not_found', { message: `目录不存在 (folder does not exist): ${path.dirname(options.file)}` });
  }
  const rowCounts: Record<string, number> = {};
  const { bytes, migration } = await db.transaction(
    async (tx) => {
      await setExactTextOutput(tx);
      const migration = await findDatabaseMigration(tx);
      const catalog = await selectAppTables(tx);
      const { order } = orderTablesByDependencies(
        catalog.map((t) => t.name),
        await selectForeignKeys(tx),
      );
      const tables = order.flatMap((name) => catalog.filter((t) => t.name === name));
      const header: ArchiveHeader = {
        format: ARCHIVE_FORMAT,
        formatVersion: ARCHIVE_FORMAT_VERSION,
        appVersion: APP_VERSION,
        migration,
        databaseKind: options.databaseKind,
        tables: tables.map((t) => ({ name: t.name, columns: t.columns })),
        createdAt: new Date().toISOString(),
      };
      const bytes = await writeArchive(options.file, archiveLines(tx, header, tables, rowCounts));
      return { bytes, migration };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  await recordAudit(db, actor, {
    action: 'backup',
    entity: 'database',
    after: { file: path.basename(options.file), migration: migration.tag, rowCounts },
  });
  return { file: options.file, bytes, migration, rowCounts, rows: sumRows(rowCounts) };
}

/** Reads a whole archive without touching a database: checks it end to end and returns what it holds. */
export async function inspectArchive(file: string): Promise<ArchiveSummary> {
  let header: ArchiveHeader | undefined;
  let rowCounts: Record<string, number> | undefined;
  for await (const event of readArchive(file)) {
    if (event.kind === 'header') {
      checkArchiveMigration(event.header.migration);
      header = event.header;
    } else if (event.kind === 'end') {
      rowCounts = event.rowCounts;
    }
  }
  if (!header || !rowCounts) throw new Error('archive reader ended without header or end line');
  return { header, rowCounts, rows: sumRows(rowCounts) };
}

/** This database's columns for an archived table, in the archive's column order; refuses anything it cannot place. */
function targetColumns(archived: ArchiveTable, catalog: Map<string, CatalogTable>): CatalogColumn[] {
  const table = catalog.get(archived.name);
  if (!table) {
    throw new AppError('conflict', {
      message: `备份中的表 ${archived.name} 在当前数据库中不存在 (table ${archived.name} of the archive does not exist in this database)`,
    });
  }
  return archived.columns.map((c) => {
    const column = table.columns.find((t) => t.name === c.name);
    if (!column) {
      throw new AppError('conflict', {
        message: `备份中的列 ${archived.name}.${c.name} 在当前数据库中不存在 (column ${archived.name}.${c.name} of the archive does not exist in this database)`,
      });
    }
    return column;
  });
}

/**
 * Replaces all application data with an archive's, in one transaction: empty every table, insert
 * the rows as they stream in, check deferred foreign keys, move sequences past the restored ids and
 * record the restore in the audit log. Any problem (a corrupt or truncated file, a row the schema
 * rejects) rolls everything back, leaving the data as it was.
 */
export async function restoreDatabase(db: Db, actor: Actor, file: string): Promise<RestoreSummary> {
  requireAccess(canAdminister(actor));
  return db.transaction(async (tx) => {
    await setExactTextOutput(tx);
    const catalog = new Map((await selectAppTables(tx)).map((t) => [t.name, t]));
    const foreignKeys = await selectForeignKeys(tx);
    let header: ArchiveHeader | undefined;
    let rowCounts: Record<string, number> | undefined;
    let deferred: typeof foreignKeys = [];
    let columns: CatalogColumn[] = [];
    let batch: ArchiveRow[] = [];
    let batchChars = 0;
    let batchTable = '';
    const flush = async () => {
      try {
        await insertTextRows(tx, batchTable, columns, batch);
      } catch (err) {
        throw new AppError('validation_failed', {
          message: `备份中表 ${batchTable} 的数据无法写入 (rows of table ${batchTable} could not be restored): ${databaseReason(err)}`,
        });
      }
      batch = [];
      batchChars = 0;
    };

    for await (const event of readArchive(file)) {
      if (event.kind === 'header') {
        checkArchiveMigration(event.header.migration);
        header = event.header;
        for (const table of header.tables) targetColumns(table, catalog);
        await truncateTables(tx, orderTablesByDependencies([...catalog.keys()], foreignKeys).order);
        deferred = foreignKeysToDefer(
          header.tables.map((t) => t.name),
          foreignKeys,
        );
        for (const fk of deferred) await deferForeignKey(tx, fk);
      } else if (event.kind === 'table') {
        await flush();
        batchTable = event.table.name;
        columns = targetColumns(event.table, catalog);
      } else if (event.kind === 'row') {
        batch.push(event.values);
        batchChars += event.values.reduce((n, v) => n + (v?.length ?? 0), 0);
        if (batch.length >= INSERT_ROWS || batchChars >= INSERT_CHARS) await flush();
      } else {
        rowCounts = event.rowCounts;
      }
    }
    await flush();
    if (!header || !rowCounts) throw new Error('archive reader ended without header or end line');

    await checkDeferredForeignKeys(tx, deferred);
    for (const sequence of await selectOwnedSequences(tx)) await syncSequence(tx, sequence);
    const restored = new Set(header.tables.map((t) => t.name));
    const emptiedTables = [...catalog.keys()].filter((t) => !restored.has(t));
    await recordAudit(tx, actor, {
      action: 'restore',
      entity: 'database',
      after: {
        archive: path.basename(file),
        createdAt: header.createdAt,
        appVersion: header.appVersion,
        migration: header.migration.tag,
        rowCounts,
        emptiedTables,
      },
    });
    return { header, rowCounts, rows: sumRows(rowCounts), emptiedTables };
  });
}
