// Reading an uploaded import file as text rows under a named header (the project and investment
// imports, the chain lists' imports) on the shared table reader (.xlsx, or CSV in UTF-8/GBK/UTF-16):
// title rows above the header are skipped (locateHeader), rows keep the number Excel shows, so an
// error points at the right line.
import { AppError } from '../errors.js';
import { cellText, isBlankRow } from './cells.js';
import { SpreadsheetError, spreadsheetAppError } from './errors.js';
import { locateHeader, normalizeHeaderText } from './header.js';
import { openSheet, type SheetSource } from './read-rows.js';

export type TextRow = { row: number; cells: string[] };
export type ReadSheet = { headerRow: number; headers: string[]; rows: TextRow[] };

/**
 * Reads the first sheet: the header is the first row naming `keyHeader` (after up to 30 title rows),
 * then the non-blank rows under it as trimmed text. A file without that header is refused as empty
 * of data, an unreadable one as not a spreadsheet.
 */
export async function readImportSheet(source: SheetSource, keyHeader: string): Promise<ReadSheet> {
  try {
    const sheet = await openSheet(source);
    const iterator = sheet.rows[Symbol.asyncIterator]();
    const located = await locateHeader(iterator, (texts) => texts.includes(keyHeader));
    if (!located) throw new AppError('validation_failed', { messageKey: 'projects.import.noHeader', params: { header: keyHeader } });
    const rows: TextRow[] = [];
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      if (!isBlankRow(next.value.cells)) rows.push({ row: next.value.row, cells: next.value.cells.map((c) => cellText(c)) });
    }
    return { headerRow: located.header.row, headers: located.header.cells.map((c) => normalizeHeaderText(cellText(c))), rows };
  } catch (err) {
    if (!(err instanceof SpreadsheetError)) throw err;
    throw spreadsheetAppError(err);
  }
}
