// Reading an uploaded enterprise file into rows of text cells, on the shared table reader
// (server/lib/spreadsheet: .xlsx, or CSV in UTF-8 with or without BOM, UTF-16 or GBK/GB18030). Title
// rows above the header are skipped. Rows keep the number Excel shows, so errors point at the right line.
import { cellText } from '../../../lib/spreadsheet/cells.js';
import { SpreadsheetError, spreadsheetAppError } from '../../../lib/spreadsheet/errors.js';
import { normalizeHeaderText } from '../../../lib/spreadsheet/header.js';
import { openSheet } from '../../../lib/spreadsheet/read-rows.js';
import type { TextEncoding } from '../../../lib/spreadsheet/decode.js';
import { AppError } from '../../../lib/errors.js';

export type SheetRow = { row: number; cells: string[] };

export type ParsedSheet = {
  format: 'xlsx' | 'csv';
  /** How CSV text was decoded; null for xlsx. */
  encoding: TextEncoding | null;
  headerRow: number;
  headers: string[];
  rows: SheetRow[];
};

/** The column that marks the header row. */
const KEY_HEADER = '统一社会信用代码';
/** How many non-blank rows may sit above the header (titles, notes). */
const MAX_TITLE_ROWS = 30;

/**
 * The header is the first non-blank row (among the first {@link MAX_TITLE_ROWS}) that names the
 * USCC column; without one, the first non-blank row, so the missing columns are reported on it.
 */
function toSheet(format: ParsedSheet['format'], encoding: TextEncoding | null, lines: SheetRow[]): ParsedSheet {
  const nonEmpty = lines.filter((l) => l.cells.some((c) => c !== ''));
  const found = nonEmpty.slice(0, MAX_TITLE_ROWS + 1).findIndex((l) => l.cells.some((c) => normalizeHeaderText(c) === KEY_HEADER));
  const at = found === -1 ? 0 : found;
  const header = nonEmpty[at];
  if (!header) throw new AppError('validation_failed', { messageKey: 'enterprises.import.empty' });
  return { format, encoding, headerRow: header.row, headers: header.cells.map(normalizeHeaderText), rows: nonEmpty.slice(at + 1) };
}

/** Reads an uploaded file; refuses anything that is not an .xlsx workbook or a CSV text file. */
export async function readSpreadsheet(data: Buffer): Promise<ParsedSheet> {
  try {
    const sheet = await openSheet({ data });
    const lines: SheetRow[] = [];
    for await (const line of sheet.rows) {
      const cells = line.cells.map((c) => cellText(c));
      // Blank rows are dropped as they come: a million of them must not pile up.
      if (cells.some((c) => c !== '')) lines.push({ row: line.row, cells });
    }
    return toSheet(sheet.format, sheet.encoding, lines);
  } catch (err) {
    if (!(err instanceof SpreadsheetError)) throw err;
    throw spreadsheetAppError(err);
  }
}
