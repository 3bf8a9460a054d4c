import { useState } from 'react';
import { App, Button } from 'antd';
import { neutraliseFormulaText, safeCell } from '../../shared/spreadsheet-safe';
import { useT } from '../lib/i18n';
import { downloadBlob } from '../lib/download';

export type ExcelCell = string | number | boolean | null;

export type ExcelColumn<K extends string> = {
  key: K;
  /** Header text, already translated. */
  title: string;
  /** Column width in characters. */
  width?: number;
};

export type ExportExcelButtonProps<K extends string> = {
  /** File name without extension, e.g. "用户管理-20250301". */
  fileName: string;
  sheetName: string;
  columns: ReadonlyArray<ExcelColumn<K>>;
  rows: ReadonlyArray<Record<K, ExcelCell>>;
  /** For a table that shows one page: loads every row of the list to export (instead of `rows`). */
  loadRows?: () => Promise<ReadonlyArray<Record<K, ExcelCell>>>;
  disabled?: boolean;
};

// Excel refuses sheet names longer than 31 characters or containing any of : \ / ? * [ ].
function cleanSheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet1';
}

/** Builds an .xlsx file of the given rows in the browser and downloads it. */
export async function downloadExcel<K extends string>(props: Omit<ExportExcelButtonProps<K>, 'disabled' | 'loadRows'>): Promise<void> {
  // Loaded on demand: the Excel library is large and only needed when someone exports.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ChainChief';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(cleanSheetName(props.sheetName), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = props.columns.map((column) => ({
    header: neutraliseFormulaText(column.title),
    key: column.key,
    width: column.width ?? 16,
  }));
  sheet.getRow(1).font = { bold: true };
  // Text that would start a formula is neutralised (shared/spreadsheet-safe.ts); numbers stay numbers.
  for (const row of props.rows) sheet.addRow(Object.fromEntries(Object.entries(row).map(([key, value]) => [key, safeCell(value)])));

  const buffer = await workbook.xlsx.writeBuffer();
  const blob = new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  downloadBlob(blob, `${props.fileName}.xlsx`);
}

/** "导出 Excel": exports the rows the table shows, or with `loadRows` every row of a paged list. */
export function ExportExcelButton<K extends string>({ disabled, loadRows, ...props }: ExportExcelButtonProps<K>) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const onClick = async () => {
    setBusy(true);
    try {
      const rows = loadRows ? await loadRows() : props.rows;
      await downloadExcel({ ...props, rows });
      message.success(t('common.exported', { count: rows.length }));
    } catch (err) {
      message.error(t('common.exportFailed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button data-testid="export-excel" loading={busy} disabled={disabled || props.rows.length === 0} onClick={() => void onClick()}>
      {t('common.exportExcel')}
    </Button>
  );
}
