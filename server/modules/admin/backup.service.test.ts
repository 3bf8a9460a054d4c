import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database, type DatabaseKind } from '../../db/client.js';
import { MIGRATIONS_DIR, runMigrations } from '../../db/migrate.js';
import { createTestDatabase } from '../../test/database.js';
import { buildUser, TEST_PASSWORD } from '../../test/factories/common.js';
import { APP_VERSION } from '../../version.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { verifyPassword } from '../auth/password.js';
import { resetPassword } from '../users/users.service.js';
import { backupDatabase, inspectArchive, restoreDatabase } from './backup.service.js';
import { archiveLines, makeTempDir, seedSample, snapshot } from '../../test/factories/backup.js';

type TestDb = Database & { drop: () => Promise<void> };

const temp = makeTempDir();
afterAll(() => temp.remove());

describe('backup and restore on one database', () => {
  let database: TestDb;
  let aliceId = '';
  const file = path.join(temp.dir, 'round-trip.jsonl.gz');

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ aliceId } = await seedSample(database.db));
  });
  afterAll(async () => database.drop());

  it('writes a header, each table in foreign-key order and an end line with the row counts', async () => {
    const summary = await backupDatabase(database.db, SYSTEM_ACTOR, { file, databaseKind: database.kind });
    // Tables of other modules are included too; they are empty here.
    expect(summary.rowCounts).toMatchObject({ audit_log: 3, users: 2, sessions: 1, user_scopes: 3 });
    expect(summary.rows).toBe(10); // 9 sample rows + the one stats_version row every database has

    const lines = archiveLines(file);
    const header = JSON.parse(lines[0] ?? '');
    const tables: string[] = header.tables.map((t: { name: string }) => t.name);
    expect(lines).toHaveLength(1 + tables.length + 10 + 1);
    expect(header).toMatchObject({ format: 'chainchief-backup', formatVersion: 1, appVersion: APP_VERSION, databaseKind: database.kind });
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8'));
    const latest = journal.entries.at(-1);
    const sqlText = fs.readFileSync(path.join(MIGRATIONS_DIR, `${latest.tag}.sql`));
    expect(header.migration).toEqual({
      tag: latest.tag,
      when: latest.when,
      hash: crypto.createHash('sha256').update(sqlText).digest('hex'),
    });

    expect(tables).toEqual(expect.arrayContaining(['audit_log', 'users', 'sessions', 'user_scopes']));
    expect(tables.indexOf('users')).toBeLessThan(tables.indexOf('sessions'));
    expect(tables.indexOf('users')).toBeLessThan(tables.indexOf('user_scopes'));
    expect(lines.filter((l) => l.startsWith('{"table"'))).toEqual(tables.map((t) => `{"table":"${t}"}`));
    const end = JSON.parse(lines.at(-1) ?? '');
    expect(end.end.rowCounts).toEqual(summary.rowCounts);
    // The session row carries the microseconds that a JavaScript Date would have dropped.
    expect(lines.find((l) => l.startsWith(`["${'a'.repeat(64)}"`))).toContain('"2024-02-29 12:34:56.789123+00"');
  });

  it('refuses to overwrite an existing file unless asked', async () => {
    await expect(backupDatabase(database.db, SYSTEM_ACTOR, { file, databaseKind: database.kind })).rejects.toThrow(/file exists/);
  });

  it('restores users, scopes, sessions and audit rows exactly, after later changes', async () => {
    const audit = await database.db.execute<{ n: number; max: number }>(sql`SELECT count(*) AS n, max(id) AS max FROM audit_log`);
    // 3 seeded rows + 1 for the backup itself.
    expect(audit.rows[0]).toEqual({ n: 4, max: 4 });
    const before = await snapshot(database.db);

    await buildUser(database.db, { username: 'carol' });
    await resetPassword(database.db, SYSTEM_ACTOR, { username: 'alice' }, 'another-password');
    await database.db.execute(sql`DELETE FROM users WHERE username = 'bob'`);
    expect((await snapshot(database.db)).users).toHaveLength(2);

    const summary = await restoreDatabase(database.db, SYSTEM_ACTOR, file);
    expect(summary.rowCounts).toMatchObject({ audit_log: 3, users: 2, sessions: 1, user_scopes: 3 });
    expect(summary.rows).toBe(10); // 9 sample rows + the one stats_version row every database has
    expect(summary.emptiedTables).toEqual([]);

    const after = await snapshot(database.db);
    expect(after.users).toEqual(before.users);
    expect(after.scopes).toEqual(['alice|chain|CH02', 'alice|chain|CH05', 'bob|park|P01']);
    expect(after.sessions).toEqual([
      `${'a'.repeat(64)}|${aliceId}|csrf-1|2024-02-29 12:34:56.789123|2024-02-29 13:00:00.000001|2030-01-02 03:04:05.678`,
    ]);
    // The archived rows 1–3, then the restore's own entry continuing the sequence at 4.
    expect(after.audit.slice(0, 3)).toEqual(before.audit.slice(0, 3));
    expect(after.audit).toHaveLength(4);
    expect(after.audit[3]).toMatch(/^4\|.*\|-\|system\|restore\|database\|/);

    const hash = await database.db.execute<{ password_hash: string }>(sql`SELECT password_hash FROM users WHERE username = 'alice'`);
    expect(await verifyPassword(hash.rows[0]?.password_hash ?? null, TEST_PASSWORD)).toBe(true);
    const probe = await database.db.execute<{ after: unknown }>(sql`SELECT after FROM audit_log WHERE action = 'probe'`);
    expect(probe.rows[0]?.after).toEqual({
      amount: 1234567890123,
      ratio: 0.1,
      nested: { list: [1, 'two', null] },
      text: '引号"和\\反斜杠\n换行',
    });

    await recordAudit(database.db, SYSTEM_ACTOR, { action: 'after_restore', entity: 'sample' });
    const next = await database.db.execute<{ id: number }>(sql`SELECT id FROM audit_log WHERE action = 'after_restore'`);
    expect(next.rows[0]?.id).toBe(5);
  });
});

