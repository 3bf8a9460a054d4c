import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { SYSTEM_ACTOR } from '../../modules/access/actor.js';
import { recordAudit } from '../../modules/audit/audit.service.js';
import { insertSession } from '../../modules/auth/auth.queries.js';
import type { ScopeEntry } from '../../../shared/contracts/auth.js';
import { TEST_PASSWORD } from './common.js';
import { hashPassword } from '../../modules/auth/password.js';
import { insertUser, insertUserScopes } from '../../modules/users/users.queries.js';

/** A fresh temporary folder for archives; removed by the returned function. */
export function makeTempDir(): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-backup-test-'));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The decompressed lines of an archive (without the final empty string). */
export function archiveLines(file: string): string[] {
  return zlib
    .gunzipSync(fs.readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.length > 0);
}

/** Writes `lines` as a gzip'd archive. */
export function writeLines(file: string, lines: string[]): void {
  fs.writeFileSync(file, zlib.gzipSync(`${lines.join('\n')}\n`));
}

/**
 * A user with scopes written straight into the tables, audited like the service does: the archive
 * only has to carry the scope references, so no master data is made for them (the service would
 * refuse references to chains and parks that do not exist).
 */
async function insertSampleUser(
  db: Db,
  user: { username: string; displayName: string; role: string },
  scopes: ScopeEntry[],
): Promise<{ id: string }> {
  const row = await insertUser(db, { ...user, passwordHash: await hashPassword(TEST_PASSWORD) });
  await insertUserScopes(db, row.id, scopes);
  await recordAudit(db, SYSTEM_ACTOR, { action: 'create', entity: 'user', entityId: row.id, after: { ...user, scopes } });
  return row;
}

/**
 * Users, scopes, a session with a microsecond timestamp and an audit entry with nested JSON, so a
 * round trip has something to lose: 2 users, 3 scopes, 1 session, 3 audit rows.
 */
export async function seedSample(db: Db): Promise<{ aliceId: string }> {
  const alice = await insertSampleUser(db, { username: 'alice', displayName: '张链长', role: 'chain_chief' }, [
    { kind: 'chain', ref: 'CH02' },
    { kind: 'chain', ref: 'CH05' },
  ]);
  await insertSampleUser(db, { username: 'bob', displayName: '园区 Bob', role: 'park' }, [{ kind: 'park', ref: 'P01' }]);
  await insertSession(db, {
    tokenHash: 'a'.repeat(64),
    userId: alice.id,
    csrfToken: 'csrf-1',
    expiresAt: new Date('2030-01-02T03:04:05.678Z'),
  });
  await db.execute(sql`UPDATE sessions SET created_at = '2024-02-29 12:34:56.789123+00', last_seen_at = '2024-02-29 13:00:00.000001+00'`);
  await recordAudit(db, SYSTEM_ACTOR, {
    action: 'probe',
    entity: 'sample',
    entityId: 'S-1',
    after: { amount: 1234567890123, ratio: 0.1, nested: { list: [1, 'two', null] }, text: '引号"和\\反斜杠\n换行' },
  });
  return { aliceId: alice.id };
}

async function texts(db: Db, query: SQL): Promise<string[]> {
  return (await db.execute<{ r: string }>(query)).rows.map((x) => x.r);
}

/** Every value of the four foundation tables as text, independent of the session time zone. */
export async function snapshot(db: Db): Promise<Record<'users' | 'scopes' | 'sessions' | 'audit', string[]>> {
  return {
    users: await texts(
      db,
      sql`SELECT concat_ws('|', id, username, display_name, role, password_hash, active, created_at AT TIME ZONE 'UTC', updated_at AT TIME ZONE 'UTC') AS r FROM users ORDER BY username`,
    ),
    scopes: await texts(
      db,
      sql`SELECT concat_ws('|', u.username, s.kind, s.ref) AS r FROM user_scopes s JOIN users u ON u.id = s.user_id ORDER BY 1`,
    ),
    sessions: await texts(
      db,
      sql`SELECT concat_ws('|', token_hash, user_id, csrf_token, created_at AT TIME ZONE 'UTC', last_seen_at AT TIME ZONE 'UTC', expires_at AT TIME ZONE 'UTC') AS r FROM sessions ORDER BY token_hash`,
    ),
    audit: await texts(
      db,
      sql`SELECT concat_ws('|', id, at AT TIME ZONE 'UTC', coalesce(CAST(actor_id AS text), '-'), actor_name, action, entity, entity_id, coalesce(CAST(before AS text), '-'), coalesce(CAST(after AS text), '-'), ip) AS r FROM audit_log ORDER BY id`,
    ),
  };
}
