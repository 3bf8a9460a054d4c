// With a read replica (DATABASE_READ_URL), which statistics reads go to it: users who only see
// published months read there; data staff (admin, 链办, 统计审核员) read and write on the primary.
// On PostgreSQL the "replica" here is a second, empty database: a read that went there finds nothing
// published, one that stayed on the primary finds the month. /api/health shows the replica's lag.
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { openDatabase, type Database } from '../../db/client.js';
import { loginAs, newSession, useTestApp } from '../../test/app.js';
import { createTestDatabase } from '../../test/database.js';
import { TEST_PASSWORD } from '../../test/factories/common.js';
import { buildEnterprise } from '../../test/factories/enterprises.js';
import { monthlyOutputCsv, postImport } from '../../test/factories/figures.js';
import { seedReferenceData } from '../demo/seed.js';
import type { Actor } from '../access/actor.js';
import { readerOf } from './monitoring.replica.js';

const t = useTestApp({
  users: {
    admin: { role: 'admin' },
    leader: { role: 'leader' },
    reviewer: { role: 'leader', statsReviewer: true },
  },
});

const closers: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

const actor = (role: Actor['role'], statsReviewer = false): Actor => ({
  id: '1',
  username: 'u',
  displayName: 'u',
  role,
  scopes: [],
  statsReviewer,
});

describe('the read replica', () => {
  it('sends the reads of users who see published months only to the replica, data staff to the primary', () => {
    const fake = { ...t.database, read: { pool: t.database.pool, db: {} as Database['db'] } }; // a stand-in: only its identity is compared
    expect(readerOf(fake, actor('leader'))).toBe(fake.read.db);
    expect(readerOf(fake, actor('county'))).toBe(fake.read.db);
    expect(readerOf(fake, actor('chain_chief'))).toBe(fake.read.db);
    expect(readerOf(fake, actor('admin'))).toBe(t.database.db);
    expect(readerOf(fake, actor('chain_office'))).toBe(t.database.db);
    expect(readerOf(fake, actor('leader', true))).toBe(t.database.db);
    // Without a replica everything reads the primary.
    expect(readerOf(t.database, actor('leader'))).toBe(t.database.db);
  });

  it('answers from the replica when configured, and shows its lag in /api/health', async () => {
    const firm = await buildEnterprise(t.database.db);
    const file = monthlyOutputCsv([[firm, '2024-06', 500_000]]);
    expect((await postImport(t.app, t.users.admin, file, { acceptWarnings: true })).statusCode).toBe(200);
    expect((await t.send('POST', '/api/periods/2024-06/review', t.users.admin)).statusCode).toBe(200);
    expect((await t.send('POST', '/api/periods/2024-06/publish', t.users.admin)).statusCode).toBe(200);
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.json().replica).toBeUndefined();
    if (t.database.kind !== 'postgresql') return; // the embedded database has no replica (DATABASE_READ_URL is PostgreSQL's)

    // A second app on the same primary whose "replica" is an empty database with the reference data only.
    const other = await createTestDatabase();
    await seedReferenceData(other.db);
    closers.push(() => other.drop());
    const database = await openDatabase({ kind: 'postgresql', url: t.database.url ?? '', poolSize: 2, readUrl: other.url });
    const app = await buildApp({ config: { ...t.config, REPLICA_LAG_WARN_SECONDS: 5 }, database, logger: false });
    closers.push(
      () => database.close(),
      () => app.close(),
    );
    await app.ready();
    const chains = async (username: string) => {
      const session = await loginAs(app, username, TEST_PASSWORD);
      const res = await app.inject({ method: 'GET', url: '/api/monitoring/chains?range=month', headers: session.headers });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ period: string; total: { output: number } }>();
    };
    const me = async (session: typeof t.users.admin) => (await t.read('/api/auth/me', session)).user.username as string;
    // The plain leader reads the replica (nothing published there); the reviewer the primary (June, 500,000 元).
    expect((await chains(await me(t.users.leader))).total.output).toBe(0);
    expect(await chains(await me(t.users.reviewer))).toMatchObject({ period: '2024-06', total: { output: 500_000 } });

    // The replica catches up (here: the same firm, month and publication written into it). The plain
    // leader's next read must show June: its cached answer follows the replica's data tokens, not the
    // primary's (which did not change, so an answer kept under them would stay 0 for ever).
    const writerApp = await buildApp({ config: t.config, database: other, logger: false });
    closers.push(() => writerApp.close());
    await writerApp.ready();
    const writer = await newSession({ app: writerApp, database: other }, { role: 'admin' });
    await buildEnterprise(other.db, { uscc: firm.uscc, name: firm.name });
    expect((await postImport(writerApp, writer, file, { acceptWarnings: true })).statusCode).toBe(200);
    for (const step of ['review', 'publish']) {
      const res = await writerApp.inject({ method: 'POST', url: `/api/periods/2024-06/${step}`, headers: writer.headers });
      expect(res.statusCode, res.body).toBe(200);
    }
    expect(await chains(await me(t.users.leader))).toMatchObject({ period: '2024-06', total: { output: 500_000 } });

    const lag = await app.inject({ method: 'GET', url: '/api/health' });
    // Not a streaming replica (not in recovery): no lag.
    expect(lag.json().replica).toEqual({ lagSeconds: 0, warnOverSeconds: 5, lagging: false });
  });
});
