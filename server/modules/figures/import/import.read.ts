// Reading a monthly-figures file into checked rows, one row at a time: find the header under any
// title rows, recognise the columns, then parse each row's USCC, period and amounts. Nothing here
// touches the database; problems are collected with their row and column.
import { MONEY_FIELDS, type FigureField } from '../../../../shared/contracts/figures.js';
import { validateUscc } from '../../../../shared/uscc.js';
import { cellText, isBlankRow, type SheetRow } from '../../../lib/spreadsheet/cells.js';
import { locateHeader } from '../../../lib/spreadsheet/header.js';
import { errorIssue, warningIssue, type IssueDraft } from '../figures.issues.js';
import { columnKey, isHeaderRow, isQualifierOnly, mergeHeaderRows, parseHeader, type Basis, type ColumnSpec } from './import.headers.js';
import { parseAmount, parsePeriodCell, periodInTitle, type ParsedPeriod } from './import.values.js';
import { currentPeriod, FIRST_PERIOD } from '../../../../shared/stats/period.js';
import { pushAll } from '../../../../shared/arrays.js';

/** How many non-blank rows may stand above the header. */
export const HEADER_SCAN_ROWS = 30;

export type ReadColumn = { index: number; header: string; spec: ColumnSpec };
/**
 * One amount of a row: the stored-unit value, its column's header, the unit multiplier it was read with,
 * the cell text. The derived month keeps the same object as its value's source (no copy per value).
 */
export type Entry = { value: number; column: string; multiplier: bigint; text: string };

/** The column and unit multiplier of a value column's amounts: one object shared by all of them. */
type EntryOrigin = { column: string; multiplier: bigint };

/**
 * An amount as the parsed rows keep it (a 100,000-row file holds half a million): the value, its
 * column's origin (shared) and the cell text only when it differs from the value read back in the
 * column's unit (a plain `1234.5` in a 万元 column is 12,345,000 元, shown back as `1234.5`). Checked
 * when read, so `text` is the cell's text either way; most amounts keep no string of their own.
 */
class ReadEntry implements Entry {
  constructor(
    readonly value: number,
    private readonly origin: EntryOrigin,
    private readonly written: string | undefined,
  ) {}
  get column(): string {
    return this.origin.column;
  }
  get multiplier(): bigint {
    return this.origin.multiplier;
  }
  get text(): string {
    return this.written ?? readBack(this.value, this.origin.multiplier);
  }
}

/** A stored value in its column's unit, as the shortest decimal text (an exact quotient when the cell held one). */
function readBack(value: number, multiplier: bigint): string {
  return String(value / Number(multiplier));
}

function entryOf(value: number, origin: EntryOrigin, text: string): Entry {
  return new ReadEntry(value, origin, readBack(value, origin.multiplier) === text ? undefined : text);
}

/** A parsed data row: amounts converted to 元 (kWh, persons), by basis as the file gave them. */
export type FileRow = {
  row: number;
  uscc: string;
  name: string | null;
  period: string;
  /** The period was written as 1–2月: its values are the combined January–February figure. */
  janFebCombined: boolean;
  month: Partial<Record<FigureField, Entry>>;
  ytd: Partial<Record<FigureField, Entry>>;
};

export type ReadOptions = {
  /** The period of rows without one (the request's or CLI's option). */
  periodOption: ParsedPeriod | null;
  /** Multiplier of money columns whose header names no unit. */
  moneyMultiplier: bigint;
  now: Date;
  /** Called with the count of data rows read, every {@link PROGRESS_ROWS} rows. */
  onRows?: (rows: number) => void;
};

/** How often reading reports progress. */
export const PROGRESS_ROWS = 2_000;

export type ReadResult = {
  headerRow: number | null;
  columns: ReadColumn[];
  ignoredColumns: string[];
  rows: FileRow[];
  /** Data rows read (blank and 合计 rows not counted). */
  dataRows: number;
  issues: IssueDraft[];
};

const TOTAL_ROW = /合\s*计|总\s*计|小\s*计|^total$/i;

/** Recognises the columns; reports duplicates and wrong units on the header's row. */
function readColumns(headerRow: number, texts: readonly string[]): { columns: ReadColumn[]; ignored: string[]; issues: IssueDraft[] } {
  const columns: ReadColumn[] = [];
  const ignored: string[] = [];
  const issues: IssueDraft[] = [];
  const seen = new Map<string, string>();
  texts.forEach((header, index) => {
    if (header.trim() === '') return;
    const parsed = parseHeader(header);
    if (!parsed.spec) {
      if ('unitMismatch' in parsed && parsed.unitMismatch) {
        issues.push(
          errorIssue({ row: headerRow, column: header, value: header }, 'unitMismatch', { params: { unit: parsed.unitMismatch.unit } }),
        );
      } else ignored.push(header);
      return;
    }
    const key = columnKey(parsed.spec);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      issues.push(errorIssue({ row: headerRow, column: header, value: header }, 'duplicateColumn', { params: { other: earlier } }));
      return;
    }
    seen.set(key, header);
    columns.push({ index, header, spec: parsed.spec });
  });
  return { columns, ignored, issues };
}

