import { describe, expect, it } from 'vitest';
import { bombPart, part, SHEET_HEAD, SHEET_TAIL, sheetRowsXml, SST_HEAD, SST_TAIL, workbookOf } from '../../test/hostile-files.js';
import type { SheetRow } from './cells.js';
import { SpreadsheetError } from './errors.js';
import { SHEET_LIMITS, type SheetLimits } from './limits.js';
import { openSheet } from './read-rows.js';

async function readAll(data: Buffer, limits: SheetLimits = SHEET_LIMITS): Promise<SheetRow[]> {
  const sheet = await openSheet({ data }, limits);
  const rows: SheetRow[] = [];
  for await (const row of sheet.rows) rows.push(row);
  return rows;
}

/** The error reading `data` ends with (a test fails when reading succeeds). */
async function failureOf(data: Buffer, limits: SheetLimits = SHEET_LIMITS): Promise<SpreadsheetError> {
  try {
    await readAll(data, limits);
  } catch (err) {
    if (err instanceof SpreadsheetError) return err;
    throw err;
  }
  throw new Error('the file was read without an error');
}

const sheetXml = (rows: readonly (readonly (string | number)[])[]) => `${SHEET_HEAD}${sheetRowsXml(rows)}${SHEET_TAIL}`;

describe('xlsx archive limits (zip bombs)', () => {
  it('refuses a shared-strings part declared as 1 GiB from its header, before inflating it', async () => {
    const bomb = bombPart('xl/sharedStrings.xml', 1024, { prefix: `${SST_HEAD}<si><t>` });
    const file = workbookOf(sheetXml([['a']]), bomb);
    expect(file.length).toBeLessThan(1.1 * 1024 * 1024);
    const err = await failureOf(file);
    expect(err.problem).toBe('too_large');
    expect(err.limit).toEqual({ kind: 'sharedStringsBytes', max: 64 * 1024 * 1024, where: 'xl/sharedStrings.xml' });
  });

  it('refuses a part within the size limit that deflates 1000:1 (the ratio limit)', async () => {
    const err = await failureOf(workbookOf(bombPart('xl/worksheets/sheet1.xml', 40, { prefix: SHEET_HEAD, suffix: SHEET_TAIL })));
    expect(err.limit).toMatchObject({ kind: 'ratio', max: 100, where: 'xl/worksheets/sheet1.xml' });
  });

  it('stops inflating as soon as a part passes the size its header declares (a lying header)', async () => {
    const bomb = { ...bombPart('xl/sharedStrings.xml', 1024, { prefix: `${SST_HEAD}<si><t>` }), size: 1000 };
    const err = await failureOf(workbookOf(sheetXml([['a']]), bomb));
    expect(err.problem).toBe('unreadable');
    expect(err.message).toContain('larger than its header says (xl/sharedStrings.xml)');
  });

  it('stops a worksheet over the unpacked-size limit while inflating, even with an honest ratio', async () => {
    // 300 MiB of "1" digits inside one cell would be 300 MiB of text; limits scaled down to keep it quick.
    const limits = { ...SHEET_LIMITS, sheetBytes: 4 * 1024 * 1024, ratio: 10_000 };
    const err = await failureOf(
      workbookOf({ ...bombPart('xl/worksheets/sheet1.xml', 300, { prefix: SHEET_HEAD }), size: 2 * 1024 * 1024 }),
      limits,
    );
    expect(err.problem).toBe('unreadable');
    const honest = await failureOf(workbookOf(bombPart('xl/worksheets/sheet1.xml', 8, { prefix: SHEET_HEAD, suffix: SHEET_TAIL })), limits);
    expect(honest.limit).toMatchObject({ kind: 'sheetBytes', max: 4 * 1024 * 1024 });
  });

  it('reads a whitespace sheet under the limits without holding it (text between tags is dropped as it comes)', async () => {
    const limits = { ...SHEET_LIMITS, ratio: 10_000 };
    const rows = await readAll(
      workbookOf(
        bombPart('xl/worksheets/sheet1.xml', 64, { prefix: `${SHEET_HEAD}${sheetRowsXml([['a', 1]])}`, suffix: SHEET_TAIL, withCrc: true }),
      ),
      limits,
    );
    expect(rows).toEqual([{ row: 1, cells: ['a', 1] }]);
  });

  it('refuses a single cell over 32,767 characters, in the sheet and in the shared strings', async () => {
    const inline = await failureOf(workbookOf(sheetXml([['x'.repeat(32_768)]])));
    expect(inline.limit).toEqual({ kind: 'cellChars', max: 32_767, where: 'xl/worksheets/sheet1.xml row 1' });
    const huge = await failureOf(
      workbookOf(
        bombPart('xl/worksheets/sheet1.xml', 50, { prefix: `${SHEET_HEAD}<row r="1"><c><v>`, fill: '7' }),
        part('xl/sharedStrings.xml', `${SST_HEAD}${SST_TAIL}`),
      ),
      { ...SHEET_LIMITS, ratio: 10_000 },
    );
    expect(huge.limit?.kind).toBe('cellChars');
    const shared = await failureOf(workbookOf(sheetXml([['a']]), `${SST_HEAD}<si><t>${'字'.repeat(40_000)}</t></si>${SST_TAIL}`));
    expect(shared.limit).toEqual({ kind: 'cellChars', max: 32_767, where: 'xl/sharedStrings.xml #1' });
  });

  it('caps the shared strings by count and by characters', async () => {
    const strings = `${SST_HEAD}${'<si><t>abcd</t></si>'.repeat(20)}${SST_TAIL}`;
    expect((await failureOf(workbookOf(sheetXml([['a']]), strings), { ...SHEET_LIMITS, sharedStrings: 10 })).limit?.kind).toBe(
      'sharedStrings',
    );
    expect((await failureOf(workbookOf(sheetXml([['a']]), strings), { ...SHEET_LIMITS, sharedStringChars: 50 })).limit?.kind).toBe(
      'sharedStringChars',
    );
  });

  it('caps columns (past XFD), rows, cells and the characters of a row', async () => {
    const beyond = `${SHEET_HEAD}<row r="1"><c r="XFE1"><v>1</v></c></row>${SHEET_TAIL}`;
    expect((await failureOf(workbookOf(beyond))).limit).toEqual({ kind: 'columns', max: 16_384, where: 'xl/worksheets/sheet1.xml row 1' });
    const ten = Array.from({ length: 10 }, (_, i) => [`r${i}`, i]);
    expect((await failureOf(workbookOf(sheetXml(ten)), { ...SHEET_LIMITS, rows: 9 })).limit?.kind).toBe('rows');
    expect((await failureOf(workbookOf(sheetXml(ten)), { ...SHEET_LIMITS, cells: 19 })).limit?.kind).toBe('cells');
    // One cell at XFD1 makes a row of 16,384 cells: counted in full, so such rows cannot repeat unbounded.
    const wide = `${SHEET_HEAD}${'<row><c r="XFD1"><v>1</v></c></row>'.repeat(5)}${SHEET_TAIL}`;
    expect((await failureOf(workbookOf(wide), { ...SHEET_LIMITS, cells: 4 * 16_384 })).limit?.kind).toBe('cells');
    expect((await failureOf(workbookOf(sheetXml([['abcdef', 'ghijkl']])), { ...SHEET_LIMITS, rowChars: 10 })).limit?.kind).toBe('rowChars');
  });

  it('refuses a truncated workbook, random bytes behind a ZIP signature and a DOCTYPE', async () => {
    const good = workbookOf(sheetXml([['统一社会信用代码'], ['91430400MA4L000038']]));
    expect(await readAll(good)).toHaveLength(2);
    for (const cut of [good.length - 10, Math.floor(good.length / 2), 40])
      expect((await failureOf(good.subarray(0, cut))).problem).toBe('unreadable');
    const random = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 251)),
    ]);
    expect((await failureOf(random)).problem).toBe('unreadable');
    const doctype = workbookOf(
      `<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaa">]>${SHEET_HEAD.replace('<?xml version="1.0" encoding="UTF-8"?>', '')}${SHEET_TAIL}`,
    );
    expect((await failureOf(doctype)).message).toContain('DOCTYPE');
  });

  it('reads formula cells as their cached result, errors as their text, a formula without a result as empty', async () => {
    const xml = `${SHEET_HEAD}<row r="2"><c r="A2"><f>1+2</f><v>3</v></c><c r="B2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="C2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E2"><f>NOW()</f></c><c r="F2" t="b"><v>1</v></c></row>${SHEET_TAIL}`;
    expect(await readAll(workbookOf(xml))).toEqual([{ row: 2, cells: [3, 'ab', '#DIV/0!', null, null, true] }]);
  });
});

