// The one layout of every exported worksheet, in the browser (web/components/export-excel-button.tsx) and on
// the server (server/lib/spreadsheet/titled-sheet.ts): a title row, a row naming the period, the unit and
// when the file was made, then the header row and the data. A figure without its period and unit means
// nothing once the file is forwarded. Works on an exceljs worksheet the caller created (type import only).
import type { Worksheet } from 'exceljs';
import { translate, type Locale } from './i18n/index.js';
import { safeCell } from './spreadsheet-safe.js';

export type TitledCell = string | number | boolean | null;

export type TitledSheetSpec = {
  /** What the sheet holds ("企业名录", "预警 2025年3月"). */
  title: string;
  /** The period of the figures ("2025年1–6月 累计"); none for a list without one. */
  period?: string | null;
  /** The unit of the amounts ("万元"); none for a list without amounts. */
  unit?: string | null;
  /** When the file was made, already formatted in Beijing time ("2025-03-01 08:30"). */
  exportedAt: string;
  locale: Locale;
  columns: ReadonlyArray<{ key: string; title: string; width?: number }>;
  rows: ReadonlyArray<Record<string, TitledCell>>;
};

/** Between the parts of the second row in Chinese (U+3000, as a full-width gap). */
const IDEOGRAPHIC_SPACE = '\u3000';

/** The header row's number: under the title row and the period/unit row. */
export const TITLED_HEADER_ROW = 3;

/** The second row's text: "期别：2025年1–6月 累计", "单位：万元" and "导出时间：…" apart by an ideographic space (parts without a value left out). */
export function titledSheetNotes(spec: Pick<TitledSheetSpec, 'period' | 'unit' | 'exportedAt' | 'locale'>): string {
  const parts = [
    spec.period ? translate(spec.locale, 'common.excel.period', { period: spec.period }) : null,
    spec.unit ? translate(spec.locale, 'common.excel.unit', { unit: spec.unit }) : null,
    translate(spec.locale, 'common.excel.exportedAt', { at: spec.exportedAt }),
  ];
  return parts.filter((p) => p !== null).join(spec.locale === 'en' ? '; ' : IDEOGRAPHIC_SPACE);
}

/**
 * Writes the title, the notes, the header and the rows into `sheet` and freezes the rows above the data.
 * Text that would start a formula is neutralised (spreadsheet-safe.ts); numbers stay numbers.
 */
export function fillTitledSheet(sheet: Worksheet, spec: TitledSheetSpec): void {
  sheet.columns = spec.columns.map((c) => ({ key: c.key, width: c.width ?? 16 }));
  const width = Math.max(spec.columns.length, 1);
  sheet.addRow([safeCell(spec.title)]).font = { bold: true, size: 14 };
  sheet.addRow([safeCell(titledSheetNotes(spec))]).font = { color: { argb: 'FF595959' } };
  if (width > 1) {
    sheet.mergeCells(1, 1, 1, width);
    sheet.mergeCells(2, 1, 2, width);
  }
  sheet.addRow(spec.columns.map((c) => safeCell(c.title))).font = { bold: true };
  for (const row of spec.rows) sheet.addRow(Object.fromEntries(Object.entries(row).map(([key, value]) => [key, safeCell(value)])));
  sheet.views = [{ state: 'frozen', ySplit: TITLED_HEADER_ROW }];
}
