// Hostile uploads against both importers (monthly figures and enterprises) through HTTP, on a real
// database: random bytes, truncated and bomb workbooks, huge cells, mixed encodings, a million empty
// rows, formula cells. Each must end in a clear error (or the right result for a valid file), leave
// the database exactly as it was, and leave the memory where it was.
import v8 from 'node:v8';
import vm from 'node:vm';
import { sql } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IMPORT_COLUMNS } from '../../shared/contracts/enterprises.js';
import { importQueue } from '../lib/import-queue.js';
import { buildEnterprise, nextUscc, postFile } from './factories/enterprises.js';
import { useTestApp } from './app.js';
import { bombPart, SHEET_HEAD, SHEET_TAIL, sheetRowsXml, SST_HEAD, workbookOf } from './hostile-files.js';

let firmUscc = '';

const t = useTestApp({ users: { admin: { role: 'admin' } } });
const { admin } = t.users;
beforeAll(async () => {
  firmUscc = (await buildEnterprise(t.database.db, { name: '衡阳模糊测试有限公司' })).uscc;
});

const TABLES = [
  'enterprises',
  'enterprise_memberships',
  'enterprise_scale_years',
  'monthly_figures',
  'monthly_figure_revisions',
  'audit_log',
] as const;

/** Row count and an md5 of every row of the tables an import writes: equal before and after means nothing changed. */
async function databaseState(): Promise<Record<string, string>> {
  const state: Record<string, string> = {};
  for (const table of TABLES) {
    const result = await t.database.db.execute<{ n: number; digest: string }>(
      sql`SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${sql.identifier(table)} t`,
    );
    const row = result.rows[0];
    state[table] = `${row?.n}:${row?.digest}`;
  }
  return state;
}

type Importer = 'figures' | 'enterprises';

async function upload(importer: Importer, data: Buffer, fileName: string, options: { dryRun?: boolean; locale?: string } = {}) {
  const dryRun = options.dryRun ?? false;
  const url =
    importer === 'figures'
      ? `/api/figures/import?dryRun=${dryRun}&unit=${encodeURIComponent('万元')}`
      : `/api/enterprises/import?dryRun=${dryRun}`;
  return postFile(t.app, admin, url, fileName, data, options.locale);
}

/** A seeded generator (mulberry32), so a failing case can be replayed. */
function randomBytes(seed: number, length: number): Buffer {
  let a = seed;
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i += 1) {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    out[i] = ((x ^ (x >>> 14)) >>> 0) & 0xff;
  }
  return out;
}

const FIGURE_HEADER = ['统一社会信用代码', '期别', '工业总产值(万元)'];

function figuresWorkbook(): Buffer {
  return workbookOf(`${SHEET_HEAD}${sheetRowsXml([FIGURE_HEADER, [firmUscc, '2024-06', 123.4]])}${SHEET_TAIL}`);
}

function enterprisesCsv(rows: readonly string[][]): string {
  return [IMPORT_COLUMNS.join(','), ...rows.map((r) => r.join(','))].join('\r\n');
}

type Case = { name: string; file: () => Buffer; fileName: string; status: number; code: string; message?: RegExp };

