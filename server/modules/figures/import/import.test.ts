import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { loginAs, useTestApp } from '../../../test/app.js';
import { buildUser, TEST_PASSWORD } from '../../../test/factories/common.js';
import { buildEnterprise, loadWorkbook, nextUscc } from '../../../test/factories/enterprises.js';
import { countOf, csvText, insertMonths, postImport, storedMonths } from '../../../test/factories/figures.js';

const t = useTestApp({ users: { admin: { role: 'admin' } } });
const { admin } = t.users;

type Issue = { row: number | null; column: string; code: string; reason: string };
const where = (issues: Issue[]) => issues.map((i) => [i.row, i.column, i.code]);

describe('importing a messy xlsx', () => {
  it('finds the header under title rows, converts 万元 and derives 当月 from 累计, 1–2月 into February', async () => {
    const a = await buildEnterprise(t.database.db, { name: '甲变压器有限公司' });
    const b = await buildEnterprise(t.database.db, { name: '乙线缆有限公司' });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('1-3月');
    sheet.addRow(['衡阳市规模以上工业企业主要经济指标（2024年1-3月）']);
    sheet.mergeCells('A1:H1');
    sheet.addRow(['单位：万元、人']);
    sheet.addRow([
      '序号',
      '统一社会信用代码',
      '企业名称',
      '期别',
      '工业总产值(本年累计,万元)',
      '营业收入（本年累计，万元）',
      '利润总额(本年累计,万元)',
      '从业人员(人)',
    ]);
    const dated = sheet.addRow([1, a.uscc, a.name, new Date(Date.UTC(2024, 1, 1)), 250.5, 240.1234, 10, 120]);
    dated.getCell(4).numFmt = 'yyyy"年"m"月"';
    sheet.addRow([2, a.uscc, a.name, '2024年3月', 400.75, '380', 8.5, 118]);
    sheet.addRow([3, b.uscc, b.name, 202401, 100, 90, -2, 50]);
    sheet.addRow([4, b.uscc, b.name, '2024-02', '230.00005', 180, 1, 52]);
    sheet.addRow(['', '', '合计', '', 1000, 900, 17.5, 340]);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());

    const res = await postImport(t.app, admin, data, { fileName: '2024年1-3月.xlsx' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      written: true,
      format: 'xlsx',
      headerRow: 3,
      rows: 4,
      periods: ['2024-01', '2024-02', '2024-03'],
      created: 5,
      updated: 0,
      unchanged: 0,
      errors: [],
      warnings: [],
      ignoredColumns: ['序号'],
    });
    const pick = (rows: Awaited<ReturnType<typeof storedMonths>>) =>
      rows.map((r) => [r.period, r.gross_output, r.revenue, r.profit, r.employees, r.source]);
    // 甲: 1–2月 累计 without January → all of it in February (250.5 万 = 2,505,000 元), January 0;
    // March = 400.75 − 250.5 = 150.25 万; revenue 380 − 240.1234 = 139.8766 万; profit 8.5 − 10 = −1.5 万.
    expect(pick(await storedMonths(t.database.db, a.uscc))).toEqual([
      ['2024-01', 0, 0, 0, null, 'import'],
      ['2024-02', 2_505_000, 2_401_234, 100_000, 120, 'import'],
      ['2024-03', 1_502_500, 1_398_766, -15_000, 118, 'import'],
    ]);
    // 乙: January 100 万; February 累计 230.00005 万 = 2,300,000.5 元 → 2,300,001 元 (half away from zero), minus January.
    expect(pick(await storedMonths(t.database.db, b.uscc))).toEqual([
      ['2024-01', 1_000_000, 900_000, -20_000, 50, 'import'],
      ['2024-02', 1_300_001, 900_000, 30_000, 52, 'import'],
    ]);
    const marks = await t.database.db.execute<{ uscc: string; period: string }>(
      sql`SELECT uscc, period FROM monthly_figure_marks WHERE uscc IN (${a.uscc}, ${b.uscc})`,
    );
    expect(marks.rows).toEqual([{ uscc: a.uscc, period: '2024-02' }]);
    const audit = await t.database.db.execute<{ after: { fileName: string; created: number; periods: string[] } }>(
      sql`SELECT after FROM audit_log WHERE action = 'import' AND entity = 'monthly_figures' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit.rows[0]?.after).toMatchObject({
      fileName: '2024年1-3月.xlsx',
      created: 5,
      updated: 0,
      unchanged: 0,
      periods: ['2024-01', '2024-02', '2024-03'],
    });
    expect(await countOf(t.database.db, 'monthly_figure_revisions', a.uscc)).toBe(3);
  });
});

describe('importing a GBK CSV', () => {
  it('decodes GBK and applies the period and unit options to columns that name none', async () => {
    const firm = await buildEnterprise(t.database.db);
    const text = csvText([
      ['统一社会信用代码', '企业名称', '工业总产值', '营业收入(万元)', '用电量(万千瓦时)'],
      [firm.uscc, firm.name, '1,234.5', '12.34', '1.5'],
    ]);
    const res = await postImport(t.app, admin, iconv.encode(text, 'gbk'), { period: '2024年6月', unit: '千元' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ format: 'csv', encoding: 'gb18030', created: 1, periods: ['2024-06'] });
    // 1,234.5 千元 = 1,234,500 元; 12.34 万元 = 123,400 元; 1.5 万千瓦时 = 15,000 kWh.
    expect(await storedMonths(t.database.db, firm.uscc)).toEqual([
      expect.objectContaining({ period: '2024-06', gross_output: 1_234_500, revenue: 123_400, electricity_kwh: 15_000 }),
    ]);
  });
});

describe('errors', () => {
  it('lists every row error with row and column, in the caller’s language, and writes nothing', async () => {
    const named = await buildEnterprise(t.database.db, { name: '丙电气股份有限公司' });
    const d = await buildEnterprise(t.database.db);
    const e = await buildEnterprise(t.database.db);
    const f = await buildEnterprise(t.database.db);
    await insertMonths(t.database.db, e.uscc, { '2024-01': { grossOutput: 400_000 }, '2024-02': { grossOutput: 300_000 } });
    const unknown = nextUscc();
    const text = csvText([
      ['统一社会信用代码', '企业名称', '期别', '工业总产值(当月,万元)', '工业总产值(本年累计,万元)', '利润总额(当月,万元)'],
      [unknown, named.name, '2024-05', '100', '', ''],
      ['91430400MA4L00003X', '', '2024-05', '100', '', ''],
      [d.uscc, d.name, '2024-05', '100', '', '3'],
      [d.uscc, d.name, '2024年5月', '120', '', ''],
      [d.uscc, d.name, '2024-04', '-30', '', '-5'],
      [d.uscc, d.name, '2024-03', 'abc', '', ''],
      [d.uscc, d.name, '2099-01', '1', '', ''],
      [e.uscc, e.name, '2024-03', '', '50', ''],
      [f.uscc, f.name, '2024-06', '', '100', ''],
      [d.uscc, d.name, '2024年13月', '1', '', ''],
    ]);
    const before = await countOf(t.database.db, 'monthly_figures');
    const res = await postImport(t.app, admin, Buffer.from(text), { locale: 'en' });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ errors: Issue[]; written: boolean; error: { code: string; message: string } }>();
    expect(body.written).toBe(false);
    expect(body.error).toEqual({ code: 'validation_failed', message: 'The file has 9 errors; nothing was written.' });
    expect(where(body.errors)).toEqual([
      [2, '统一社会信用代码', 'unknownUsccSuggest'],
      [3, '统一社会信用代码', 'usccInvalid'],
      [5, '统一社会信用代码', 'duplicateRow'],
      [6, '工业总产值(当月,万元)', 'negative'],
      [7, '工业总产值(当月,万元)', 'notNumber'],
      [8, '期别', 'periodFuture'],
      [9, '工业总产值(本年累计,万元)', 'ytdDecreased'],
      [10, '工业总产值(本年累计,万元)', 'cannotDerive'],
      [11, '期别', 'periodInvalid'],
    ]);
    expect(body.errors[0]?.reason).toBe(
      `No enterprise with code ${unknown} in the register or in your data scope; the register has “丙电气股份有限公司” with code ${named.uscc}: please check.`,
    );
    expect(body.errors[2]?.reason).toBe('Same enterprise and period (2024-05) as row 4.');
    expect(body.errors[4]?.reason).toBe('Gross output “abc” is not a number.');
    // 1–3月 累计 50 万 after 40 + 30 万 in January and February.
    expect(body.errors[6]?.reason).toBe(
      'The year-to-date figure 500,000 yuan is less than the earlier months’ total 700,000 yuan, giving a negative month; please check.',
    );
    expect(body.errors[7]?.reason).toContain('no data for 2024-01');
    expect(await countOf(t.database.db, 'monthly_figures')).toBe(before);

    const zh = await postImport(t.app, admin, Buffer.from(text));
    expect(zh.json<{ errors: Issue[] }>().errors[4]?.reason).toBe('工业总产值“abc”不是数字');
  });

  it('refuses a file without a header, without a period, and an .xls', async () => {
    const noHeader = await postImport(t.app, admin, Buffer.from('a,b\r\n1,2\r\n'));
    expect(noHeader.statusCode).toBe(400);
    expect(where(noHeader.json().errors)).toEqual([[null, '', 'headerNotFound']]);
    const noPeriod = await postImport(t.app, admin, Buffer.from('统一社会信用代码,工业总产值\r\n'));
    expect(where(noPeriod.json().errors)).toEqual([[null, '', 'noPeriod']]);
    const xls = await postImport(t.app, admin, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), { fileName: 'old.xls' });
    expect(where(xls.json().errors)).toEqual([[null, '', 'legacyXls']]);
  });

  it('takes the period from a title row when the file has no period column, as a warning to confirm', async () => {
    const firm = await buildEnterprise(t.database.db);
    // 1–3月 累计 under a title naming 1–3月: the 累计 column without its own basis is a running total.
    await insertMonths(t.database.db, firm.uscc, { '2024-01': { grossOutput: 1_000_000 }, '2024-02': { grossOutput: 1_000_000 } });
    const text = csvText([['衡阳市规上工业企业主要指标（2024年1-3月）'], ['统一社会信用代码', '工业总产值(万元)'], [firm.uscc, '350']]);
    const first = await postImport(t.app, admin, Buffer.from(text));
    expect(first.statusCode).toBe(200);
    const report = first.json<{ warnings: Issue[]; confirmationRequired: boolean; written: boolean; periods: string[] }>();
    expect(report).toMatchObject({ confirmationRequired: true, written: false, periods: ['2024-03'] });
    expect(where(report.warnings)).toEqual([[1, '', 'periodFromTitle']]);
    expect(report.warnings[0]?.reason).toBe('文件没有期别列，期别取自标题行中的“2024年1-3月”，请核对');
    // Confirmed: March = 350 万元 − 100 − 100 = 150 万元.
    const confirmed = await postImport(t.app, admin, Buffer.from(text), { acceptWarnings: true });
    expect(confirmed.json()).toMatchObject({ written: true, created: 1 });
    expect((await storedMonths(t.database.db, firm.uscc)).find((r) => r.period === '2024-03')?.gross_output).toBe(1_500_000);
    // Two periods in the titles: which one is meant is not guessed.
    const two = csvText([['2024年3月月报'], ['（2024年1-2月数据见另表）'], ['统一社会信用代码', '工业总产值(万元)'], [firm.uscc, '350']]);
    expect(where((await postImport(t.app, admin, Buffer.from(two))).json().errors)).toEqual([[null, '', 'noPeriod']]);
  });

  it('answers 413 for a file over 20 MB', async () => {
    const res = await postImport(t.app, admin, Buffer.alloc(21 * 1024 * 1024, 0x31));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });
});

describe('warnings, re-import and revisions', () => {
  let w: { uscc: string; name: string };
  const june = (output: number) =>
    Buffer.from(
      csvText([
        ['统一社会信用代码', '期别', '工业总产值(当月,元)', '工业总产值(上年同期,元)'],
        [w.uscc, '2024-06', output, 1_200_000],
      ]),
    );

  beforeAll(async () => {
    w = await buildEnterprise(t.database.db);
    const history: Record<string, { grossOutput: number }> = {};
    for (let m = 0; m < 12; m += 1) {
      const month = 6 + m;
      const period = month <= 12 ? `2023-${String(month).padStart(2, '0')}` : `2024-${String(month - 12).padStart(2, '0')}`;
      history[period] = { grossOutput: 1_000_000 };
    }
    await insertMonths(t.database.db, w.uscc, history);
  });

  it('stops on warnings (10× the 12-month median, 上年同期 unlike the stored year) until they are accepted', async () => {
    const held = await postImport(t.app, admin, june(10_000_000));
    expect(held.statusCode).toBe(200);
    expect(held.json()).toMatchObject({ written: false, confirmationRequired: true, created: 1, errors: [] });
    expect(where(held.json().warnings)).toEqual([
      [2, '工业总产值(当月,元)', 'unitSlip'],
      [2, '工业总产值(上年同期,元)', 'prevYearMismatch'],
    ]);
    expect(held.json().warnings[0].reason).toBe(
      '工业总产值 10,000,000 元 是该企业近 12 个月中位数 1,000,000 元 的 10.0 倍，可能是单位错误（元/万元）',
    );
    expect((await storedMonths(t.database.db, w.uscc)).some((r) => r.period === '2024-06')).toBe(false);

    const accepted = await postImport(t.app, admin, june(10_000_000), { acceptWarnings: true });
    expect(accepted.json()).toMatchObject({ written: true, confirmationRequired: false, created: 1, updated: 0, unchanged: 0 });
    expect((await storedMonths(t.database.db, w.uscc)).find((r) => r.period === '2024-06')).toMatchObject({
      gross_output: 10_000_000,
      prev_year_gross_output: 1_200_000,
    });
  });

  it('checks a month against the earlier months of the same file on a first import (no stored history)', async () => {
    const fresh = await buildEnterprise(t.database.db);
    // January–May at 1,000,000 元, June at 10,000,000 (in 元 where 万元 was meant, say): 10× the median of the file's own months.
    const rows = [['统一社会信用代码', '期别', '工业总产值(当月,元)']];
    for (let m = 1; m <= 5; m += 1) rows.push([fresh.uscc, `2024-0${m}`, '1000000']);
    rows.push([fresh.uscc, '2024-06', '10000000']);
    const held = await postImport(t.app, admin, Buffer.from(csvText(rows)));
    expect(held.json()).toMatchObject({ written: false, confirmationRequired: true, created: 6 });
    expect(where(held.json().warnings)).toEqual([[7, '工业总产值(当月,元)', 'unitSlip']]);
  });

  it('counts an identical re-import as unchanged and writes nothing', async () => {
    const revisions = await countOf(t.database.db, 'monthly_figure_revisions', w.uscc);
    const again = await postImport(t.app, admin, june(10_000_000));
    expect(again.json()).toMatchObject({ written: false, created: 0, updated: 0, unchanged: 1, warnings: [] });
    expect(await countOf(t.database.db, 'monthly_figure_revisions', w.uscc)).toBe(revisions);
  });

  it('updates a changed month and keeps the earlier value as a revision', async () => {
    const res = await postImport(t.app, admin, june(9_000_000));
    expect(res.json()).toMatchObject({ written: true, created: 0, updated: 1, unchanged: 0, warnings: [] });
    const revisions = await t.app.inject({ method: 'GET', url: `/api/figures/${w.uscc}/2024-06/revisions`, headers: admin.headers });
    expect(revisions.statusCode, revisions.body).toBe(200);
    const items = revisions.json().items;
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      source: 'import',
      changedFields: ['grossOutput'],
      before: { grossOutput: 10_000_000 },
      after: { grossOutput: 9_000_000, prevYearGrossOutput: 1_200_000 },
    });
    expect(items[1]).toMatchObject({ before: null, after: { grossOutput: 10_000_000 } });
  });

  it('reports the counts of a dry run and writes nothing', async () => {
    const res = await postImport(t.app, admin, june(9_500_000), { dryRun: true });
    expect(res.json()).toMatchObject({ dryRun: true, written: false, updated: 1 });
    expect((await storedMonths(t.database.db, w.uscc)).find((r) => r.period === '2024-06')?.gross_output).toBe(9_000_000);
  });
});

describe('progress', () => {
  it('with progress=true answers NDJSON: rows read, the check, months written, then the report', async () => {
    // 60 firms × 48 months (2022–2025) = 2,880 rows: a read report at 2,000 rows, one write step.
    const firms = [];
    for (let i = 0; i < 60; i += 1) firms.push(await buildEnterprise(t.database.db));
    const rows: string[][] = [['统一社会信用代码', '期别', '工业总产值(当月,元)']];
    for (const firm of firms) {
      for (let m = 0; m < 48; m += 1)
        rows.push([firm.uscc, `${2022 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`, String(1000 + m)]);
    }
    const res = await postImport(t.app, admin, Buffer.from(csvText(rows)), { progress: true });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/x-ndjson');
    const lines = res.body
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as {
            type: string;
            phase?: string;
            done?: number;
            total?: number | null;
            status?: number;
            body?: { created: number };
          },
      );
    expect(lines[0]).toEqual({ type: 'progress', phase: 'read', done: 2000, total: null });
    expect(lines).toContainEqual({ type: 'progress', phase: 'check', done: 2880, total: 2880 });
    expect(lines.at(-2)).toEqual({ type: 'progress', phase: 'write', done: 2880, total: 2880 });
    const result = lines.at(-1);
    expect(result).toMatchObject({ type: 'result', status: 200, body: { created: 2880, written: true } });
  });

  it('ends the NDJSON with the rejection (status 400, every row error) when the file has errors', async () => {
    const firm = await buildEnterprise(t.database.db);
    const res = await postImport(
      t.app,
      admin,
      Buffer.from(
        csvText([
          ['统一社会信用代码', '期别', '工业总产值'],
          [firm.uscc, '2024-06', '-1'],
        ]),
      ),
      { progress: true },
    );
    expect(res.statusCode).toBe(200);
    const lines = res.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; status?: number; body?: { errors: { code: string }[]; error: { code: string } } });
    const result = lines.at(-1);
    expect(result?.type).toBe('result');
    expect(result?.status).toBe(400);
    expect(result?.body?.error.code).toBe('validation_failed');
    expect(result?.body?.errors.map((e) => e.code)).toEqual(['negative']);
  });
});

describe('who may import', () => {
  it('lets a chain office import only firms of its chains, and refuses the leader', async () => {
    const firm = await buildEnterprise(t.database.db);
    const office = await buildUser(t.database.db, { role: 'chain_office', scopes: [{ kind: 'chain', ref: 'CH05' }] });
    const session = await loginAs(t.app, office.username, TEST_PASSWORD);
    const file = Buffer.from(
      csvText([
        ['统一社会信用代码', '期别', '工业总产值'],
        [firm.uscc, '2024-06', '1'],
      ]),
    );
    const res = await postImport(t.app, session, file);
    expect(res.statusCode).toBe(400);
    expect(where(res.json().errors)).toEqual([[2, '统一社会信用代码', 'unknownUscc']]);
    const leader = await loginAs(t.app, (await buildUser(t.database.db, { role: 'leader' })).username, TEST_PASSWORD);
    expect((await postImport(t.app, leader, file)).statusCode).toBe(403);
  });

  it('suggests the code on record for a code that fails its check (a typo), only of a firm the importer may report for', async () => {
    const own = await buildEnterprise(t.database.db, {
      name: '戊管道有限公司',
      memberships: [{ chainCode: 'CH05', nodeKey: 'pipe', isPrimary: true }],
    });
    const other = await buildEnterprise(t.database.db, { name: '己变压器有限公司' });
    // One character off at the end: the check character no longer fits.
    const typo = (uscc: string) => `${uscc.slice(0, 17)}${uscc[17] === '0' ? '1' : '0'}`;
    const office = await buildUser(t.database.db, { role: 'chain_office', scopes: [{ kind: 'chain', ref: 'CH05' }] });
    const session = await loginAs(t.app, office.username, TEST_PASSWORD);
    const file = Buffer.from(
      csvText([
        ['统一社会信用代码', '企业名称', '期别', '工业总产值'],
        [typo(own.uscc), own.name, '2024-06', '1'],
        [typo(other.uscc), other.name, '2024-06', '1'],
      ]),
    );
    const res = await postImport(t.app, session, file);
    expect(res.statusCode).toBe(400);
    const errors = res.json<{ errors: Issue[] }>().errors;
    expect(where(errors)).toEqual([
      [2, '统一社会信用代码', 'usccInvalid'],
      [3, '统一社会信用代码', 'usccInvalid'],
    ]);
    expect(errors[0]?.reason).toContain(`名录中“戊管道有限公司”的代码是 ${own.uscc}，请核对`);
    // 己变压器 is on CH02, outside this chain office's scope: its code is not revealed.
    expect(errors[1]?.reason).not.toContain(other.uscc);
    expect(errors[1]?.reason).not.toContain('名录中');
  });

  it('serves the template as xlsx and CSV', async () => {
    const xlsx = await t.app.inject({ method: 'GET', url: '/api/figures/template', headers: admin.headers });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain("filename*=UTF-8''%E6%9C%88");
    const workbook = await loadWorkbook(xlsx.rawPayload);
    expect(workbook.getWorksheet('导入数据')?.getRow(1).getCell(4).value).toBe('工业总产值(当月,万元)');
    const csv = await t.app.inject({ method: 'GET', url: '/api/figures/template?format=csv', headers: admin.headers });
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
