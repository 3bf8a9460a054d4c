// Finding the header row of a messy table: real files put one or more title rows ("2024年6月规上
//工业企业主要指标", a unit line, a blank line) above the header, so the header is the first row the
// caller recognises, not simply the first row.
import { cellText, isBlankRow, type SheetRow } from './cells.js';

/**
 * Header text as people write it, made comparable: NFKC (full-width letters, digits, brackets and
 * commas become ASCII), 【】〔〕［］ become (), whitespace removed, a trailing "*" (required mark) dropped.
 */
export function normalizeHeaderText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[【〔［]/g, '(')
    .replace(/[】〕］]/g, ')')
    .replace(/\s+/g, '')
    .replace(/\*+$/, '');
}

export type LocatedHeader = {
  header: SheetRow;
  /** Non-blank rows above the header (titles, notes). */
  titleRows: SheetRow[];
};

/**
 * Reads rows until `isHeader` accepts one (given the row's normalised texts). Blank rows are skipped;
 * gives up after `maxRows` non-blank rows, returning null. The iterator is left just after the
 * header, so the caller reads the data rows from it.
 */
export async function locateHeader(
  rows: AsyncIterator<SheetRow>,
  isHeader: (texts: string[]) => boolean,
  maxRows = 30,
): Promise<LocatedHeader | null> {
  const titleRows: SheetRow[] = [];
  for (;;) {
    const next = await rows.next();
    if (next.done) return null;
    const row = next.value;
    if (isBlankRow(row.cells)) continue;
    if (isHeader(row.cells.map((c) => normalizeHeaderText(cellText(c))))) return { header: row, titleRows };
    titleRows.push(row);
    if (titleRows.length >= maxRows) return null;
  }
}