/** Files refused by both importers alike. */
const HOSTILE: Case[] = [
  ...[1, 2, 3].map((seed) => ({
    name: `random bytes #${seed}`,
    file: () => randomBytes(seed, 10_000 * seed),
    fileName: 'random.xlsx',
    status: 400,
    code: 'validation_failed',
  })),
  {
    name: 'random bytes behind a ZIP signature',
    file: () => Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), randomBytes(9, 50_000)]),
    fileName: 'zip.xlsx',
    status: 400,
    code: 'validation_failed',
  },
  ...[0.9, 0.5, 0.1].map((share) => ({
    name: `a workbook cut off at ${share * 100}%`,
    file: () => {
      const whole = figuresWorkbook();
      return whole.subarray(0, Math.floor(whole.length * share));
    },
    fileName: 'cut.xlsx',
    status: 400,
    code: 'validation_failed',
  })),
  {
    name: 'a zip bomb: shared strings unpacking to 1 GiB',
    file: () =>
      workbookOf(
        `${SHEET_HEAD}${sheetRowsXml([FIGURE_HEADER])}${SHEET_TAIL}`,
        bombPart('xl/sharedStrings.xml', 1024, { prefix: `${SST_HEAD}<si><t>` }),
      ),
    fileName: 'bomb.xlsx',
    status: 413,
    code: 'spreadsheet_too_large',
    message: /共享文字表解压后的大小不得超过 64 MB（xl\/sharedStrings\.xml）/,
  },
  {
    name: 'a zip bomb: a 1 GiB whitespace sheet',
    file: () => workbookOf(bombPart('xl/worksheets/sheet1.xml', 1024, { prefix: SHEET_HEAD, suffix: SHEET_TAIL })),
    fileName: 'bomb.xlsx',
    status: 413,
    code: 'spreadsheet_too_large',
    message: /工作表解压后的大小不得超过 256 MB/,
  },
  {
    name: 'a zip bomb whose header claims 1 KB (stopped while inflating)',
    file: () => workbookOf({ ...bombPart('xl/worksheets/sheet1.xml', 1024, { prefix: SHEET_HEAD }), size: 1024 }),
    fileName: 'liar.xlsx',
    status: 400,
    code: 'validation_failed',
  },
  {
    name: 'a single 1 GiB cell',
    file: () => workbookOf(bombPart('xl/worksheets/sheet1.xml', 1024, { prefix: `${SHEET_HEAD}<row r="1"><c><v>`, fill: '9' })),
    fileName: 'cell.xlsx',
    status: 413,
    code: 'spreadsheet_too_large',
  },
  {
    name: 'a CSV cell of 40,000 characters',
    file: () => Buffer.from(`${FIGURE_HEADER.join(',')}\r\n${'x'.repeat(40_000)},2024-06,1\r\n`),
    fileName: 'cell.csv',
    status: 413,
    code: 'spreadsheet_too_large',
    message: /一个单元格的字数不得超过 32,767（row 2）/,
  },
  {
    name: 'a CSV line of a million commas',
    file: () => Buffer.from(`${FIGURE_HEADER.join(',')}${','.repeat(1_000_000)}\r\n`),
    fileName: 'wide.csv',
    status: 413,
    code: 'spreadsheet_too_large',
    message: /一行的列数不得超过 16,384/,
  },
  {
    name: 'a UTF-8 header above GBK rows (read as GB18030: no header recognised)',
    file: () => Buffer.concat([Buffer.from(`${FIGURE_HEADER.join(',')}\r\n`, 'utf8'), iconv.encode(`${firmUscc},2024年6月,1\r\n`, 'gbk')]),
    fileName: 'mixed.csv',
    status: 400,
    code: 'validation_failed',
  },
];

describe.each<Importer>(['figures', 'enterprises'])('hostile uploads to the %s import', (importer) => {
  it.each(HOSTILE)('$name: a clear error, nothing written', async (c) => {
    const before = await databaseState();
    const res = await upload(importer, c.file(), c.fileName);
    expect(res.statusCode, res.body).toBe(c.status);
    const body = res.json<{ error: { code: string; message: string } }>();
    expect(body.error.code).toBe(c.code);
    expect(body.error.message).not.toBe('');
    if (c.message) expect(body.error.message).toMatch(c.message);
    expect(await databaseState()).toEqual(before);
  });
});

