import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { beijingMinute, buildTitledWorkbook } from './titled-sheet.js';

describe('server exports', () => {
  it('write a title row, the period, the unit and the time above the header, then the rows', async () => {
    const file = await buildTitledWorkbook(
      [
        {
          sheetName: '产业链',
          title: '产业链运行情况',
          period: '2024年1–6月 累计',
          unit: '亿元',
          columns: [
            { key: 'name', title: '产业链', width: 24 },
            { key: 'output', title: '工业总产值（亿元）' },
          ],
          rows: [{ name: '输变电装备产业链', output: 148.3 }],
        },
      ],
      'zh-CN',
      new Date('2024-07-19T16:30:00Z'),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(file).buffer);
    const sheet = workbook.getWorksheet('产业链');
    expect(sheet?.getRow(1).getCell(1).value).toBe('产业链运行情况');
    // 16:30 UTC on 19 July is 00:30 on 20 July in Beijing.
    expect(sheet?.getRow(2).getCell(1).value).toBe('期别：2024年1–6月 累计　单位：亿元　导出时间：2024-07-20 00:30（北京时间）');
    expect(sheet?.getRow(3).values).toEqual([undefined, '产业链', '工业总产值（亿元）']);
    expect(sheet?.getRow(4).values).toEqual([undefined, '输变电装备产业链', 148.3]);
    expect(sheet?.getColumn(1).width).toBe(24);
  });

  it('shows the time in Beijing', () => {
    expect(beijingMinute(new Date('2024-12-31T16:05:59Z'))).toBe('2025-01-01 00:05');
  });
});
