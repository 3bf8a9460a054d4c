import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS } from '../../../../shared/contracts/enterprises.js';
import { runCli } from '../../../cli/index.js';
import { useCliWorkspace, withEmbedded } from '../../../test/cli.js';
import { loginAs, useTestApp } from '../../../test/app.js';
import { buildUser, countRows, TEST_PASSWORD } from '../../../test/factories/common.js';
import { loadWorkbook, nextUscc, parkIdOf, postFile } from '../../../test/factories/enterprises.js';

const t = useTestApp({ users: { admin: { role: 'admin' } } });
const { admin } = t.users;

type Cells = Partial<Record<(typeof IMPORT_COLUMNS)[number], string>>;

async function xlsxOf(rows: Cells[], headers: readonly string[] = IMPORT_COLUMNS): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('企业名录');
  sheet.addRow([...headers]);
  for (const row of rows) sheet.addRow(headers.map((h) => (h in row ? (row as Record<string, string>)[h] : '')));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csvOf(rows: Cells[]): string {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [IMPORT_COLUMNS.join(','), ...rows.map((r) => IMPORT_COLUMNS.map((h) => quote(r[h] ?? '')).join(','))].join('\r\n');
}

async function upload(data: Buffer, options: { dryRun: boolean; fileName?: string; locale?: string }) {
  const url = `/api/enterprises/import?dryRun=${options.dryRun}`;
  return postFile(t.app, admin, url, options.fileName ?? 'firms.xlsx', data, options.locale);
}

function firm(overrides: Cells = {}): Cells {
  return {
    统一社会信用代码: nextUscc('430421'),
    企业名称: '衡阳县测试导入有限公司',
    所属区县: '衡阳县',
    所属园区: '',
    行业代码: '3821',
    规上年度: '2023,2024',
    产业链环节: 'CH02:xfmr;CH04:cuproc',
    链主: '否',
    专精特新: '是',
    高新技术企业: 'N',
    ...overrides,
  };
}

describe('GET /api/enterprises/import/template', () => {
  it('is an xlsx with the Chinese headers in order, one example row and a notes sheet', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/enterprises/import/template', headers: admin.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = await loadWorkbook(res.rawPayload);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...IMPORT_COLUMNS]);
    expect(sheet.actualRowCount).toBe(2);
    expect(sheet.getRow(2).getCell(7).text).toBe('CH02:xfmr;CH04:cuproc');
    expect(workbook.getWorksheet('填写说明')?.actualRowCount).toBeGreaterThan(10);
    // The template as downloaded is refused: its example row must be deleted first.
    const again = await upload(Buffer.from(res.rawPayload), { dryRun: true });
    expect(again.json().errors).toEqual([
      expect.objectContaining({ row: 2, column: '企业名称', reason: expect.stringContaining('示例行') }),
    ]);
  });
});

