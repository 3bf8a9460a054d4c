import { useState } from 'react';
import { App, Button } from 'antd';
import type { Locale } from '../../shared/i18n/index';
import { fillTitledSheet } from '../../shared/spreadsheet-titled';
import { formatDateTime } from '../lib/format';
import { useLocale, useT } from '../lib/i18n';
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
  /** The title row above the header (the sheet name when absent): what the file holds. */
  title?: string;
  /** The period of the figures, shown under the title ("2025年1–6月 累计"). */
  period?: string | null;
  /** The unit of the amounts, shown under the title ("万元"). */
  unit?: string | null;
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

/** The .xlsx file of the given rows, made in the browser: title row, period and unit row, header, data. */
export async function excelWorkbookBuffer<K extends string>(
  props: Omit<ExportExcelButtonProps<K>, 'disabled' | 'loadRows' | 'fileName'>,
  locale: Locale,
  now: Date = new Date(),
): Promise<ArrayBuffer> {
  // Loaded on demand: the Excel library is large and only needed when someone exports.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ChainChief';
  workbook.created = now;
  fillTitledSheet(workbook.addWorksheet(cleanSheetName(props.sheetName)), {
    title: props.title ?? props.sheetName,
    period: props.period,
    unit: props.unit,
    exportedAt: formatDateTime(now.toISOString()),
    locale,
    columns: props.columns,
    rows: props.rows,
  });
  return workbook.xlsx.writeBuffer();
}

/** Builds an .xlsx file of the given rows in the browser and downloads it. */
export async function downloadExcel<K extends string>(
  props: Omit<ExportExcelButtonProps<K>, 'disabled' | 'loadRows'>,
  locale: Locale,
): Promise<void> {
  const buffer = await excelWorkbookBuffer(props, locale);
  const blob = new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  downloadBlob(blob, `${props.fileName}.xlsx`);
}

/** "导出 Excel": exports the rows the table shows, or with `loadRows` every row of a paged list. */
export function ExportExcelButton<K extends string>({ disabled, loadRows, ...props }: ExportExcelButtonProps<K>) {
  const t = useT();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const onClick = async () => {
    setBusy(true);
    try {
      const rows = loadRows ? await loadRows() : props.rows;
      await downloadExcel({ ...props, rows }, locale);
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
