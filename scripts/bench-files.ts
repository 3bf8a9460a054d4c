// The monthly-figures files the import benchmarks upload: the demo firms' stored months, each value
// changed by a few 元 so that every row is an update with a revision (the heaviest case).
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Db } from '../server/db/client.js';
import type { StoredFigureRow } from '../server/test/factories/figures.js';
import { makeUscc } from '../shared/uscc.js';
import { TEMPLATE_HEADERS } from '../server/modules/figures/import/import.template.js';

/** The template's columns less the firm's name and the 上年同期 bases: USCC, period, the six 当月 measures. */
export const BENCH_HEADERS = TEMPLATE_HEADERS.filter((h) => h !== '企业名称' && !h.includes('上年同期'));

/** A stored month as the query below selects it (the columns of the test factories' stored rows). */
export type StoredMonth = { uscc: string } & Omit<StoredFigureRow, 'prev_year_gross_output' | 'source'>;

/**
 * Makes room for a file of `rows` updates: when the demo's stored months are fewer than 1.25 × `rows`,
 * copies every demo firm (region, park, flags, memberships and every stored month) under a new valid
 * USCC (the demo's region code, an organisation body "MB" + 6 digits no demo firm uses) and the name
 * with "(副本n)", as often as needed. Returns what it added.
 */
export async function copyDemoFirms(db: Db, rows: number): Promise<{ copies: number; firms: number; months: number; ms: number }> {
  const started = performance.now();
  const count = async (table: string) =>
    Number((await db.execute<{ n: number | string }>(sql.raw(`SELECT count(*) AS n FROM ${table}`))).rows[0]?.n ?? 0);
  const stored = await count('monthly_figures');
  const copies = stored === 0 ? 0 : Math.max(0, Math.ceil((rows * 1.25) / stored) - 1);
  if (copies === 0) return { copies: 0, firms: 0, months: 0, ms: 0 };
  const firms = (await db.execute<{ uscc: string; region_code: string }>(sql`SELECT uscc, region_code FROM enterprises ORDER BY uscc`))
    .rows;
  let serial = 0;
  for (let copy = 1; copy <= copies; copy += 1) {
    const from: string[] = [];
    const to: string[] = [];
    for (const firm of firms) {
      serial += 1;
      from.push(firm.uscc);
      to.push(makeUscc(`91${firm.region_code.slice(0, 6)}MB${String(serial).padStart(6, '0')}`));
    }
    const map = sql`unnest(${sql.param(from)}::bpchar[], ${sql.param(to)}::bpchar[]) AS c(old, new)`;
    await db.execute(sql`
      INSERT INTO enterprises (uscc, name, region_code, park_id, gbt4754_code, is_chain_master, is_specialized, is_high_tech, is_listed, is_demo)
      SELECT c.new, e.name || ${`(副本${copy})`}, e.region_code, e.park_id, e.gbt4754_code, e.is_chain_master, e.is_specialized, e.is_high_tech, e.is_listed, e.is_demo
        FROM ${map} JOIN enterprises e ON e.uscc = c.old`);
    await db.execute(sql`
      INSERT INTO enterprise_memberships (uscc, node_id, is_primary, valid_from_year, valid_to_year)
      SELECT c.new, m.node_id, m.is_primary, m.valid_from_year, m.valid_to_year FROM ${map} JOIN enterprise_memberships m ON m.uscc = c.old`);
    await db.execute(sql`
      INSERT INTO monthly_figures (uscc, period, gross_output, revenue, profit, taxes, electricity_kwh, employees,
                                   prev_year_gross_output, prev_year_revenue, prev_year_profit, prev_year_taxes, source, updated_at)
      SELECT c.new, f.period, f.gross_output, f.revenue, f.profit, f.taxes, f.electricity_kwh, f.employees,
             f.prev_year_gross_output, f.prev_year_revenue, f.prev_year_profit, f.prev_year_taxes, f.source, f.updated_at
        FROM ${map} JOIN monthly_figures f ON f.uscc = c.old`);
  }
  return { copies, firms: copies * firms.length, months: copies * stored, ms: performance.now() - started };
}

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
