// Reading the first worksheet with data of an .xlsx, row by row, within the limits of limits.ts:
// workbook order and date styles first (small parts), then the shared strings (counted and capped),
// then the worksheet, streamed. Cells come out as Excel stored them: a number stays a number, a
// date-formatted number becomes a Date, a formula gives its cached result, rich text is joined.
import { StringDecoder } from 'node:string_decoder';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { SheetCell, SheetRow } from './cells.js';
import { limitError, SpreadsheetError } from './errors.js';
import type { SheetLimits } from './limits.js';
import { attribute, XmlScanner, type XmlHandler } from './xml.js';
import { readZipEntries, unpackEntry, type ByteSource, type UnpackBudget, type ZipEntry } from './zip.js';

type Archive = { source: ByteSource; entries: Map<string, ZipEntry>; limits: SheetLimits; budget: UnpackBudget };

/** Scans one part of the archive with `handler`, yielding to the event loop after every 64 KB piece. */
async function* scanPart(
  archive: Archive,
  entry: ZipEntry,
  cap: 'sheetBytes' | 'sharedStringsBytes' | 'otherPartBytes',
  handler: XmlHandler,
): AsyncGenerator<void> {
  const scanner = new XmlScanner(handler);
  const decoder = new StringDecoder('utf8');
  for await (const piece of unpackEntry(archive.source, entry, { kind: cap, max: archive.limits[cap] }, archive.limits, archive.budget)) {
    scanner.write(decoder.write(piece));
    yield;
    await nextTurn();
  }
  scanner.write(decoder.end());
  scanner.end();
}

async function scanWhole(
  archive: Archive,
  entry: ZipEntry,
  cap: 'sharedStringsBytes' | 'otherPartBytes',
  handler: XmlHandler,
): Promise<void> {
  for await (const _ of scanPart(archive, entry, cap, handler)) {
    /* the handler collects */
  }
}

/** Part names are case-insensitive in an Office archive; a target is relative to xl/ unless absolute. */
function partName(target: string, base = 'xl/'): string {
  const full = target.startsWith('/') ? target.slice(1) : `${base}${target}`;
  const parts: string[] = [];
  for (const p of full.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/').toLowerCase();
}

type Workbook = { sheetParts: string[]; sharedStringsPart: string | null; stylesPart: string | null; date1904: boolean };

async function readWorkbook(archive: Archive): Promise<Workbook> {
  const sheetIds: string[] = [];
  let date1904 = false;
  const workbook = archive.entries.get('xl/workbook.xml');
  if (workbook) {
    await scanWhole(archive, workbook, 'otherPartBytes', {
      open(name, attrs) {
        if (name === 'sheet') sheetIds.push(attribute(attrs, 'id') ?? '');
        else if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attribute(attrs, 'date1904') ?? '');
      },
      close() {},
      text() {},
    });
  }
  const targets = new Map<string, { type: string; target: string }>();
  const rels = archive.entries.get('xl/_rels/workbook.xml.rels');
  if (rels) {
    await scanWhole(archive, rels, 'otherPartBytes', {
      open(name, attrs) {
        if (name === 'Relationship')
          targets.set(attribute(attrs, 'Id') ?? '', { type: attribute(attrs, 'Type') ?? '', target: attribute(attrs, 'Target') ?? '' });
      },
      close() {},
      text() {},
    });
  }
  const byType = (suffix: string) => [...targets.values()].find((t) => t.type.endsWith(suffix));
  let sheetParts = sheetIds.map((id) => targets.get(id)).flatMap((t) => (t ? [partName(t.target)] : []));
  if (sheetParts.length === 0) {
    // No workbook part to go by: the worksheets in number order.
    const number = (name: string) => Number(/sheet(\d+)\.xml$/.exec(name)?.[1] ?? 0);
    sheetParts = [...archive.entries.keys()].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).sort((a, b) => number(a) - number(b));
  }
  const shared = byType('/sharedStrings');
  const styles = byType('/styles');
  return {
    sheetParts,
    sharedStringsPart: shared ? partName(shared.target) : archive.entries.has('xl/sharedstrings.xml') ? 'xl/sharedstrings.xml' : null,
    stylesPart: styles ? partName(styles.target) : archive.entries.has('xl/styles.xml') ? 'xl/styles.xml' : null,
    date1904,
  };
}

/** Built-in number formats that show a date or time (Excel's ids, the Chinese ones included). */
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** A format code that shows a date: y, m, d, h or s outside quotes and [..] (as exceljs decides). */
function isDateFormat(code: string): boolean {
  return /[ymdhsb]/i.test(
    code
      .replace(/\[[^\]]*]/g, '')
      .replace(/"[^"]*"/g, '')
      .replace(/\\./g, ''),
  );
}