describe('tables added by later modules', () => {
  let database: TestDb;
  const file = path.join(temp.dir, 'extra.jsonl.gz');

  beforeAll(async () => {
    database = await createTestDatabase();
    // A self-referencing table whose child row has the smaller id, so insertion needs a deferred check.
    await database.db.execute(sql`
      CREATE TABLE extra_nodes (
        id serial PRIMARY KEY,
        parent_id integer REFERENCES extra_nodes(id),
        label text NOT NULL,
        tags text[],
        weight numeric(10, 3),
        blob bytea,
        created_by uuid REFERENCES users(id)
      )`);
    const owner = await buildUser(database.db, { username: 'owner' });
    await database.db.execute(sql`INSERT INTO extra_nodes (id, parent_id, label, tags, weight, blob, created_by) VALUES
      (2, NULL, '根 root', ARRAY['a', 'b c', NULL], 12.345, '\\x00ff', ${owner.id}),
      (1, 2, 'child', '{}', NULL, NULL, NULL)`);
    await database.db.execute(sql`SELECT setval(pg_get_serial_sequence('extra_nodes', 'id'), 2)`);
  });
  afterAll(async () => database.drop());

  it('are backed up and restored without being named anywhere, their sequence continuing after the highest id', async () => {
    const backup = await backupDatabase(database.db, SYSTEM_ACTOR, { file, databaseKind: database.kind });
    expect(backup.rowCounts.extra_nodes).toBe(2);
    await database.db.execute(sql`DELETE FROM extra_nodes`);
    await database.db.execute(sql`SELECT setval(pg_get_serial_sequence('extra_nodes', 'id'), 40)`);

    await restoreDatabase(database.db, SYSTEM_ACTOR, file);
    const rows = await database.db.execute<{ r: string }>(
      sql`SELECT concat_ws('|', id, coalesce(CAST(parent_id AS text), '-'), label, CAST(tags AS text), weight, blob) AS r FROM extra_nodes ORDER BY id`,
    );
    expect(rows.rows.map((r) => r.r)).toEqual(['1|2|child|{}', '2|-|根 root|{a,"b c",NULL}|12.345|\\x00ff']);
    const inserted = await database.db.execute<{ id: number }>(sql`INSERT INTO extra_nodes (label) VALUES ('new') RETURNING id`);
    expect(inserted.rows[0]?.id).toBe(3);
    // The self-reference is back to a normal, immediately checked constraint.
    const fk = await database.db.execute<{ condeferrable: boolean }>(
      sql`SELECT condeferrable FROM pg_constraint WHERE conname = 'extra_nodes_parent_id_fkey'`,
    );
    expect(fk.rows[0]?.condeferrable).toBe(false);
  });
});

/** Opens an empty, migrated database of the given kind (PostgreSQL only exists with TEST_DATABASE_URL). */
async function openKind(kind: DatabaseKind): Promise<TestDb> {
  if (kind === 'postgresql') return createTestDatabase();
  const database = await openDatabase({ kind: 'pglite', dataDir: null });
  await runMigrations(database);
  return { ...database, drop: () => database.close() };
}

// With TEST_DATABASE_URL both directions between the two kinds; without it, PGlite into a second PGlite.
const directions: [DatabaseKind, DatabaseKind][] = process.env.TEST_DATABASE_URL
  ? [
      ['pglite', 'postgresql'],
      ['postgresql', 'pglite'],
    ]
  : [['pglite', 'pglite']];

describe.each(directions)('backup from %s, restore into %s', (sourceKind, targetKind) => {
  let source: TestDb;
  let target: TestDb;
  const file = path.join(temp.dir, `cross-${sourceKind}-${targetKind}.jsonl.gz`);

  beforeAll(async () => {
    source = await openKind(sourceKind);
    target = await openKind(targetKind);
    await seedSample(source.db);
    await buildUser(target.db, { username: 'target-only' });
  });
  afterAll(async () => {
    await source.drop();
    await target.drop();
  });

  it('carries every value across, replacing what the target held', async () => {
    const before = await snapshot(source.db);
    await backupDatabase(source.db, SYSTEM_ACTOR, { file, databaseKind: source.kind });
    expect((await inspectArchive(file)).header.databaseKind).toBe(sourceKind);

    await restoreDatabase(target.db, SYSTEM_ACTOR, file);
    const after = await snapshot(target.db);
    expect(after.users).toEqual(before.users);
    expect(after.users.map((u) => u.split('|')[1])).toEqual(['alice', 'bob']);
    expect(after.scopes).toEqual(before.scopes);
    expect(after.sessions).toEqual(before.sessions);
    expect(after.sessions[0]).toContain('|2024-02-29 12:34:56.789123|');
    expect(after.audit.slice(0, 3)).toEqual(before.audit);
    expect(after.audit[3]).toMatch(/^4\|.*\|restore\|database\|/);
  });
});
