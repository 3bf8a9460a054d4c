// The brief's tables as a workbook: one sheet per table, with a title row, the period and the unit
// rows, then the header and the rows (cells as printed; text that looks like a formula is neutralised).
import ExcelJS from 'exceljs';
import type { Brief } from '../../../shared/contracts/briefs.js';
import { safeCell } from '../../../shared/spreadsheet-safe.js';

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\ , unique in the book. */
function sheetName(title: string, used: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, '').slice(0, 28) || 'Sheet';
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base}${i}`;
  used.add(name);
  return name;
}

/** The .xlsx bytes of a brief's tables. */
export async function briefToXlsx(brief: Brief): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ChainChief';
  const used = new Set<string>();
  for (const section of brief.sections) {
    for (const table of section.tables) {
      const sheet = workbook.addWorksheet(sheetName(table.title.replace(/（.*?）/g, ''), used));
      sheet.addRow([safeCell(`${brief.title} — ${table.title}`)]).font = { bold: true, size: 14 };
      sheet.addRow([`期间：${brief.periodLabel}${brief.preliminary ? '（初步数据，未发布）' : ''}`]);
      sheet.addRow([table.unitNote]);
      sheet.addRow([brief.publicationNote]);
      sheet.addRow(table.columns.map(safeCell)).font = { bold: true };
      for (const row of table.rows) sheet.addRow(row.map(safeCell));
      sheet.columns.forEach((column, i) => (column.width = i === 1 ? 24 : 16));
    }
  }
  if (workbook.worksheets.length === 0) workbook.addWorksheet('无表格').addRow(['该月报没有表格']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