/** Which cell styles (index into cellXfs) show a date. */
async function readDateStyles(archive: Archive, part: string | null): Promise<Set<number>> {
  const dates = new Set<number>();
  const entry = part ? archive.entries.get(part) : undefined;
  if (!entry) return dates;
  const customDates = new Set<number>();
  let inCellXfs = false;
  let xf = 0;
  await scanWhole(archive, entry, 'otherPartBytes', {
    open(name, attrs) {
      if (name === 'numFmt' && isDateFormat(attribute(attrs, 'formatCode') ?? '')) customDates.add(Number(attribute(attrs, 'numFmtId')));
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attribute(attrs, 'numFmtId') ?? 0);
        if (DATE_FORMAT_IDS.has(id) || customDates.has(id)) dates.add(xf);
        xf += 1;
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return dates;
}

/** Collects text inside `<t>` elements, skipping phonetic runs (`<rPh>`), with the per-string cap. */
class TextCollector {
  parts: string[] = [];
  length = 0;
  private inT = false;
  private inPhonetic = false;

  constructor(
    private readonly limits: SheetLimits,
    private readonly where: () => string,
  ) {}

  open(name: string): void {
    if (name === 't') this.inT = !this.inPhonetic;
    else if (name === 'rPh') this.inPhonetic = true;
  }
  close(name: string): void {
    if (name === 't') this.inT = false;
    else if (name === 'rPh') this.inPhonetic = false;
  }
  /** Whether the text was taken (inside a `<t>`). */
  text(text: string): boolean {
    if (!this.inT) return false;
    this.add(text);
    return true;
  }
  add(text: string): void {
    this.length += text.length;
    if (this.length > this.limits.cellChars) throw limitError('cellChars', this.limits.cellChars, this.where());
    this.parts.push(text);
  }
  take(): string {
    const text = this.parts.join('');
    this.parts = [];
    this.length = 0;
    return text;
  }
}

async function readSharedStrings(archive: Archive, part: string | null): Promise<string[]> {
  const strings: string[] = [];
  const entry = part ? archive.entries.get(part) : undefined;
  if (!entry) return strings;
  const { limits } = archive;
  let chars = 0;
  const collector = new TextCollector(limits, () => `${entry.name} #${strings.length + 1}`);
  await scanWhole(archive, entry, 'sharedStringsBytes', {
    open(name) {
      if (name === 'si') collector.take();
      collector.open(name);
    },
    close(name) {
      collector.close(name);
      if (name !== 'si') return;
      const text = collector.take();
      chars += text.length;
      if (strings.length >= limits.sharedStrings) throw limitError('sharedStrings', limits.sharedStrings, entry.name);
      if (chars > limits.sharedStringChars) throw limitError('sharedStringChars', limits.sharedStringChars, entry.name);
      strings.push(text);
    },
    text(text) {
      collector.text(text);
    },
  });
  return strings;
}

/** Column number (1-based) of a cell reference such as "B5"; 0 when there is none. */
function columnOf(ref: string | undefined): number {
  if (!ref) return 0;
  let column = 0;
  for (let i = 0; i < ref.length && i < 4; i += 1) {
    const code = ref.charCodeAt(i) & ~0x20;
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column;
}

/** Excel's serial day number as a Date (as exceljs converts it), in the 1900 or 1904 system. */
function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

type CellDraft = { column: number; type: string; style: number; value: string | null; formula: boolean };

type SheetContext = { strings: readonly string[]; dateStyles: ReadonlySet<number>; date1904: boolean };

function cellValue(cell: CellDraft, ctx: SheetContext): SheetCell {
  const v = cell.value;
  if (v === null) return null;
  switch (cell.type) {
    case 's':
      return cell.formula ? v : (ctx.strings[Number(v)] ?? null);
    case 'str':
    case 'inlineStr':
    case 'e':
      return v;
    case 'b':
      return v.trim() !== '0' && v.trim() !== 'false';
    case 'd': {
      const date = new Date(v.trim());
      return Number.isNaN(date.getTime()) ? v : date;
    }
    default: {
      if (v.trim() === '') return null;
      const n = Number(v);
      if (!Number.isFinite(n)) return v;
      return ctx.dateStyles.has(cell.style) ? excelDate(n, ctx.date1904) : n;
    }
  }
}

/**
 * The rows of one worksheet part, streamed. Enforces the row, column, cell, cell-size and row-size
 * limits as the XML arrives; `counts` carries the cells handed on across the call.
 */
async function* sheetRows(archive: Archive, entry: ZipEntry, ctx: SheetContext, counts: { cells: number }): AsyncGenerator<SheetRow> {
  const { limits } = archive;
  const ready: SheetRow[] = [];
  let inData = false;
  let rowNumber = 0;
  let cells: SheetCell[] | null = null;
  let rowChars = 0;
  let lastColumn = 0;
  let cell: CellDraft | null = null;
  let inValue = false;
  let inInline = false;
  const where = () => `${entry.name} row ${rowNumber}`;
  const text = new TextCollector(limits, where);
  const value = new TextCollector(limits, where);

  const endRow = () => {
    if (!cells) return;
    for (let i = 0; i < cells.length; i += 1) if (cells[i] === undefined) cells[i] = null;
    counts.cells += cells.length;
    if (counts.cells > limits.cells) throw limitError('cells', limits.cells, where());
    ready.push({ row: rowNumber, cells });
    cells = null;
  };
  const handler: XmlHandler = {
    open(name, attrs) {
      if (name === 'sheetData') inData = true;
      else if (!inData) return;
      else if (name === 'row') {
        const r = Number(attribute(attrs, 'r'));
        rowNumber = Number.isInteger(r) && r > rowNumber ? r : rowNumber + 1;
        if (rowNumber > limits.rows) throw limitError('rows', limits.rows, entry.name);
        cells = [];
        rowChars = 0;
        lastColumn = 0;
      } else if (name === 'c' && cells) {
        const column = columnOf(attribute(attrs, 'r')) || lastColumn + 1;
        if (column > limits.columns) throw limitError('columns', limits.columns, where());
        lastColumn = column;
        cell = { column, type: attribute(attrs, 't') ?? 'n', style: Number(attribute(attrs, 's') ?? 0), value: null, formula: false };
      } else if (cell) {
        if (name === 'v') inValue = true;
        else if (name === 'f') cell.formula = true;
        else if (name === 'is') inInline = true;
        else if (inInline) text.open(name);
      }
    },
    close(name) {
      if (!inData) return;
      if (name === 'sheetData') inData = false;
      else if (name === 'row') endRow();
      else if (name === 'c' && cell && cells) {
        const v = cellValue(cell, ctx);
        if (typeof v === 'string') {
          rowChars += v.length;
          if (rowChars > limits.rowChars) throw limitError('rowChars', limits.rowChars, where());
        }
        cells[cell.column - 1] = v;
        cell = null;
      } else if (cell) {
        if (name === 'v') {
          inValue = false;
          cell.value = value.take();
        } else if (name === 'is') {
          inInline = false;
          cell.type = 'inlineStr';
          cell.value = text.take();
        } else if (inInline) text.close(name);
      }
    },
    text(piece) {
      if (!cell) return;
      if (inValue) value.add(piece);
      else if (inInline) text.text(piece);
    },
  };
  for await (const _ of scanPart(archive, entry, 'sheetBytes', handler)) {
    // The scanner adds rows only inside write(), never while these are handed on.
    for (const row of ready) yield row;
    ready.length = 0;
  }
  endRow();
  for (const row of ready) yield row;
}

/**
 * The rows of the first worksheet (in workbook order) that has a non-empty cell. Refuses an archive
 * that is not a workbook, and stops at the first limit passed.
 */
export async function* xlsxRows(source: ByteSource, limits: SheetLimits): AsyncGenerator<SheetRow> {
  try {
    const list = await readZipEntries(source, limits);
    const archive: Archive = { source, entries: new Map(list.map((e) => [e.name.toLowerCase(), e])), limits, budget: { used: 0 } };
    const workbook = await readWorkbook(archive);
    const sheets = workbook.sheetParts.flatMap((p) => archive.entries.get(p) ?? []);
    if (sheets.length === 0) throw new SpreadsheetError('not_spreadsheet', 'no worksheet');
    const dateStyles = await readDateStyles(archive, workbook.stylesPart);
    const strings = await readSharedStrings(archive, workbook.sharedStringsPart);
    const ctx: SheetContext = { strings, dateStyles, date1904: workbook.date1904 };
    const counts = { cells: 0 };
    for (const sheet of sheets) {
      let any = false;
      for await (const row of sheetRows(archive, sheet, ctx, counts)) {
        if (!any && row.cells.every((c) => c === null || c === '')) continue;
        any = true;
        yield row;
      }
      if (any) return;
    }
  } finally {
    await source.close();
  }
}
