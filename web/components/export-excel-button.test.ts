import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { excelWorkbookBuffer } from './export-excel-button';

describe('the Excel export', () => {
  it('puts a title row, the period, the unit and the time above the header, then the rows', async () => {
    const buffer = await excelWorkbookBuffer(
      {
        sheetName: '分产业链',
        title: '分产业链 工业总产值',
        period: '2025年1–6月 累计',
        unit: '万元',
        columns: [
          { key: 'name', title: '产业链' },
          { key: 'output', title: '工业总产值（万元）' },
        ],
        rows: [
          { name: '输变电装备产业链', output: 1_483_000.5 },
          { name: '=HYPERLINK("x")', output: null },
        ],
      },
      'zh-CN',
      new Date('2025-07-20T01:00:00Z'),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer);
    const sheet = workbook.getWorksheet('分产业链');
    expect(sheet?.getRow(1).getCell(1).value).toBe('分产业链 工业总产值');
    // 01:00 UTC is 09:00 in Beijing.
    expect(sheet?.getRow(2).getCell(1).value).toBe('期别：2025年1–6月 累计　单位：万元　导出时间：2025-07-20 09:00（北京时间）');
    expect(sheet?.getRow(3).values).toEqual([undefined, '产业链', '工业总产值（万元）']);
    expect(sheet?.getRow(4).values).toEqual([undefined, '输变电装备产业链', 1_483_000.5]);
    expect(sheet?.getRow(5).getCell(1).value).toBe(`'=HYPERLINK("x")`);
    expect(sheet?.rowCount).toBe(5);
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
  });

  it('leaves out the period and the unit of a list without figures, in English too', async () => {
    const buffer = await excelWorkbookBuffer(
      { sheetName: 'Users', columns: [{ key: 'name', title: 'Name' }], rows: [{ name: 'chief' }] },
      'en',
      new Date('2025-07-20T01:00:00Z'),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe('Users');
    expect(sheet?.getRow(2).getCell(1).value).toBe('Exported: 2025-07-20 09:00 (Beijing time)');
    expect(sheet?.getRow(3).getCell(1).value).toBe('Name');
  });
});
