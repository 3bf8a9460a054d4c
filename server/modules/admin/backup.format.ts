import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import { z } from 'zod';
import { AppError } from '../../lib/errors.js';
import { migrationRef } from './migration-state.js';

/**
 * The backup archive: gzip'd JSON lines. Line 1 is the header; then for each table a `{"table":…}`
 * line followed by its rows, one JSON array of the columns' PostgreSQL text forms per line (null
 * for NULL), so every type round-trips exactly; last an `{"end":…}` line with the row counts, whose
 * absence marks a truncated file.
 */
export const ARCHIVE_FORMAT = 'chainchief-backup';
export const ARCHIVE_FORMAT_VERSION = 1;

/** Longest line accepted when reading, so a corrupt file cannot exhaust memory. */
const MAX_LINE_CHARS = 256 * 1024 * 1024;

const archiveColumn = z.object({ name: z.string().min(1), type: z.string().min(1) });
const archiveTable = z.object({ name: z.string().min(1), columns: z.array(archiveColumn) });
export type ArchiveTable = z.infer<typeof archiveTable>;

export const archiveHeader = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.number().int().positive(),
  appVersion: z.string(),
  migration: migrationRef,
  databaseKind: z.enum(['pglite', 'postgresql']),
  tables: z.array(archiveTable),
  createdAt: z.string().datetime(),
});
export type ArchiveHeader = z.infer<typeof archiveHeader>;

const tableLine = z.object({ table: z.string() }).strict();
const endLine = z.object({ end: z.object({ rowCounts: z.record(z.string(), z.number().int().nonnegative()) }) }).strict();

export type ArchiveEvent =
  | { kind: 'header'; header: ArchiveHeader }
  | { kind: 'table'; table: ArchiveTable }
  | { kind: 'row'; table: ArchiveTable; values: (string | null)[] }
  | { kind: 'end'; rowCounts: Record<string, number> };

export type ArchiveRow = (string | null)[];

/** True for one archived row of `width` columns. */
export function isArchiveRow(value: unknown, width: number): value is ArchiveRow {
  return Array.isArray(value) && value.length === width && value.every((v) => v === null || typeof v === 'string');
}

export function headerLine(header: ArchiveHeader): string {
  return `${JSON.stringify(header)}\n`;
}
export function tableStartLine(table: string): string {
  return `${JSON.stringify({ table })}\n`;
}
export function endOfArchiveLine(rowCounts: Record<string, number>): string {
  return `${JSON.stringify({ end: { rowCounts } })}\n`;
}

function corrupt(reason: string): AppError {
  return new AppError('validation_failed', { message: `备份文件已损坏或不完整 (the archive is corrupt or incomplete): ${reason}` });
}

/**
 * Writes the lines gzip'd to `file` through a temporary file that is synced and renamed at the end,
 * so a failed backup never leaves a file that looks complete. Readable by the owner only: the
 * archive holds password hashes.
 */
export async function writeArchive(file: string, lines: AsyncIterable<string>): Promise<number> {
  const temporary = `${file}.partial-${process.pid}`;
  try {
    await pipeline(Readable.from(lines), zlib.createGzip(), fs.createWriteStream(temporary, { mode: 0o600 }));
    const handle = await fs.promises.open(temporary, 'r');
    await handle.sync();
    await handle.close();
    await fs.promises.rename(temporary, file);
  } catch (err) {
    await fs.promises.rm(temporary, { force: true });
    throw err;
  }
  return (await fs.promises.stat(file)).size;
}

/** The decompressed lines of an archive; a gzip error (truncation, bad CRC) becomes one readable error. */
async function* readLines(file: string): AsyncGenerator<string> {
  if (!fs.existsSync(file)) {
    throw new AppError('not_found', { message: `备份文件不存在 (archive not found): ${file}` });
  }
  const source = fs.createReadStream(file);
  const gunzip = zlib.createGunzip();
  source.on('error', (err) => gunzip.destroy(err));
  source.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let pending = '';
  try {
    for await (const chunk of gunzip) {
      pending += decoder.write(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      yield* lines;
      if (pending.length > MAX_LINE_CHARS) throw corrupt('line too long');
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw corrupt(err instanceof Error ? err.message : String(err));
  } finally {
    source.destroy();
  }
  pending += decoder.end();
  if (pending.length > 0) yield pending;
}

function parseJson(line: string, lineNo: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw corrupt(`line ${lineNo} is not JSON`);
  }
}

/**
 * Reads and checks an archive as a stream of events: the header first, tables in the header's
 * order, rows of the right width, and the end line with counts that match. Throws on the first
 * problem, so a caller inside a transaction rolls back before committing anything.
 */
export async function* readArchive(file: string): AsyncGenerator<ArchiveEvent> {
  let header: ArchiveHeader | undefined;
  let current: ArchiveTable | undefined;
  let nextTable = 0;
  const counts: Record<string, number> = {};
  let ended = false;
  let lineNo = 0;
  for await (const line of readLines(file)) {
    lineNo += 1;
    if (ended) throw corrupt(`data after the end line (line ${lineNo})`);
    const value = parseJson(line, lineNo);
    if (!header) {
      const format = z.object({ format: z.literal(ARCHIVE_FORMAT), formatVersion: z.number() }).safeParse(value);
      if (!format.success) throw corrupt('not a ChainChief backup (missing header)');
      if (format.data.formatVersion > ARCHIVE_FORMAT_VERSION) {
        throw new AppError('conflict', {
          message: `备份格式版本 ${format.data.formatVersion} 比本程序支持的 ${ARCHIVE_FORMAT_VERSION} 新，请先升级程序 (archive format ${format.data.formatVersion} is newer than this build supports; upgrade first)`,
        });
      }
      const parsed = archiveHeader.safeParse(value);
      if (!parsed.success)
        throw corrupt(`invalid header: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`);
      header = parsed.data;
      yield { kind: 'header', header };
      continue;
    }
    if (current && isArchiveRow(value, current.columns.length)) {
      counts[current.name] = (counts[current.name] ?? 0) + 1;
      yield { kind: 'row', table: current, values: value };
      continue;
    }
    const start = tableLine.safeParse(value);
    if (start.success) {
      const expected = header.tables[nextTable];
      if (!expected || expected.name !== start.data.table) throw corrupt(`unexpected table ${start.data.table} at line ${lineNo}`);
      nextTable += 1;
      current = expected;
      counts[current.name] = 0;
      yield { kind: 'table', table: current };
      continue;
    }
    const end = endLine.safeParse(value);
    if (!end.success) throw corrupt(`line ${lineNo} is not a row of ${current?.name ?? 'any table'}`);
    const expectedCounts = end.data.end.rowCounts;
    const mismatch = header.tables.find((t) => counts[t.name] !== expectedCounts[t.name]);
    if (nextTable !== header.tables.length || mismatch)
      throw corrupt(`row counts do not match${mismatch ? ` (table ${mismatch.name})` : ''}`);
    ended = true;
    yield { kind: 'end', rowCounts: expectedCounts };
  }
  if (!header) throw corrupt('empty file');
  if (!ended) throw corrupt('the end line is missing (truncated?)');
}
