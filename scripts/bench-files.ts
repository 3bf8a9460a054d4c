// The monthly-figures files the import benchmarks upload: the demo firms' stored months, each value
// changed by a few 元 so that every row is an update with a revision (the heaviest case).
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Db } from '../server/db/client.js';
import type { StoredFigureRow } from '../server/test/factories/figures.js';
import { TEMPLATE_HEADERS } from '../server/modules/figures/import/import.template.js';

/** The template's columns less the firm's name and the 上年同期 bases: USCC, period, the six 当月 measures. */
export const BENCH_HEADERS = TEMPLATE_HEADERS.filter((h) => h !== '企业名称' && !h.includes('上年同期'));

/** A stored month as the query below selects it (the columns of the test factories' stored rows). */
export type StoredMonth = { uscc: string } & Omit<StoredFigureRow, 'prev_year_gross_output' | 'source'>;

/** The newest `limit` stored firm-months. */
export async function selectBenchMonths(db: Db, limit: number): Promise<StoredMonth[]> {
  const result = await db.execute<StoredMonth>(sql`
    SELECT uscc, period, gross_output, revenue, profit, taxes, electricity_kwh, employees
      FROM monthly_figures ORDER BY period DESC, uscc LIMIT ${limit}`);
  return result.rows;
}

/** 元 (plus `delta`) as 万元 text with four decimals, exactly (no float division). */
function wan(yuan: number | null, delta: number): string {
  if (yuan === null) return '';
  const v = Number(yuan) + delta;
  const abs = Math.abs(v);
  return `${v < 0 ? '-' : ''}${Math.floor(abs / 10_000)}.${String(abs % 10_000).padStart(4, '0')}`;
}

function cellsOf(r: StoredMonth, delta: number): string[] {
  return [
    r.uscc,
    r.period,
    wan(r.gross_output, delta),
    wan(r.revenue, delta),
    wan(r.profit, delta),
    wan(r.taxes, delta),
    r.electricity_kwh === null ? '' : String(Number(r.electricity_kwh) + delta),
    r.employees === null ? '' : String(r.employees),
  ];
}

export function writeBenchCsv(file: string, rows: readonly StoredMonth[], delta: number): void {
  const lines = [BENCH_HEADERS.map((h) => `"${h}"`).join(','), ...rows.map((r) => cellsOf(r, delta).join(','))];
  fs.writeFileSync(file, `${lines.join('\r\n')}\r\n`);
}

/** The same months as an .xlsx under a title row, written as a stream. */
export async function writeBenchXlsx(file: string, rows: readonly StoredMonth[], delta: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const sheet = workbook.addWorksheet('月报');
  sheet.addRow(['衡阳市规模以上工业企业主要指标（基准测试）']).commit();
  sheet.addRow(BENCH_HEADERS).commit();
  for (const r of rows) sheet.addRow(cellsOf(r, delta).map((c, i) => (i >= 2 && c !== '' ? Number(c) : c))).commit();
  await workbook.commit();
}
