// One cell of an uploaded table, as the reader hands it on: text from CSV; from .xlsx the value
// Excel stored (a number stays a number, a date cell a Date) so callers can tell 202406 from
// "2024年6月" and read an Excel date without guessing its display format.

export type SheetCell = string | number | boolean | Date | null;
export type SheetRow = {
  /** The row number Excel (or a text editor, for CSV) shows, so an error points at the right line. */
  row: number;
  cells: SheetCell[];
};

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
