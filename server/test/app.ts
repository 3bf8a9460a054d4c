import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import type { CreateUserRequest } from '../../shared/contracts/users.js';
import { buildApp } from '../app.js';
import { loadConfig, type AppConfig } from '../config.js';
import type { Database, Db } from '../db/client.js';
import { seedReferenceData } from '../modules/demo/seed.js';
import { createTestDatabase } from './database.js';
import { createDemoTestDatabase } from './demo-database.js';
import { buildUser, TEST_PASSWORD } from './factories/common.js';

export type TestApp = { app: FastifyInstance; database: Database; config: AppConfig; close: () => Promise<void> };

/**
 * Builds the real application on a fresh test database (with `demo`, one holding the seeded demo:
 * `server/test/demo-database.ts`); call `close()` in afterAll.
 */
export async function createTestApp(env: Record<string, string> = {}, options: { demo?: boolean } = {}): Promise<TestApp> {
  const database = options.demo ? await createDemoTestDatabase() : await createTestDatabase();
  // No job workers unless a test asks (JOB_WORKERS=true): on PostgreSQL they start pg-boss.
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JOB_WORKERS: 'false', ...env });
  const app = await buildApp({ config, database, logger: false });
  await app.ready();
  return {
    app,
    database,
    config,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

export type Session = { cookie: string; csrf: string; headers: Record<string, string> };

/** Logs in through the API and returns the cookie and CSRF header to send with later requests. */
export async function loginAs(app: FastifyInstance, username: string, password: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login as ${username} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.cookies.find((c) => c.name === 'cc_session');
  if (!setCookie) throw new Error('no session cookie');
  const cookie = `cc_session=${setCookie.value}`;
  const csrf = res.json<{ csrfToken: string }>().csrfToken;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}

/** A new user with `fields` (the factories' defaults for the rest), logged in: a session for one test. */
export async function newSession(t: Pick<TestApp, 'app' | 'database'>, fields: Partial<CreateUserRequest>): Promise<Session> {
  const user = await buildUser(t.database.db, fields);
  return loginAs(t.app, user.username, TEST_PASSWORD);
}

/** The status a login answers (200 through, 401 refused): for a test that expects a password or an account to stop working. */
export async function loginStatus(app: FastifyInstance, username: string, password: string): Promise<number> {
  return (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } })).statusCode;
}

/** The status `GET /api/auth/me` answers with a session's cookie: 200 while the session lives, 401 once it has ended. */
export async function sessionStatus(app: FastifyInstance, session: Pick<Session, 'cookie'>): Promise<number> {
  return (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session.cookie } })).statusCode;
}

type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Reply = Awaited<ReturnType<FastifyInstance['inject']>>;

/** A test user's fields, or a function giving them once the file's `data` has run (a scope naming what it made). */
export type TestUserSpec = Partial<CreateUserRequest> | (() => Partial<CreateUserRequest>);

export type UsedTestApp<U extends string> = TestApp & {
  /** One logged-in session per user named in `useTestApp({ users })`. */
  users: Record<U, Session>;
  /** `GET url` as the session's user, in `locale` (the `X-Locale` the web sends). */
  get: (url: string, session: Session, locale?: string) => Promise<Reply>;
  /** A write as the session's user, with its CSRF header, in `locale`. */
  send: (method: Method, url: string, session: Session, payload?: object, locale?: string) => Promise<Reply>;
  /** The JSON of `GET url`, failing the test unless it answers 200. */
  read: (url: string, session: Session) => Promise<ReturnType<typeof JSON.parse>>;
};

/**
 * The set-up most API test files share, registered as the file's `beforeAll`/`afterAll`: the real app
 * on a fresh database (`env` added to the test configuration), the reference data (regions, chains,
 * parks, industries; `reference: false` leaves the database empty), then `data`, then one user per entry
 * of `users`, created with the given fields and logged in. The answer and its sessions are filled in when
 * `beforeAll` runs, so destructure them at the top of the file and read them inside tests and hooks.
 */
export function useTestApp<const U extends string = never>(
  options: {
    env?: Record<string, string>;
    reference?: boolean;
    data?: (db: Db) => Promise<unknown>;
    /** Each user's fields, or a function giving them once `data` has run (a scope naming what it made). */
    users?: Record<U, TestUserSpec>;
  } = {},
): UsedTestApp<U> {
  const specs: [string, TestUserSpec][] = Object.entries(options.users ?? {});
  const users: Record<string, Session> = {};
  for (const [name] of specs) users[name] = { cookie: '', csrf: '', headers: {} };
  const send = (method: Method | 'GET', url: string, session: Session, payload?: object, locale = 'zh-CN') =>
    used.app.inject({ method, url, headers: { ...session.headers, 'x-locale': locale }, payload });
  const get = (url: string, session: Session, locale?: string) => send('GET', url, session, undefined, locale);
  const read = async (url: string, session: Session) => {
    const res = await get(url, session);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  // Filled in by beforeAll below; nothing reads it before then (see above).
  const used = { users, get, send, read } as UsedTestApp<U>;
  beforeAll(async () => {
    Object.assign(used, await createTestApp(options.env));
    if (options.reference !== false) await seedReferenceData(used.database.db);
    await options.data?.(used.database.db);
    for (const [name, fields] of specs) {
      Object.assign(users[name] ?? {}, await newSession(used, typeof fields === 'function' ? fields() : fields));
    }
  });
  afterAll(async () => used.close());
  return used;
}

/**
 * A fresh database for a file's service-level tests, registered as its `beforeAll`/`afterAll`: the
 * reference data, then one firm in 衡阳县 per USCC named `namePrefix` and its number (1, 2, …), written
 * straight into the table (no service, no audit: thousands take a moment). Filled in when `beforeAll`
 * runs, like {@link useTestApp}.
 */
export function useBulkFirmsDatabase(usccs: readonly string[], namePrefix: string): Database {
  // Filled in by beforeAll below; nothing reads it before then (see above).
  const used = {} as Database & { drop: () => Promise<void> };
  beforeAll(async () => {
    Object.assign(used, await createTestDatabase());
    await seedReferenceData(used.db);
    await used.db.execute(sql`
      INSERT INTO enterprises (uscc, name, region_code)
      SELECT u, CAST(${namePrefix} AS text) || n, '430421' FROM unnest(string_to_array(${usccs.join(',')}, ',')) WITH ORDINALITY AS t(u, n)`);
  });
  afterAll(async () => used.drop());
  return used;
}

/** The sorted paths (`body.code`, `querystring.region`, …) a 400 answer names as invalid. */
export function rejectedPaths(res: { json: () => { error: { details: { path: string }[] } } }): string[] {
  return res
    .json()
    .error.details.map((d) => d.path)
    .sort();
}

/** Checks a refusal: its status, and that its message names what was refused (a code, a name, a count). */
export function expectRefusal(
  res: { statusCode: number; body: string; json: () => { error: { message: string } } },
  status: number,
  named: string,
): void {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json().error.message).toContain(named);
}