/** A value column with what reading its cells needs, worked out once for the whole file. */
type ValueReader = {
  column: ReadColumn;
  field: FigureField;
  basis: Basis | null;
  multiplier: bigint;
  rules: { allowNegative: boolean; whole: boolean };
  origin: EntryOrigin;
};

type RowContext = ReadOptions & {
  current: string;
  uscc: ReadColumn | undefined;
  name: ReadColumn | undefined;
  period: ReadColumn | undefined;
  values: ValueReader[];
  /** Periods parsed so far, by cell text: a file names a few periods over and over. */
  periods: Map<string, ParsedPeriod | null>;
  /** One string per distinct USCC and firm name: a firm's rows share them instead of each keeping its own copy. */
  shared: Map<string, string>;
};

function sharedText(text: string, ctx: RowContext): string {
  const known = ctx.shared.get(text);
  if (known !== undefined) return known;
  ctx.shared.set(text, text);
  return text;
}

/** Distinct period texts remembered at most (a file of junk periods does not grow the map without end). */
const PERIOD_CACHE = 1_000;

function periodOf(cell: SheetRow['cells'][number] | undefined, ctx: RowContext): ParsedPeriod | null {
  if (typeof cell !== 'string') return parsePeriodCell(cell);
  const known = ctx.periods.get(cell);
  if (known !== undefined) return known;
  const parsed = parsePeriodCell(cell);
  if (ctx.periods.size < PERIOD_CACHE) ctx.periods.set(cell, parsed);
  return parsed;
}

function contextOf(columns: readonly ReadColumn[], options: ReadOptions): RowContext {
  const values: ValueReader[] = [];
  for (const column of columns) {
    if (column.spec.kind !== 'value') continue;
    const { field, basis } = column.spec;
    const isMoney = MONEY_FIELDS.some((f) => f === field);
    const multiplier = column.spec.multiplier ?? (isMoney ? options.moneyMultiplier : 1n);
    values.push({
      column,
      field,
      basis,
      multiplier,
      rules: { allowNegative: field === 'profit' || field === 'prevYearProfit', whole: field === 'employees' },
      origin: { column: column.header, multiplier },
    });
  }
  const find = (kind: ColumnSpec['kind']) => columns.find((c) => c.spec.kind === kind);
  return {
    ...options,
    current: currentPeriod(options.now),
    uscc: find('uscc'),
    name: find('name'),
    period: find('period'),
    values,
    periods: new Map(),
    shared: new Map(),
  };
}

function readRow(line: SheetRow, ctx: RowContext, issues: IssueDraft[]): FileRow | 'skip' | null {
  const usccHeader = ctx.uscc?.header ?? '';
  const usccText = ctx.uscc ? cellText(line.cells[ctx.uscc.index]) : '';
  const amounts = ctx.values.map((reader) => parseAmount(line.cells[reader.column.index], reader.multiplier, reader.rules));
  const noValues = amounts.every((a) => a.kind === 'empty');

  if (usccText === '') {
    // 合计/小计 lines and notes under the table carry no USCC: they are not data.
    if (noValues || line.cells.some((c) => TOTAL_ROW.test(cellText(c)))) return 'skip';
    issues.push(errorIssue({ row: line.row, column: usccHeader, value: null }, 'usccMissing'));
    return null;
  }
  const errorsBefore = issues.length;
  const checkedUscc = validateUscc(usccText);
  if (!checkedUscc.ok) {
    // The firm's name, when the file has one, lets the import suggest the code on record (import.service.ts).
    const name = ctx.name ? cellText(line.cells[ctx.name.index]) : '';
    issues.push(
      errorIssue({ row: line.row, column: usccHeader, value: usccText }, 'usccInvalid', {
        fixed: { zh: checkedUscc.messageZh, en: checkedUscc.messageEn },
        ...(name === '' ? {} : { params: { name } }),
      }),
    );
  }

  let period: ParsedPeriod | null = ctx.periodOption;
  const periodCell = ctx.period ? line.cells[ctx.period.index] : undefined;
  const periodText = cellText(periodCell);
  const periodAt = { row: line.row, column: ctx.period?.header ?? '', value: periodText || null };
  if (ctx.period && periodText !== '') {
    const parsed = periodOf(periodCell, ctx);
    if (!parsed) issues.push(errorIssue(periodAt, 'periodInvalid', { params: { value: periodText } }));
    else if (ctx.periodOption && ctx.periodOption.period !== parsed.period) {
      issues.push(errorIssue(periodAt, 'periodMismatch', { params: { period: parsed.period, option: ctx.periodOption.period } }));
    }
    period = parsed;
  } else if (!period && ctx.period) issues.push(errorIssue(periodAt, 'periodMissing'));
  if (period && period.period > ctx.current) issues.push(errorIssue(periodAt, 'periodFuture', { params: { period: period.period } }));
  else if (period && period.period < FIRST_PERIOD)
    issues.push(errorIssue(periodAt, 'periodTooEarly', { params: { period: period.period, first: FIRST_PERIOD } }));

  const row: FileRow = {
    row: line.row,
    uscc: sharedText(checkedUscc.ok ? checkedUscc.value : usccText, ctx),
    name: ctx.name ? sharedText(cellText(line.cells[ctx.name.index]), ctx) || null : null,
    period: period?.period ?? '',
    janFebCombined: period?.janFebCombined ?? false,
    month: {},
    ytd: {},
  };
  ctx.values.forEach((reader, i) => {
    const amount = amounts[i];
    if (!amount || amount.kind === 'empty') return;
    if (amount.kind === 'invalid') {
      issues.push(
        errorIssue({ row: line.row, column: reader.column.header, value: amount.text }, amount.problem, {
          params: { value: amount.text },
          fieldParams: { measure: reader.field },
        }),
      );
      return;
    }
    const basis: Basis = reader.basis ?? (period?.cumulative ? 'ytd' : 'month');
    row[basis][reader.field] = entryOf(amount.value, reader.origin, amount.text);
  });
  if (issues.length > errorsBefore || !period) return null;
  if (noValues) {
    issues.push(warningIssue({ row: line.row, column: usccHeader, value: usccText }, 'emptyRow'));
    return 'skip';
  }
  return row;
}

