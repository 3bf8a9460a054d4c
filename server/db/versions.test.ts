import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/database.js';
import type { Database } from './client.js';
import { dataVersionReads, readDataVersions } from './versions.js';

let database: Database & { drop: () => Promise<void> };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.drop());

describe('data tokens', () => {
  it('changes the statistics token alone on a write of monthly figures, both on a write of master data', async () => {
    const db = database.db;
    const t0 = await readDataVersions(db);
    await db.execute(sql`update monthly_figures set gross_output = gross_output where false`);
    const t1 = await readDataVersions(db);
    expect(t1.stats).not.toBe(t0.stats);
    expect(t1.master).toBe(t0.master);
    expect(t1.auth).toBe(t0.auth);
    await db.execute(sql`update parks set name = name where false`);
    const t2 = await readDataVersions(db);
    expect(t2.stats).not.toBe(t1.stats);
    expect(t2.master).not.toBe(t1.master);
    expect(t2.auth).toBe(t1.auth);
  });

  it('changes the auth token when a session ends, not when none does', async () => {
    const db = database.db;
    const t0 = await readDataVersions(db);
    await db.execute(sql`delete from sessions where false`);
    expect((await readDataVersions(db)).auth).toBe(t0.auth);
    const [user] = (
      await db.execute(
        sql`insert into users (username, display_name, role, password_hash) values ('tok-user', '令牌', 'leader', 'x') returning id`,
      )
    ).rows as { id: string }[];
    await db.execute(
      sql`insert into sessions (token_hash, user_id, csrf_token, expires_at) values ('h-1', ${user?.id}, 'c', now() + interval '1 hour')`,
    );
    expect((await readDataVersions(db)).auth).toBe(t0.auth);
    await db.execute(sql`delete from sessions where token_hash = 'h-1'`);
    expect((await readDataVersions(db)).auth).not.toBe(t0.auth);
  });

  it('shares one read among the callers of one moment', async () => {
    const db = database.db;
    const before = dataVersionReads(db);
    const answers = await Promise.all(Array.from({ length: 10 }, () => readDataVersions(db)));
    expect(new Set(answers.map((a) => a.stats)).size).toBe(1);
    expect(dataVersionReads(db) - before).toBeLessThanOrEqual(2);
  });

  if (!process.env.TEST_DATABASE_URL) {
    it('reads the tokens again on the embedded database only after a statement that may write (PGlite)', async () => {
      const db = database.db;
      await readDataVersions(db);
      const before = dataVersionReads(db);
      await db.execute(sql`select count(*) from parks`);
      await readDataVersions(db);
      expect(dataVersionReads(db)).toBe(before);
      await db.execute(sql`update parks set name = name where false`);
      await readDataVersions(db);
      expect(dataVersionReads(db)).toBe(before + 1);
    });
  }
});
