import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.js';
import { runMigrations } from '../../db/migrate.js';
import { seedReferenceData } from '../../modules/demo/seed.js';
import { buildEnterprise } from '../../test/factories/enterprises.js';
import { runCliProcess, withEmbedded } from '../../test/cli.js';
import { csvText, insertMonths, storedMonths } from '../../test/factories/figures.js';

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-import-monthly-'));
const dataDir = path.join(temp, 'data');
let uscc = '';

const runCli = (args: string[]) => runCliProcess(args, dataDir);

function file(name: string, rows: (string | number)[][]): string {
  const target = path.join(temp, name);
  fs.writeFileSync(target, csvText(rows));
  return target;
}

beforeAll(async () => {
  const database = await openDatabase({ kind: 'pglite', dataDir });
  try {
    await runMigrations(database);
    await seedReferenceData(database.db);
    uscc = (await buildEnterprise(database.db)).uscc;
    const history: Record<string, { grossOutput: number }> = {};
    for (const m of ['01', '02', '03', '04', '05']) history[`2024-${m}`] = { grossOutput: 1_000_000 };
    await insertMonths(database.db, uscc, history);
  } finally {
    await database.close();
  }
});
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

describe('import-monthly', () => {
  it('exits 1 listing every row error, 3 on warnings without --accept-warnings, 0 when imported', async () => {
    const errors = await runCli([
      'import-monthly',
      file('bad.csv', [
        ['统一社会信用代码', '期别', '工业总产值(万元)'],
        [uscc, '2024-06', 'abc'],
        [uscc, '2099-01', '1'],
      ]),
    ]);
    expect(errors.code).toBe(1);
    expect(errors.stderr).toContain(
      '第 2 行 (row 2) · 工业总产值(万元) · “abc”: 工业总产值“abc”不是数字 (Gross output “abc” is not a number)',
    );
    expect(errors.stderr).toContain('第 3 行 (row 3) · 期别 · “2099-01”: 期别 2099-01 还没有到，不能填报');
    expect(errors.stderr).toContain('错误 (error): 导入文件有 2 处错误，未写入任何数据 (2 errors; nothing written)');

    // 1,000 万元 in June after 100 万元 a month: 10× the median.
    const june = file('june.csv', [
      ['统一社会信用代码', '期别', '工业总产值(万元)'],
      [uscc, '2024-06', '1000'],
    ]);
    const held = await runCli(['import-monthly', june]);
    expect(held.code).toBe(3);
    expect(held.stderr).toContain('是该企业近 12 个月中位数 1,000,000 元 的 10.0 倍');
    expect(held.stderr).toContain('--accept-warnings');
    const dry = await runCli(['import-monthly', june, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('检查通过，未写入 (dry run, nothing written): 新增 (created) 1，更新 (updated) 0，未变化 (unchanged) 0');

    const done = await runCli(['import-monthly', june, '--accept-warnings']);
    expect(done.stderr).toContain('警告 (warnings): 1');
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('已导入 (imported): 新增 (created) 1，更新 (updated) 0，未变化 (unchanged) 0');
    const stored = await withEmbedded(dataDir, (db) => storedMonths(db, uscc));
    expect(stored.find((r) => r.period === '2024-06')).toMatchObject({ gross_output: 10_000_000, source: 'import' });
  });

  it('takes the period and unit as options, and exits 2 on a wrong unit', async () => {
    const july = file('july.csv', [
      ['统一社会信用代码', '工业总产值'],
      [uscc, '1200'],
    ]);
    const run = await runCli(['import-monthly', july, '--period', '2024年7月', '--unit', '千元']);
    expect(run.code, run.stderr).toBe(0);
    expect((await withEmbedded(dataDir, (db) => storedMonths(db, uscc))).find((r) => r.period === '2024-07')?.gross_output).toBe(1_200_000);
    const wrong = await runCli(['import-monthly', july, '--unit', '美元']);
    expect(wrong.code).toBe(2);
  });
});
