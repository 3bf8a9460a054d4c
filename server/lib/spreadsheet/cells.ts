// One cell of an uploaded table, as the reader hands it on: text from CSV; from .xlsx the value
// Excel stored (a number stays a number, a date cell a Date) so callers can tell 202406 from
// "2024年6月" and read an Excel date without guessing its display format.

export type SheetCell = string | number | boolean | Date | null;
export type SheetRow = {
  /** The row number Excel (or a text editor, for CSV) shows, so an error points at the right line. */
  row: number;
  cells: SheetCell[];
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Turns an exceljs cell value into a plain cell: rich text is joined, a formula gives its cached
 * result, a hyperlink its text, an error value (#N/A) becomes its text so it fails as "not a number".
 */
export function cellFromExcel(value: unknown): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (!isRecord(value)) return String(value);
  const richText = value.richText;
  if (Array.isArray(richText)) return richText.map((part: unknown) => (isRecord(part) && typeof part.text === 'string' ? part.text : '')).join('');
  if ('result' in value) return cellFromExcel(value.result);
  if ('formula' in value || 'sharedFormula' in value) return null;
  if (typeof value.text === 'string') return value.text;
  if (typeof value.error === 'string') return value.error;
  return null;
}

/**
 * A number as the decimal text a person typed: Excel keeps 15 significant digits, so 0.1 + 0.2
 * stored as 0.30000000000000004 reads "0.3". Large or tiny values keep their exponent ("1.5e+21").
 */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(15)));
}

/** The cell as trimmed text (numbers as {@link numberText}, dates as ISO dates, empty as ''). */
export function cellText(cell: SheetCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return numberText(cell);
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

/** True when every cell is empty. */
export function isBlankRow(cells: readonly SheetCell[]): boolean {
  return cells.every((c) => cellText(c) === '');
}
