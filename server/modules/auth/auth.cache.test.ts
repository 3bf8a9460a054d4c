import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../app.js';
import { openDatabase, type Database } from '../../db/client.js';
import { loginAs, useTestApp, type Session } from '../../test/app.js';
import { buildUser, TEST_PASSWORD } from '../../test/factories/common.js';

// Sessions are kept in each process (auth.cache.ts) under the database's auth token: the very next
// request after a logout, a disable, a role or scope change sees it, in this process and in another.

const t = useTestApp({ users: { admin: { role: 'admin' } } });

async function me(app: FastifyInstance, s: Session) {
  return app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } });
}

/** The session lookups (the named statement `session_with_user`) that `work` sends to the database. */
async function sessionLookupsDuring(work: () => Promise<unknown>): Promise<number> {
  const spy = vi.spyOn(pg.Client.prototype, 'query');
  try {
    await work();
    const named = (q: unknown) => typeof q === 'object' && q !== null && (q as { name?: unknown }).name === 'session_with_user';
    return spy.mock.calls.filter((call: unknown[]) => named(call[0])).length;
  } finally {
    spy.mockRestore();
  }
}

async function regionCodes(): Promise<[string, string]> {
  const items = (await t.read('/api/regions', t.users.admin)).items as { code: string }[];
  const [a, b] = items.map((r) => r.code);
  if (!a || !b) throw new Error('the reference data has two regions');
  return [a, b];
}

async function countyUser(region: string) {
  const user = await buildUser(t.database.db, { role: 'county', scopes: [{ kind: 'region', ref: region }] });
  return { user, s: await loginAs(t.app, user.username, TEST_PASSWORD) };
}

/** The admin's edit of an account (PUT /api/users/:id) to `change`, at the account's current version. */
/** Moves a county user's scope from one region to another in the database itself; `app` shows the new scope at its next request. */
async function expectScopeMoveSeenBy(app: FastifyInstance) {
  const [a, b] = await regionCodes();
  const { user, s } = await countyUser(a);
  expect((await me(app, s)).json().user.scopes).toEqual([{ kind: 'region', ref: a }]);
  await t.database.db.execute(sql`update user_scopes set ref = ${b} where user_id = ${user.id}`);
  expect((await me(app, s)).json().user.scopes).toEqual([{ kind: 'region', ref: b }]);
  return { user, s };
}

async function editUser(app: FastifyInstance, id: string, change: { role: string; scopes: { kind: string; ref: string }[] }) {
  const [row] = (await t.database.db.execute(sql`select version, display_name from users where id = ${id}`)).rows as {
    version: number;
    display_name: string;
  }[];
  const body = { displayName: row?.display_name, statsReviewer: false, expectedVersion: row?.version, ...change };
  const res = await app.inject({ method: 'PUT', url: `/api/users/${id}`, headers: t.users.admin.headers, payload: body });
  expect(res.statusCode, res.body).toBe(200);
}

describe('session cache', () => {
  it('looks a session up once, then answers from the cache', async () => {
    const [region] = await regionCodes();
    const { s } = await countyUser(region);
    expect(await sessionLookupsDuring(() => me(t.app, s))).toBe(1);
    expect(await sessionLookupsDuring(async () => Promise.all([me(t.app, s), me(t.app, s), me(t.app, s)]))).toBe(0);
    expect((await me(t.app, s)).json().user.scopes).toEqual([{ kind: 'region', ref: region }]);
  });

  it('refuses the very next request after a logout (401)', async () => {
    const [region] = await regionCodes();
    const { s } = await countyUser(region);
    expect((await me(t.app, s)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers })).statusCode).toBe(200);
    expect((await me(t.app, s)).statusCode).toBe(401);
  });

  it('refuses the very next request after the admin disables the account (401)', async () => {
    const [region] = await regionCodes();
    const { user, s } = await countyUser(region);
    expect((await me(t.app, s)).statusCode).toBe(200);
    const res = await t.send('PUT', `/api/users/${user.id}/active`, t.users.admin, { active: false });
    expect(res.statusCode, res.body).toBe(200);
    expect((await me(t.app, s)).statusCode).toBe(401);
  });

  it('ends the session at a role change and shows the new scope after a scope change', async () => {
    const [a, b] = await regionCodes();
    const { user, s } = await countyUser(a);
    expect((await me(t.app, s)).json().user.scopes).toEqual([{ kind: 'region', ref: a }]);
    await editUser(t.app, user.id, { role: 'county', scopes: [{ kind: 'region', ref: b }] });
    expect((await me(t.app, s)).statusCode).toBe(401);
    const again = await loginAs(t.app, user.username, TEST_PASSWORD);
    expect((await me(t.app, again)).json().user.scopes).toEqual([{ kind: 'region', ref: b }]);
    // A county account may only read its own region's firms: the new scope decides at once.
    const res = await t.app.inject({ method: 'GET', url: `/api/enterprises?region=${a}`, headers: { cookie: again.cookie } });
    expect(res.json().total).toBe(0);
    await editUser(t.app, user.id, { role: 'leader', scopes: [] });
    expect((await me(t.app, again)).statusCode).toBe(401);
  });

  it('sees a scope or name changed in the database without a session ending, at the next request', async () => {
    const { user, s } = await expectScopeMoveSeenBy(t.app);
    await t.database.db.execute(sql`update users set display_name = '改名后' where id = ${user.id}`);
    expect((await me(t.app, s)).json().user.displayName).toBe('改名后');
  });
});

// Two app instances on one PostgreSQL database (issue 16 runs two behind nginx). PGlite is one process
// by construction (a lock file refuses a second), so this runs on PostgreSQL only.
const url = process.env.TEST_DATABASE_URL;
if (url) {
  describe('session cache across two instances on one PostgreSQL database', () => {
    let second: { app: FastifyInstance; database: Database };

    beforeAll(async () => {
      // The first instance's pool was opened with the test database's address.
      const target = (t.database.pool.options as { connectionString?: string }).connectionString ?? '';
      const database = await openDatabase({ kind: 'postgresql', url: target, poolSize: 2 });
      const app = await buildApp({ config: t.config, database, logger: false });
      await app.ready();
      second = { app, database };
    });
    afterAll(async () => {
      await second.app.close();
      await second.database.close();
    });

    it('refuses a session in the second instance at its very next request after a logout in the first', async () => {
      const [region] = await regionCodes();
      const { s } = await countyUser(region);
      expect((await me(second.app, s)).statusCode).toBe(200);
      expect(await sessionLookupsDuring(() => me(second.app, s))).toBe(0);
      expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers })).statusCode).toBe(200);
      expect((await me(second.app, s)).statusCode).toBe(401);
    });

    it('refuses a session in the second instance after the first disables the account or changes its role', async () => {
      const [region] = await regionCodes();
      const one = await countyUser(region);
      expect((await me(second.app, one.s)).statusCode).toBe(200);
      expect((await t.send('PUT', `/api/users/${one.user.id}/active`, t.users.admin, { active: false })).statusCode).toBe(200);
      expect((await me(second.app, one.s)).statusCode).toBe(401);

      const two = await countyUser(region);
      expect((await me(second.app, two.s)).statusCode).toBe(200);
      await editUser(t.app, two.user.id, { role: 'leader', scopes: [] });
      expect((await me(second.app, two.s)).statusCode).toBe(401);
    });

    it('shows the second instance a scope changed through the first at the next request', async () => {
      await expectScopeMoveSeenBy(second.app);
    });
  });
}
