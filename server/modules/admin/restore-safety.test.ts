import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { createTestDatabase } from '../../test/database.js';
import { buildUser } from '../../test/factories/common.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { backupDatabase, inspectArchive, restoreDatabase } from './backup.service.js';
import { archiveLines, makeTempDir, seedSample, snapshot, writeLines } from '../../test/factories/backup.js';

const temp = makeTempDir();
let database: Database & { drop: () => Promise<void> };
const good = path.join(temp.dir, 'good.jsonl.gz');
let before: Awaited<ReturnType<typeof snapshot>>;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedSample(database.db);
  await backupDatabase(database.db, SYSTEM_ACTOR, { file: good, databaseKind: database.kind });
  // The live data now differs from the archive: a restore that went through would be visible.
  await buildUser(database.db, { username: 'only-live' });
  before = await snapshot(database.db);
});
afterAll(async () => {
  await database.drop();
  temp.remove();
});

/** A copy of the good archive with its lines changed by `edit`. */
function variant(name: string, edit: (lines: string[]) => string[]): string {
  const file = path.join(temp.dir, name);
  writeLines(file, edit(archiveLines(good)));
  return file;
}

async function expectRefusedAndUnchanged(file: string, message: RegExp): Promise<void> {
  await expect(restoreDatabase(database.db, SYSTEM_ACTOR, file)).rejects.toThrow(message);
  expect(await snapshot(database.db)).toEqual(before);
  expect(before.users.map((u) => u.split('|')[1])).toEqual(['alice', 'bob', 'only-live']);
}

describe('restore refuses a damaged archive and changes nothing', () => {
  it('a gzip file cut in half', async () => {
    const bytes = fs.readFileSync(good);
    const file = path.join(temp.dir, 'cut.jsonl.gz');
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectRefusedAndUnchanged(file, /corrupt or incomplete.*unexpected end of file/);
    await expect(inspectArchive(file)).rejects.toThrow(/corrupt or incomplete/);
  });

  it('a complete gzip stream whose last line (the end line) is missing', async () => {
    const file = variant('no-end.jsonl.gz', (lines) => lines.slice(0, -1));
    await expectRefusedAndUnchanged(file, /the end line is missing/);
  });

  it('a row missing from a table', async () => {
    const file = variant('missing-row.jsonl.gz', (lines) => lines.filter((l) => !l.includes('"CH05"')));
    await expectRefusedAndUnchanged(file, /row counts do not match \(table user_scopes\)/);
  });

  it('a row with a column too many', async () => {
    const file = variant('wide-row.jsonl.gz', (lines) => lines.map((l) => (l.includes('"CH05"') ? l.replace(']', ',"extra"]') : l)));
    await expectRefusedAndUnchanged(file, /line \d+ is not a row of user_scopes/);
  });

  it('a file that is not gzip at all', async () => {
    const file = path.join(temp.dir, 'plain.txt');
    fs.writeFileSync(file, 'hello\n');
    await expectRefusedAndUnchanged(file, /corrupt or incomplete\): incorrect header check$/);
  });

  it('a well-formed archive with a value the schema rejects, found only after the tables were emptied', async () => {
    const file = variant('bad-role.jsonl.gz', (lines) =>
      lines.map((l) => (l.includes('"chain_chief"') ? l.replace('"chain_chief"', '"pirate"') : l)),
    );
    await expect(inspectArchive(file)).resolves.toMatchObject({ rows: 10 }); // 9 sample rows + stats_version
    await expectRefusedAndUnchanged(
      file,
      /^备份中表 users 的数据无法写入 \(rows of table users could not be restored\): new row for relation "users" violates check constraint "users_role_check"$/,
    );
    // The sequence restart was rolled back too: the next audit id follows the live rows (1–5).
    await recordAudit(database.db, SYSTEM_ACTOR, { action: 'probe_after', entity: 'sample' });
    const next = await database.db.execute<{ id: number }>(sql`SELECT id FROM audit_log WHERE action = 'probe_after'`);
    expect(next.rows[0]?.id).toBe(6);
    await database.db.execute(sql`DELETE FROM audit_log WHERE action = 'probe_after'`);
    before = await snapshot(database.db);
  });

  it('a file that does not exist', async () => {
    await expectRefusedAndUnchanged(path.join(temp.dir, 'nowhere.jsonl.gz'), /archive not found/);
  });
});

describe('restore checks the archive migration against this build', () => {
  function withMigration(name: string, change: (migration: { tag: string; when: number; hash: string }) => object): string {
    return variant(name, (lines) => {
      const header = JSON.parse(lines[0] ?? '');
      header.migration = change(header.migration);
      return [JSON.stringify(header), ...lines.slice(1)];
    });
  }

  it('refuses an archive from a newer migration with one line naming both', async () => {
    const file = withMigration('newer.jsonl.gz', (m) => ({ tag: '0099_future', when: m.when + 1000, hash: 'f'.repeat(64) }));
    await expect(inspectArchive(file)).rejects.toThrow(
      /^备份来自更新的数据库版本 \(迁移 0099_future\).*newer than this build's \d{4}_\w+; upgrade first\)$/,
    );
    await expectRefusedAndUnchanged(file, /migration 0099_future, newer than this build's/);
  });

  it('refuses an archive whose migration has the same tag but different SQL', async () => {
    const file = withMigration('forked.jsonl.gz', (m) => ({ ...m, hash: '0'.repeat(64) }));
    await expectRefusedAndUnchanged(file, /does not match this build's migration history/);
  });

  it('refuses a newer archive format version', async () => {
    const file = variant('format2.jsonl.gz', (lines) => [
      lines[0]?.replace('"formatVersion":1', '"formatVersion":2') ?? '',
      ...lines.slice(1),
    ]);
    await expectRefusedAndUnchanged(file, /archive format 2 is newer than this build supports/);
  });
});
