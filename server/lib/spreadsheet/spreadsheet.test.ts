import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { cellText, type SheetRow } from './cells.js';
import { detectEncoding } from './decode.js';
import { parseDecimal, scaleToInteger } from './decimal.js';
import { SpreadsheetError } from './errors.js';
import { locateHeader } from './header.js';
import { openSheet } from './read-rows.js';

async function allRows(rows: AsyncIterable<SheetRow>): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

describe('decimal', () => {
  it('multiplies exactly and rounds half away from zero', () => {
    const yuan = (text: string, multiplier: bigint) => {
      const d = parseDecimal(text);
      return d ? scaleToInteger(d, multiplier) : null;
    };
    expect(yuan('1234.5678', 10000n)).toBe(12_345_678n);
    expect(yuan('0.15', 10n)).toBe(2n);
    expect(yuan('-0.15', 10n)).toBe(-2n);
    expect(yuan('0.149', 10n)).toBe(1n);
    expect(yuan('1.5E+3', 1n)).toBe(1500n);
    expect(yuan('１２３', 1n)).toBe(123n);
    expect(yuan('−7', 1n)).toBe(-7n);
    expect(yuan('12a', 1n)).toBeNull();
    expect(yuan('.', 1n)).toBeNull();
  });
});

describe('detectEncoding', () => {
  it('tells UTF-8 (with or without BOM), UTF-16LE and GBK apart', () => {
    expect(detectEncoding(Buffer.from('\ufeff统一社会信用代码', 'utf8'), true)).toBe('utf-8-bom');
    expect(detectEncoding(Buffer.from('统一社会信用代码', 'utf8'), true)).toBe('utf-8');
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x1f, 0x7edf]), true)).toBe('utf-16le');
    expect(detectEncoding(iconv.encode('统一社会信用代码,工业总产值', 'gbk'), true)).toBe('gb18030');
    // A character cut off at the end of the sniffed part is still UTF-8 when more follows.
    expect(detectEncoding(Buffer.from('代码', 'utf8').subarray(0, 4), false)).toBe('utf-8');
    expect(detectEncoding(Buffer.from('代码', 'utf8').subarray(0, 4), true)).toBe('gb18030');
    expect(() => detectEncoding(Buffer.from([0x41, 0, 0x42]), true)).toThrow(SpreadsheetError);
  });
});

describe('openSheet', () => {
  it('reads a GBK CSV from disk, keeping row numbers, and finds the header under title rows', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-sheet-'));
    const file = path.join(dir, 'gbk.csv');
    fs.writeFileSync(
      file,
      iconv.encode('2024年6月 规上工业企业\r\n\r\n统一社会信用代码,工业总产值（万元）\r\n91430400MA4L000038,"1,234.5"\r\n', 'gbk'),
    );
    try {
      const sheet = await openSheet({ path: file });
      expect(sheet.format).toBe('csv');
      expect(sheet.encoding).toBe('gb18030');
      const iterator = sheet.rows[Symbol.asyncIterator]();
      const located = await locateHeader(iterator, (texts) => texts.includes('统一社会信用代码'));
      expect(located?.header).toEqual({ row: 3, cells: ['统一社会信用代码', '工业总产值（万元）'] });
      expect(located?.titleRows.map((r) => r.row)).toEqual([1]);
      const next = await iterator.next();
      expect(next.value).toEqual({ row: 4, cells: ['91430400MA4L000038', '1,234.5'] });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads xlsx cells as Excel stored them: numbers, dates, rich text and formula results', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('数据');
    sheet.addRow(['期别', '数值', '文字', '公式']);
    const row = sheet.addRow([
      new Date(Date.UTC(2024, 5, 1)),
      12.5,
      { richText: [{ text: '12' }, { text: '3' }] },
      { formula: 'B2*2', result: 25 },
    ]);
    row.getCell(1).numFmt = 'yyyy-mm';
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const opened = await openSheet({ data });
    expect(opened.format).toBe('xlsx');
    const rows = await allRows(opened.rows);
    expect(rows[1]?.row).toBe(2);
    expect(rows[1]?.cells).toEqual([new Date(Date.UTC(2024, 5, 1)), 12.5, '123', 25]);
    expect(cellText(rows[1]?.cells[0])).toBe('2024-06-01');
  });

  it('reads an uploaded CSV larger than one 64 KB slice the same as the file on disk, characters and quoted line breaks across the slice edges included', async () => {
    // 3,000 rows of ~40 bytes: ~120 KB, two slice edges; the Chinese names (3 bytes a character in
    // UTF-8, 2 in GBK) and the quoted two-line notes fall across them somewhere.
    const lines = ['代码,名称,备注'];
    for (let i = 1; i <= 3000; i += 1) lines.push(`${i},衡阳示例企业${i}号,"第一行\n第二行${i}"`);
    const text = `${lines.join('\r\n')}\r\n`;
    for (const bytes of [Buffer.from(text, 'utf8'), iconv.encode(text, 'gbk')]) {
      expect(bytes.length).toBeGreaterThan(2 * 64 * 1024);
      const file = path.join(os.tmpdir(), `cc-slices-${process.pid}.csv`);
      fs.writeFileSync(file, bytes);
      const fromDisk = await allRows((await openSheet({ path: file })).rows);
      fs.rmSync(file);
      const uploaded = await allRows((await openSheet({ data: bytes })).rows);
      expect(uploaded).toHaveLength(3001);
      expect(uploaded.at(-1)?.cells).toEqual(['3000', '衡阳示例企业3000号', '第一行\n第二行3000']);
      expect(uploaded.map((r) => r.cells.join('|'))).toEqual(fromDisk.map((r) => r.cells.join('|')));
      const names = uploaded.slice(1).map((r) => r.cells[1]);
      expect(names.every((name, i) => name === `衡阳示例企业${i + 1}号`)).toBe(true);
    }
  });

  it('refuses an empty file and an old .xls', async () => {
    await expect(openSheet({ data: Buffer.alloc(0) })).rejects.toMatchObject({ problem: 'empty' });
    await expect(openSheet({ data: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]) })).rejects.toMatchObject({ problem: 'legacy_xls' });
  });
});
