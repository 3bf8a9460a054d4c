// The server's exports (reports, lists made on the server): one workbook whose sheets have the shared
// layout of shared/spreadsheet-titled.ts (title row, period and unit row, header, rows), as the browser's.
import ExcelJS from 'exceljs';
import type { Locale } from '../../../shared/i18n/index.js';
import { fillTitledSheet, type TitledSheetSpec } from '../../../shared/spreadsheet-titled.js';

export type ServerSheet = Omit<TitledSheetSpec, 'exportedAt' | 'locale'> & { sheetName: string };

/** "2025-07-20 09:00": an instant in Beijing time (UTC+8, no daylight saving), as the web shows it. */
export function beijingMinute(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** An .xlsx file of `sheets`, each with its title, period and unit above the header row. */
export async function buildTitledWorkbook(sheets: readonly ServerSheet[], locale: Locale, now: Date = new Date()): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ChainChief';
  workbook.created = now;
  for (const { sheetName, ...spec } of sheets) {
    fillTitledSheet(workbook.addWorksheet(sheetName), { ...spec, exportedAt: beijingMinute(now), locale });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
