// The 填写说明 sheet of an import template: one row per column (必填/选填 and the rule), then the
// general notes.
import type ExcelJS from 'exceljs';

export type ColumnGuide = { column: string; required: boolean; rule: string };

/** Adds the 填写说明 sheet to a template workbook. */
export function addGuideSheet(workbook: ExcelJS.Workbook, columns: readonly ColumnGuide[], notes: readonly string[]): void {
  const sheet = workbook.addWorksheet('填写说明');
  sheet.columns = [
    { header: '列名', key: 'column', width: 22 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '填写要求', key: 'rule', width: 90 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const c of columns) sheet.addRow({ column: c.column, required: c.required ? '必填' : '选填', rule: c.rule });
  sheet.addRow({});
  for (const rule of notes) sheet.addRow({ column: '说明', rule });
}
