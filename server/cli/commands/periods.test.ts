// `npm run cli -- periods | review | publish | reopen` on the warnings fixture (warnings.factories.ts),
// in-process on an embedded database: June 2024 has three review items (SLIP10's unit slip, DROP2 and
// DROPREP's swings), May none. The services behind these commands are tested on both databases in
// server/modules/periods/*.test.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.js';
import { runMigrations } from '../../db/migrate.js';
import { recordingIo } from '../../test/cli.js';
import { buildWarningsFixture } from '../../test/factories/warnings.js';
import { runCli } from '../index.js';

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-periods-cli-'));
const dataDir = path.join(temp, 'data');
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

const io = () => recordingIo({ DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' });

async function auditCount(action: string): Promise<number> {
  const database = await openDatabase({ kind: 'pglite', dataDir });
  try {
    const result = await database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action} AND entity = 'period'`,
    );
    return result.rows[0]?.n ?? -1;
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  const database = await openDatabase({ kind: 'pglite', dataDir });
  await runMigrations(database);
  await buildWarningsFixture(database.db);
  await database.close();
});

describe('npm run cli -- periods, review, publish, reopen', { timeout: 60_000 }, () => {
  it('lists the months of a year with status and coverage', async () => {
    const run = io();
    expect(await runCli(['periods', '--year', '2024'], run)).toBe(0);
    expect(run.lines[0]).toBe('2024 年各月 (months of 2024); 最近已发布 (latest published): -');
    // 10 chain firms in the 2024 名录; 7 reported June's gross output.
    expect(run.lines).toContain(`  2024-06  ${'采集中 collecting'.padEnd(20)}  已报 7 / 10 家`);
    expect(await runCli(['periods', '--year', '24'], io())).toBe(2);
  });

  it('publishes May; refuses June while its review items are open (exit 1, each listed), changing nothing', async () => {
    const may = io();
    expect(await runCli(['publish', '2024-05'], may)).toBe(0);
    expect(may.lines.at(-1)).toMatch(/^已发布 2024-05（快照 \d+）\(published 2024-05, snapshot \d+\)$/);

    const june = io();
    expect(await runCli(['publish', '2024-06'], june)).toBe(1);
    expect(june.errors).toHaveLength(4);
    expect(
      june.errors
        .slice(0, 3)
        .map((l) => JSON.parse(l) as { kind: string; status: string })
        .map((i) => `${i.kind}:${i.status}`)
        .sort(),
    ).toEqual(['output_drop:pending', 'output_drop:pending', 'unit_slip:pending']);
    expect(june.errors[3]).toContain('2024-06 还有 3 项审核事项未处理');
    const listed = io();
    expect(await runCli(['periods', '--year', '2024'], listed)).toBe(0);
    expect(listed.lines[0]).toContain('最近已发布 (latest published): 2024-05');
    expect(listed.lines.find((l) => l.startsWith('  2024-06'))).toContain('采集中 collecting');
    expect(await auditCount('period_publish')).toBe(1);
  });

  it('reopens only with a reason (exit 2 without), audited, and moves a month to review and back', async () => {
    const bare = io();
    expect(await runCli(['reopen', '2024-05'], bare)).toBe(2);
    expect(bare.errors[0]).toContain('--reason');
    expect(await runCli(['reopen', '2024-05', '--reason', ' '], io())).toBe(2);
    expect(await auditCount('period_reopen')).toBe(0);

    const reopened = io();
    expect(await runCli(['reopen', '2024-05', '--reason', '企业报送更正'], reopened)).toBe(0);
    expect(reopened.lines.at(-1)).toBe(
      '2024-05: 审核中 review（已发布的快照保留至重新发布）(the published snapshot stays until republished)',
    );
    expect(await auditCount('period_reopen')).toBe(1);

    const review = io();
    expect(await runCli(['review', '2024-06'], review)).toBe(0);
    expect(review.lines.at(-1)).toBe('2024-06: 审核中 review');
    const back = io();
    expect(await runCli(['review', '2024-06', '--back'], back)).toBe(0);
    expect(back.lines.at(-1)).toBe('2024-06: 采集中 collecting');
  });
});
