import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, rejectedPaths, type TestApp } from '../../test/app.js';
import { buildUser, TEST_PASSWORD } from '../../test/factories/common.js';

let t: TestApp;
let username: string;

beforeAll(async () => {
  t = await createTestApp({ LOGIN_RATE_LIMIT: '5', SESSION_IDLE_MINUTES: '30' });
  username = (await buildUser(t.database.db, { role: 'leader', displayName: '李市长' })).username;
});
afterAll(async () => t.close());

describe('login', () => {
  it('opens a session in an HttpOnly, SameSite=Strict cookie and returns the user and a CSRF token', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ username, displayName: '李市长', role: 'leader', scopes: [] });
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    const cookie = res.cookies.find((c) => c.name === 'cc_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const header = String(res.headers['set-cookie']);
    expect(header).toContain('HttpOnly');
    expect(header).toContain('SameSite=Strict');
  });

  it('answers a wrong password and an unknown user identically with 401 invalid_credentials', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'wrong-password' } });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody-here', password: 'wrong-password' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual({
      error: { code: 'invalid_credentials', message: '用户名或密码错误。连续输错多次后账号会被锁定，需请管理员解锁。' },
    });
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.cookies).toHaveLength(0);
  });

  it('answers in English when the client asks for English', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-locale': 'en' },
      payload: { username: 'nobody-here', password: 'x' },
    });
    expect(res.json().error.message).toBe(
      'Wrong username or password. After repeated failures the account is locked until an administrator unlocks it.',
    );
  });

  it('rate-limits repeated attempts for one username with 429 rate_limited', async () => {
    const target = (await buildUser(t.database.db, { role: 'leader' })).username;
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: target, password: 'bad-guess' } });
      codes.push(res.statusCode);
      if (i === 5) expect(res.json().error.code).toBe('rate_limited');
    }
    expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('rejects a malformed body with 400 validation_failed and the field paths', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '' } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('validation_failed');
    expect(rejectedPaths(res)).toEqual(['body.password', 'body.username']);
  });

  it('rejects malformed JSON with 400 validation_failed', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "admin", ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
  });
});

/** Each session test logs in as its own user: the login rate limit counts every attempt per username. */
async function freshSession() {
  const user = await buildUser(t.database.db, { role: 'leader' });
  return { user, s: await loginAs(t.app, user.username, TEST_PASSWORD) };
}

describe('session', () => {
  it('requires a session for /api/auth/me (401 unauthenticated) and returns the user with one', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('unauthenticated');
    const forged = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: 'cc_session=not-a-real-token' } });
    expect(forged.statusCode).toBe(401);
    const { user, s } = await freshSession();
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { username: user.username, role: 'leader' }, csrfToken: s.csrf });
  });

  it('refuses logout without the CSRF header, then logs out with it and the session is gone', async () => {
    const { s } = await freshSession();
    const noCsrf = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('csrf_failed');
    const badCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(43) },
    });
    expect(badCsrf.statusCode).toBe(403);
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers });
    expect(ok.statusCode).toBe(200);
    const after = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('ends a session past its expiry time with 401 session_expired', async () => {
    const { user, s } = await freshSession();
    await t.database.db.execute(sql`update sessions set expires_at = now() - interval '1 minute' where user_id = ${user.id}`);
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('session_expired');
  });

  it('ends a session idle longer than SESSION_IDLE_MINUTES (30) but keeps one idle 20 minutes', async () => {
    const { user, s: s1 } = await freshSession();
    await t.database.db.execute(sql`update sessions set last_seen_at = now() - interval '20 minutes' where user_id = ${user.id}`);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s1.cookie } })).statusCode).toBe(200);
    await t.database.db.execute(sql`update sessions set last_seen_at = now() - interval '31 minutes' where user_id = ${user.id}`);
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s1.cookie } });
    expect(res.json().error.code).toBe('session_expired');
  });

  it('audits login and logout', async () => {
    const { user, s } = await freshSession();
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers });
    const rows = await t.database.pool.query(
      `select action from audit_log where actor_name = $1 and entity = 'session' order by id desc limit 2`,
      [user.username],
    );
    expect(rows.rows.map((r: { action: string }) => r.action)).toEqual(['logout', 'login']);
  });
});