describe('CSV limits', () => {
  it('refuses a line of a million commas before the parser builds it', async () => {
    const err = await failureOf(Buffer.from(`a${','.repeat(1_000_000)}\n`));
    expect(err.limit).toEqual({ kind: 'columns', max: 16_384, where: 'row 1' });
  });

  it('refuses an unclosed quote running on past the row limit, and a cell over 32,767 characters', async () => {
    const err = await failureOf(Buffer.from(`代码,名称\n1,"${'x'.repeat(1_100_000)}`));
    expect(err.limit).toEqual({ kind: 'rowChars', max: 1024 * 1024, where: 'row 2' });
    const cell = await failureOf(Buffer.from(`代码,名称\n1,${'y'.repeat(40_000)}\n`));
    expect(cell.limit).toEqual({ kind: 'cellChars', max: 32_767, where: 'row 2' });
  });

  it('keeps quoted commas and line breaks inside one cell, and "" as a quote', async () => {
    const rows = await readAll(Buffer.from('a,b\n"x, ""y""\nz",2\n'), { ...SHEET_LIMITS, columns: 3 });
    expect(rows).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['x, "y"\nz', '2'] },
    ]);
  });

  it('caps the rows of a CSV', async () => {
    expect((await failureOf(Buffer.from('a\n'.repeat(20)), { ...SHEET_LIMITS, rows: 10 })).limit).toEqual({
      kind: 'rows',
      max: 10,
      where: 'CSV',
    });
  });
});
