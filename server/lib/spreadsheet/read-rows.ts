// Streaming reader for uploaded tables: .xlsx (the first worksheet that has data) through the
// guarded ZIP and XML reader of xlsx.ts, CSV through the limited parser of csv-parse.ts after
// decoding UTF-8 (with or without BOM), UTF-16LE or GBK/GB18030. Rows are handed on one
// at a time, within the limits of limits.ts, and the event loop gets a turn every
// {@link YIELD_ROWS} rows, so no upload can hold the server or fill its memory.
import fs from 'node:fs';
import { pipeline, Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { SheetRow } from './cells.js';
import { CsvParser, guessDelimiter } from './csv-parse.js';
import { decoderStream, detectEncoding, SNIFF_BYTES, type TextEncoding } from './decode.js';
import { limitError, SpreadsheetError } from './errors.js';
import { SHEET_LIMITS, type SheetLimits } from './limits.js';
import { xlsxRows } from './xlsx.js';
import { bufferSource, fileSource } from './zip.js';

/** The uploaded bytes, or a file on disk (the CLI), which is then read as a stream. */
export type SheetSource = { data: Buffer } | { path: string };

export type OpenedSheet = {
  format: 'xlsx' | 'csv';
  /** How CSV text was decoded; null for xlsx. */
  encoding: TextEncoding | null;
  rows: AsyncIterable<SheetRow>;
};

const ZIP = [0x50, 0x4b, 0x03, 0x04] as const;
const OLE = [0xd0, 0xcf, 0x11, 0xe0] as const;

function startsWith(data: Buffer, magic: readonly number[]): boolean {
  return data.length >= magic.length && magic.every((byte, i) => data[i] === byte);
}

async function readHead(source: SheetSource, bytes: number): Promise<{ head: Buffer; complete: boolean }> {
  if ('data' in source) return { head: source.data.subarray(0, bytes), complete: source.data.length <= bytes };
  const handle = await fs.promises.open(source.path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    const { size } = await handle.stat();
    return { head: buffer.subarray(0, bytesRead), complete: size <= bytes };
  } finally {
    await handle.close();
  }
}

/** Rows handed on between two turns of the event loop (other requests are answered in between). */
export const YIELD_ROWS = 1_000;

/** Uploaded bytes are handed on in 64 KB slices (views, not copies), as a file stream reads them. */
const SLICE_BYTES = 64 * 1024;

function* slices(data: Buffer): Generator<Buffer> {
  for (let start = 0; start < data.length; start += SLICE_BYTES) yield data.subarray(start, start + SLICE_BYTES);
}

/**
 * The bytes of a CSV as a stream, in 64 KB pieces: each piece is decoded and parsed, then the event
 * loop gets a turn, so the work between two turns stays small.
 */
function byteStream(source: SheetSource): Readable {
  return 'data' in source ? Readable.from(slices(source.data), { objectMode: false }) : fs.createReadStream(source.path);
}

async function* csvRows(source: SheetSource, encoding: TextEncoding, limits: SheetLimits): AsyncGenerator<SheetRow> {
  const text = pipeline(byteStream(source), decoderStream(encoding), () => {
    /* errors surface through the iteration below */
  });
  const ready: string[][] = [];
  const parser = new CsvParser(limits, (cells) => ready.push(cells));
  let number = 0;
  let cellCount = 0;
  let first = true;
  function* take(): Generator<SheetRow> {
    for (const cells of ready) {
      number += 1;
      if (number > limits.rows) throw limitError('rows', limits.rows, 'CSV');
      cellCount += cells.length;
      if (cellCount > limits.cells) throw limitError('cells', limits.cells, `row ${number}`);
      yield { row: number, cells: cells.map((c) => c.trim()) };
    }
    ready.length = 0;
  }
  try {
    for await (const piece of text) {
      const chunk = String(piece);
      // Excel's delimiter depends on the locale: guessed from the first lines (the first piece holds them).
      if (first) parser.setDelimiter(guessDelimiter(chunk, limits));
      first = false;
      parser.write(chunk);
      yield* take();
      await nextTurn();
    }
    parser.end();
    yield* take();
  } finally {
    text.destroy();
  }
}

/** Hands rows on, giving the event loop a turn every {@link YIELD_ROWS} rows. */
async function* withTurns(rows: AsyncIterable<SheetRow>): AsyncGenerator<SheetRow> {
  let count = 0;
  for await (const row of rows) {
    yield row;
    count += 1;
    if (count % YIELD_ROWS === 0) await nextTurn();
  }
}

/**
 * Opens an uploaded table. Refuses an empty file, an old binary .xls (Excel 97–2003: save as .xlsx)
 * and binary data that is neither; anything else not a ZIP is read as CSV text.
 */
export async function openSheet(source: SheetSource, limits: SheetLimits = SHEET_LIMITS): Promise<OpenedSheet> {
  const { head, complete } = await readHead(source, SNIFF_BYTES);
  if (head.length === 0) throw new SpreadsheetError('empty');
  if (startsWith(head, ZIP)) {
    const bytes = 'data' in source ? bufferSource(source.data) : await fileSource(source.path);
    return { format: 'xlsx', encoding: null, rows: withTurns(xlsxRows(bytes, limits)) };
  }
  if (startsWith(head, OLE)) throw new SpreadsheetError('legacy_xls');
  const encoding = detectEncoding(head, complete);
  return { format: 'csv', encoding, rows: csvRows(source, encoding, limits) };
}