describe('POST /api/enterprises/import', () => {
  it('imports an xlsx made in Excel: dry run first, then for real, and a re-import changes nothing', async () => {
    const rows = [
      firm(),
      firm({ 企业名称: '衡阳高新区导入企业', 所属区县: '430472', 所属园区: '衡阳高新区', 产业链环节: 'CH05:pipe', 链主: '是' }),
    ];
    const file = await xlsxOf(rows);
    const before = await countRows(t.database.db, 'enterprises');

    const dry = await upload(file, { dryRun: true });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({
      dryRun: true,
      written: false,
      format: 'xlsx',
      rows: 2,
      created: 2,
      updated: 0,
      unchanged: 0,
      errors: [],
    });
    expect(await countRows(t.database.db, 'enterprises')).toBe(before);

    const real = await upload(file, { dryRun: false });
    expect(real.json()).toMatchObject({ written: true, created: 2, updated: 0, unchanged: 0 });
    const uscc = rows[1]!.统一社会信用代码!;
    const detail = (await t.app.inject({ method: 'GET', url: `/api/enterprises/${uscc}`, headers: admin.headers })).json();
    expect(detail).toMatchObject({
      regionCode: '430472',
      parkId: await parkIdOf(t.database.db, '衡阳高新区'),
      isChainMaster: true,
      chainCodes: ['CH05'],
    });
    const first = (
      await t.app.inject({ method: 'GET', url: `/api/enterprises/${rows[0]!.统一社会信用代码}`, headers: admin.headers })
    ).json();
    expect(first.memberships.map((m: { nodeKey: string; isPrimary: boolean }) => [m.nodeKey, m.isPrimary])).toEqual([
      ['xfmr', true],
      ['cuproc', false],
    ]);
    expect(first).toMatchObject({ aboveScaleYears: [2023, 2024], isSpecialized: true, isHighTech: false });

    const audits = await countRows(t.database.db, 'audit_log');
    const again = await upload(file, { dryRun: false });
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2, written: false });
    expect(await countRows(t.database.db, 'audit_log')).toBe(audits);

    // Changing one flag updates that one firm, audited with before and after.
    rows[0] = { ...rows[0], 高新技术企业: '是' };
    const changed = await upload(await xlsxOf(rows), { dryRun: false });
    expect(changed.json()).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const audit = await t.database.pool.query(`SELECT before, after FROM audit_log WHERE action = 'import_update' AND entity_id = $1`, [
      rows[0].统一社会信用代码,
    ]);
    expect(audit.rows).toHaveLength(1);
    expect([audit.rows[0].before.isHighTech, audit.rows[0].after.isHighTech]).toEqual([false, true]);
  });

  it('reads a GBK CSV with a region full name and a park short name', async () => {
    const row = firm({
      企业名称: '衡阳县西渡镇（示范）精密有限公司',
      所属园区: '西渡高新区',
      产业链环节: 'CH14:part',
      规上年度: '2024，2025',
    });
    const file = iconv.encode(csvOf([row]), 'gbk');
    expect(file.includes(Buffer.from('企业名称'))).toBe(false);
    const res = await upload(file, { dryRun: false, fileName: 'firms.csv' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ format: 'csv', encoding: 'gb18030', created: 1 });
    const detail = (await t.app.inject({ method: 'GET', url: `/api/enterprises/${row.统一社会信用代码}`, headers: admin.headers })).json();
    expect(detail).toMatchObject({ name: '衡阳县西渡镇（示范）精密有限公司', parkShortName: '西渡高新区', aboveScaleYears: [2024, 2025] });
  });

  it('reads a UTF-8 CSV with a BOM and one without', async () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvOf([firm()]))]);
    expect((await upload(withBom, { dryRun: true })).json()).toMatchObject({ encoding: 'utf-8-bom', created: 1, errors: [] });
    expect((await upload(Buffer.from(csvOf([firm()])), { dryRun: true })).json()).toMatchObject({
      encoding: 'utf-8',
      created: 1,
      errors: [],
    });
  });

  it('lists every row error with row and column, and with one bad row writes nothing at all', async () => {
    const good = firm();
    const badUscc = good.统一社会信用代码!.slice(0, 17) + (good.统一社会信用代码!.endsWith('A') ? 'B' : 'A');
    const rows = [
      good,
      firm({ 统一社会信用代码: badUscc, 所属区县: '火星县' }),
      firm({ 所属园区: '不存在园区', 产业链环节: 'CH02:nosuch;CH99:x', 规上年度: '23', 链主: '也许' }),
      firm({ 统一社会信用代码: good.统一社会信用代码, 企业名称: '' }),
    ];
    const before = { firms: await countRows(t.database.db, 'enterprises'), audit: await countRows(t.database.db, 'audit_log') };
    const res = await upload(await xlsxOf(rows), { dryRun: false });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('未写入任何数据');
    const errors: { row: number; column: string; reason: string }[] = res.json().error.details.errors;
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [3, '统一社会信用代码'],
      [3, '所属区县'],
      [4, '所属园区'],
      [4, '规上年度'],
      [4, '产业链环节'],
      [4, '产业链环节'],
      [4, '链主'],
      [5, '企业名称'],
      [5, '统一社会信用代码'],
    ]);
    expect(errors[0]!.reason).toContain('第18位校验码');
    expect(errors[1]!.reason).toContain('火星县');
    expect(errors[8]!.reason).toContain('第 2 行');
    expect(await countRows(t.database.db, 'enterprises')).toBe(before.firms);
    expect(await countRows(t.database.db, 'audit_log')).toBe(before.audit);

    const en = await upload(await xlsxOf(rows), { dryRun: true, locale: 'en' });
    expect(en.statusCode).toBe(200);
    expect(en.json().errors[0].reason).toContain('position 18');
    expect(en.json().errors[1].reason).toContain('Unknown region');
  });

  it('skips title rows above the header, and counts rows as Excel shows them', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('企业名录');
    sheet.addRow(['2024年衡阳市产业链企业名录']);
    sheet.addRow([]);
    sheet.addRow(['填报单位：市工业和信息化局']);
    sheet.addRow([...IMPORT_COLUMNS]);
    const good = firm();
    // A number cell (行业代码 typed as a number) reads as the digits.
    sheet.addRow(IMPORT_COLUMNS.map((h) => (h === '行业代码' ? 3821 : (good[h] ?? ''))));
    sheet.addRow(
      IMPORT_COLUMNS.map((h) => (h === '所属区县' ? '火星县' : h === '统一社会信用代码' ? nextUscc('430421') : (good[h] ?? ''))),
    );
    const res = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), { dryRun: true });
    expect(res.statusCode, res.body).toBe(200);
    // Header on row 4, data on rows 5 and 6: the error names row 6.
    expect(res.json()).toMatchObject({ rows: 2 });
    expect(res.json().errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([[6, '所属区县']]);
  });

  it('names missing required columns on the header row', async () => {
    const res = await upload(await xlsxOf([{ 企业名称: '甲' }], ['企业名称', '备注']), { dryRun: true });
    expect(res.json().errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [1, '统一社会信用代码'],
      [1, '所属区县'],
    ]);
    expect(res.json().ignoredColumns).toEqual(['备注']);
  });

  it('refuses a file over 20 MB with 413 and a PNG with 400, writing nothing', async () => {
    const big = Buffer.alloc(20 * 1024 * 1024 + 1, 0x41);
    const res = await upload(big, { dryRun: true });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toContain('20 MB');
    const raw = await t.app.inject({
      method: 'POST',
      url: '/api/enterprises/import?dryRun=true',
      headers: { ...admin.headers, 'content-type': 'text/csv' },
      payload: big,
    });
    expect(raw.statusCode).toBe(413);

    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const pic = await upload(png, { dryRun: false, fileName: 'logo.png' });
    expect(pic.statusCode).toBe(400);
    expect(pic.json().error.message).toContain('不是 Excel');
  });

  it('accepts a raw CSV body and is for the admin only', async () => {
    const raw = await t.app.inject({
      method: 'POST',
      url: '/api/enterprises/import?dryRun=true',
      headers: { ...admin.headers, 'content-type': 'text/csv' },
      payload: csvOf([firm()]),
    });
    expect(raw.json()).toMatchObject({ created: 1, errors: [] });
    const county = await loginAs(
      t.app,
      (await buildUser(t.database.db, { role: 'county', scopes: [{ kind: 'region', ref: '430421' }] })).username,
      TEST_PASSWORD,
    );
    const res = await postFile(t.app, county, '/api/enterprises/import', 'firms.csv', Buffer.from(csvOf([firm()])));
    expect(res.statusCode).toBe(403);
  });
});