/**
 * Reads every row of the sheet. The header is the first row naming the USCC column and a measure
 * column, within the first {@link HEADER_SCAN_ROWS} non-blank rows; a second header row made only of
 * qualifiers (当月 | 累计 | 上年同期 under a merged measure cell) is joined to it. Duplicate
 * enterprise-months are reported on the later row.
 */
export async function readFigureRows(rows: AsyncIterable<SheetRow>, options: ReadOptions): Promise<ReadResult> {
  const iterator = rows[Symbol.asyncIterator]();
  const issues: IssueDraft[] = [];
  const located = await locateHeader(iterator, isHeaderRow, HEADER_SCAN_ROWS);
  if (!located) {
    issues.push(errorIssue({ row: null, column: '', value: null }, 'headerNotFound', { params: { rows: HEADER_SCAN_ROWS } }));
    return { headerRow: null, columns: [], ignoredColumns: [], rows: [], dataRows: 0, issues };
  }
  let headerTexts = located.header.cells.map((c) => cellText(c));
  let pending: SheetRow | null = null;
  const next = await iterator.next();
  if (!next.done) {
    const lower = next.value.cells.map((c) => cellText(c));
    const usccIndex = headerTexts.findIndex((t) => parseHeader(t).spec?.kind === 'uscc');
    if ((lower[usccIndex] ?? '') === '' && lower.some((t) => isQualifierOnly(t))) headerTexts = mergeHeaderRows(headerTexts, lower);
    else pending = next.value;
  }
  const headerRow = located.header.row;
  const {
    columns,
    ignored,
    issues: headerIssues,
  } = readColumns(
    headerRow,
    headerTexts.map((t) => t.trim()),
  );
  pushAll(issues, headerIssues);
  const hasPeriodColumn = columns.some((c) => c.spec.kind === 'period');
  let periodOption = options.periodOption;
  if (!hasPeriodColumn && !periodOption) {
    // No period column and none chosen: a title row that names exactly one period gives it (a warning to confirm).
    const found = located.titleRows.flatMap((row) => {
      const inTitle = periodInTitle(row.cells.map((c) => cellText(c)).join(''));
      return inTitle ? [{ row: row.row, ...inTitle }] : [];
    });
    const periods = new Set(found.map((f) => `${f.period.period}|${f.period.cumulative}`));
    const first = found[0];
    if (first && periods.size === 1) {
      periodOption = first.period;
      issues.push(warningIssue({ row: first.row, column: '', value: first.text }, 'periodFromTitle', { params: { period: first.text } }));
    } else issues.push(errorIssue({ row: null, column: '', value: null }, 'noPeriod'));
  }
  if (issues.some((i) => i.severity === 'error')) return { headerRow, columns, ignoredColumns: ignored, rows: [], dataRows: 0, issues };

  const ctx = contextOf(columns, { ...options, periodOption });
  const parsed: FileRow[] = [];
  const firstRowOf = new Map<string, number>();
  let dataRows = 0;
  const take = (line: SheetRow) => {
    if (isBlankRow(line.cells)) return;
    const row = readRow(line, ctx, issues);
    if (row === 'skip') return;
    dataRows += 1;
    if (dataRows % PROGRESS_ROWS === 0) options.onRows?.(dataRows);
    if (!row) return;
    const key = `${row.uscc}|${row.period}`;
    const earlier = firstRowOf.get(key);
    if (earlier !== undefined) {
      issues.push(
        errorIssue({ row: row.row, column: ctx.uscc?.header ?? '', value: row.uscc }, 'duplicateRow', {
          params: { row: earlier, period: row.period },
        }),
      );
      return;
    }
    firstRowOf.set(key, row.row);
    parsed.push(row);
  };
  if (pending) take(pending);
  for (let item = await iterator.next(); !item.done; item = await iterator.next()) take(item.value);
  if (dataRows === 0) issues.push(errorIssue({ row: null, column: '', value: null }, 'noRows'));
  return { headerRow, columns, ignoredColumns: ignored, rows: parsed, dataRows, issues };
}