describe('valid files with traps', () => {
  it('reads a valid row followed by a million empty rows (CSV and xlsx) as one row', async () => {
    const before = await databaseState();
    const csv = Buffer.from(`${FIGURE_HEADER.join(',')}\r\n${firmUscc},2024-06,123.4\r\n${'\r\n'.repeat(1_000_000)}`);
    const emptyRows = Array.from({ length: 1_000_000 }, (_, i) => `<row r="${i + 3}"/>`).join('');
    const xlsx = workbookOf(`${SHEET_HEAD}${sheetRowsXml([FIGURE_HEADER, [firmUscc, '2024-06', 123.4]])}${emptyRows}${SHEET_TAIL}`);
    for (const [data, fileName] of [
      [csv, 'empty.csv'],
      [xlsx, 'empty.xlsx'],
    ] as const) {
      const res = await upload('figures', data, fileName, { dryRun: true });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ rows: 1, created: 1, periods: ['2024-06'], errors: [] });
    }
    const firms = Buffer.from(
      `${enterprisesCsv([[nextUscc(), '衡阳空行测试有限公司', '衡阳县', '', '3821', '2024', 'CH02:xfmr']])}\r\n${'\r\n'.repeat(1_000_000)}`,
    );
    const res = await upload('enterprises', firms, 'firms.csv', { dryRun: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: 1, created: 1, errors: [] });
    expect(await databaseState()).toEqual(before);
  }, 300_000);

  it('takes a formula cell’s cached result (=100+23.4 stored as 123.4), and a formula without one as empty', async () => {
    const xml = `${SHEET_HEAD}${sheetRowsXml([FIGURE_HEADER])}<row r="2"><c t="inlineStr"><is><t>${firmUscc}</t></is></c><c t="inlineStr"><is><t>2024-06</t></is></c><c><f>100+23.4</f><v>123.4</v></c></row><row r="3"><c t="inlineStr"><is><t>${firmUscc}</t></is></c><c t="inlineStr"><is><t>2024-07</t></is></c><c><f>NOW()</f></c></row>${SHEET_TAIL}`;
    const res = await upload('figures', workbookOf(xml), 'formula.xlsx', { dryRun: true });
    expect(res.statusCode, res.body).toBe(200);
    // Row 3 has no value: a warning (empty row), not a month.
    expect(res.json()).toMatchObject({
      rows: 1,
      created: 1,
      periods: ['2024-06'],
      errors: [],
      warnings: [expect.objectContaining({ row: 3, code: 'emptyRow' })],
    });
  });
});

describe('one import at a time', () => {
  /** Holds the server's import slot until released, as a long import would. */
  function holdSlot() {
    let release = () => {};
    const held = importQueue.run(() => new Promise<void>((resolve) => (release = resolve)));
    return { release: () => release(), held };
  }

  it('queues a second import (with progress: a "queued" line with its place first), then runs it', async () => {
    const slot = holdSlot();
    const url = `/api/figures/import?dryRun=true&progress=true&unit=${encodeURIComponent('万元')}`;
    const answer = postFile(t.app, admin, url, 'queued.csv', Buffer.from(`${FIGURE_HEADER.join(',')}\r\n${firmUscc},2024-06,1\r\n`));
    await vi.waitFor(() => expect(importQueue.size).toEqual({ running: 1, waiting: 1 }), { timeout: 30_000, interval: 20 });
    slot.release();
    await slot.held;
    const lines = (await answer).body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; phase?: string; done?: number; status?: number });
    expect(lines[0]).toEqual({ type: 'progress', phase: 'queued', done: 1, total: null });
    expect(lines.at(-1)).toMatchObject({ type: 'result', status: 200 });
  });

  it('refuses with 429 import_busy when three wait already, reading and writing nothing', async () => {
    const before = await databaseState();
    const slot = holdSlot();
    const waiting = [1, 2, 3].map(() => importQueue.run(async () => undefined));
    for (const importer of ['figures', 'enterprises'] as const) {
      const res = await upload(importer, Buffer.from(`${FIGURE_HEADER.join(',')}\r\n${firmUscc},2024-06,1\r\n`), 'busy.csv', {
        locale: 'en',
      });
      expect(res.statusCode, res.body).toBe(429);
      expect(res.json()).toMatchObject({ error: { code: 'import_busy', message: '1 import running and 3 queued; try again in a minute' } });
    }
    slot.release();
    await Promise.all([slot.held, ...waiting]);
    expect(importQueue.size).toEqual({ running: 0, waiting: 0 });
    expect(await databaseState()).toEqual(before);
  });
});

describe('memory after hostile uploads', () => {
  it('returns to where it was once the uploads are done (heap and buffers after a full collection)', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    if (typeof gc !== 'function') throw new Error('no gc');
    const used = () => {
      gc();
      const m = process.memoryUsage();
      return m.heapUsed + m.arrayBuffers;
    };
    // One of each first, so lazily loaded code is counted in the baseline.
    await upload('figures', HOSTILE[4]?.file() ?? Buffer.alloc(0), 'warm.xlsx');
    const baseline = used();
    for (const c of HOSTILE) for (const importer of ['figures', 'enterprises'] as const) await upload(importer, c.file(), c.fileName);
    const growth = used() - baseline;
    // Without the limits, one bomb alone held ~3 GB; 64 MB leaves room for the collector's slack.
    expect(growth).toBeLessThan(64 * 1024 * 1024);
  });
});