describe('npm run cli -- import-enterprises', () => {
  const work = useCliWorkspace('cc-import-cli-');
  const { io } = work;

  it('prints the counts, or every row error with exit code 1', async () => {
    await work.seed();

    const goodFile = work.file('good.xlsx');
    fs.writeFileSync(goodFile, await xlsxOf([firm(), firm()]));
    const dry = io();
    expect(await runCli(['import-enterprises', goodFile, '--dry-run'], dry)).toBe(0);
    expect(dry.lines.at(-1)).toContain('新增 (created) 2');
    expect(dry.lines.at(-1)).toContain('dry run');
    const real = io();
    expect(await runCli(['import-enterprises', goodFile], real)).toBe(0);
    expect(real.lines.at(-1)).toContain('已导入 (imported)');
    const again = io();
    expect(await runCli(['import-enterprises', goodFile], again)).toBe(0);
    expect(again.lines.at(-1)).toContain('无变化 (unchanged) 2');

    const badFile = work.file('bad.csv');
    fs.writeFileSync(badFile, csvOf([firm({ 所属区县: '火星县' }), firm({ 产业链环节: 'CH02' })]));
    const bad = io();
    expect(await runCli(['import-enterprises', badFile], bad)).toBe(1);
    expect(bad.errors.slice(0, 2)).toEqual([
      expect.stringMatching(/^第 2 行 \(row 2\) 所属区县 \[火星县\]: 区县“火星县”不存在/),
      expect.stringMatching(/^第 3 行 \(row 3\) 产业链环节 \[CH02\]: /),
    ]);
    expect(bad.errors[2]).toContain('2 处错误');
  });

  it('adds years by default; --replace with figures behind a removal stops with exit code 3 until --accept-warnings', async () => {
    const uscc = nextUscc('430421');
    const file = work.file('years.xlsx');
    fs.writeFileSync(file, await xlsxOf([firm({ 统一社会信用代码: uscc, 规上年度: '2023,2024', 产业链环节: 'CH02:xfmr' })]));
    expect(await runCli(['import-enterprises', file], io())).toBe(0);
    await withEmbedded(work.dataDir, (db) =>
      db.execute(sql`INSERT INTO monthly_figures (uscc, period, gross_output) VALUES (${uscc}, '2023-06', 1200000)`),
    );
    const yearsOf = () =>
      withEmbedded(work.dataDir, async (db) =>
        (await db.execute<{ year: number }>(sql`SELECT year FROM enterprise_scale_years WHERE uscc = ${uscc} ORDER BY year`)).rows.map(
          (r) => r.year,
        ),
      );

    fs.writeFileSync(file, await xlsxOf([firm({ 统一社会信用代码: uscc, 规上年度: '2025', 产业链环节: 'CH02:xfmr' })]));
    const added = io();
    expect(await runCli(['import-enterprises', file], added)).toBe(0);
    expect(added.lines.at(-1)).toContain('更新 (updated) 1');
    expect(await yearsOf()).toEqual([2023, 2024, 2025]);

    const held = io();
    expect(await runCli(['import-enterprises', file, '--replace'], held)).toBe(3);
    expect(await yearsOf()).toEqual([2023, 2024, 2025]);
    expect(held.errors).toContainEqual(
      expect.stringContaining(
        `${uscc} 衡阳县测试导入有限公司 · 规上年度 2023 (规上 year) · 2023: 1 个月 (months), 总产值 (output) 1200000 元`,
      ),
    );
    const accepted = io();
    expect(await runCli(['import-enterprises', file, '--replace', '--accept-warnings'], accepted)).toBe(0);
    expect(await yearsOf()).toEqual([2025]);
  });
});
