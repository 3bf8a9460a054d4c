// Login limits (issue 9, finding 6): only failed logins count, per address+username and per
// address; an account locks after LOGIN_LOCKOUT_THRESHOLD failures in a row until an admin unlocks
// it; failed logins, the lock and the unlock are in the audit log.
import { describe, expect, it } from 'vitest';
import { loginAs, useTestApp } from '../../test/app.js';
import { buildUser, TEST_PASSWORD } from '../../test/factories/common.js';

const t = useTestApp({
  env: { LOGIN_RATE_LIMIT: '3', LOGIN_IP_RATE_LIMIT: '20', LOGIN_LOCKOUT_THRESHOLD: '4' },
  reference: false,
  users: { admin: { role: 'admin' } },
});
const { admin } = t.users;

const attempt = (username: string, password: string, ip: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, payload: { username, password } });

async function auditOf(
  actions: string[],
): Promise<{ action: string; actor_name: string; entity_id: string | null; ip: string | null; after: { reason?: string } | null }[]> {
  const result = await t.database.pool.query(
    `SELECT action, actor_name, entity_id, ip, after FROM audit_log WHERE action = ANY($1) ORDER BY id`,
    [actions],
  );
  return result.rows;
}

describe('failed-login limits', () => {
  it('never throttles successful logins', async () => {
    const user = await buildUser(t.database.db, { role: 'leader' });
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await attempt(user.username, TEST_PASSWORD, '10.0.0.1')).statusCode);
    expect(codes).toEqual([200, 200, 200, 200, 200, 200]);
  });

  it('throttles one address spraying 100 usernames after 20 failures, and not another address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 100; i++) codes.push((await attempt(`spray-${i}`, 'Spring2026!x', '10.0.0.2')).statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(20);
    expect(codes.slice(20).every((c) => c === 429)).toBe(true);
    const user = await buildUser(t.database.db, { role: 'leader' });
    expect((await attempt(user.username, TEST_PASSWORD, '10.0.0.3')).statusCode).toBe(200);
    const failed = await auditOf(['login_failed']);
    expect(failed.filter((r) => r.ip === '10.0.0.2')).toHaveLength(20);
    expect(failed.find((r) => r.actor_name === 'spray-0')).toMatchObject({
      entity_id: null,
      ip: '10.0.0.2',
      after: { reason: 'unknown_user' },
    });
  });

  it('throttles one address guessing one account after 3 failures (its other users are unaffected)', async () => {
    const user = await buildUser(t.database.db, { role: 'leader' });
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await attempt(user.username, `guess-number-${i}`, '10.0.0.4')).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
    const other = await buildUser(t.database.db, { role: 'leader' });
    expect((await attempt(other.username, TEST_PASSWORD, '10.0.0.4')).statusCode).toBe(200);
  });
});

describe('lockout and unlock', () => {
  it('locks after 4 failures in a row: the right password then answers like a wrong one, until the admin unlocks', async () => {
    const user = await buildUser(t.database.db, { role: 'leader' });
    // One address per guess, so the per-address limits do not interfere.
    for (let i = 0; i < 4; i++) expect((await attempt(user.username, `guess-number-${i}`, `10.1.0.${i}`)).statusCode).toBe(401);
    const wrong = await attempt(user.username, 'guess-number-9', '10.1.0.8');
    const right = await attempt(user.username, TEST_PASSWORD, '10.1.0.9');
    expect(right.statusCode).toBe(401);
    expect(right.body).toBe(wrong.body);

    const listed = await t.app.inject({ method: 'GET', url: `/api/users?q=${user.username}`, headers: admin.headers });
    expect(listed.json().items[0]).toMatchObject({ username: user.username, locked: true });
    const locks = (await auditOf(['lock'])).filter((r) => r.entity_id === user.id);
    expect(locks).toHaveLength(1);
    const reasons = (await auditOf(['login_failed'])).filter((r) => r.entity_id === user.id).map((r) => r.after?.reason);
    expect(reasons).toEqual(['wrong_password', 'wrong_password', 'wrong_password', 'wrong_password', 'locked', 'locked']);

    const leader = await loginAs(t.app, (await buildUser(t.database.db, { role: 'leader' })).username, TEST_PASSWORD);
    expect((await t.app.inject({ method: 'POST', url: `/api/users/${user.id}/unlock`, headers: leader.headers })).statusCode).toBe(403);
    const unlock = await t.app.inject({ method: 'POST', url: `/api/users/${user.id}/unlock`, headers: admin.headers });
    expect(unlock.statusCode, unlock.body).toBe(200);
    expect(unlock.json()).toMatchObject({ username: user.username, locked: false });
    expect((await auditOf(['unlock'])).filter((r) => r.entity_id === user.id)).toHaveLength(1);
    expect((await attempt(user.username, TEST_PASSWORD, '10.1.0.10')).statusCode).toBe(200);
  });

  it('starts the count afresh after a successful login', async () => {
    const user = await buildUser(t.database.db, { role: 'leader' });
    for (let i = 0; i < 3; i++) await attempt(user.username, `guess-number-${i}`, `10.2.0.${i}`);
    expect((await attempt(user.username, TEST_PASSWORD, '10.2.0.5')).statusCode).toBe(200);
    for (let i = 0; i < 3; i++) await attempt(user.username, `guess-number-${i}`, `10.2.1.${i}`);
    expect((await attempt(user.username, TEST_PASSWORD, '10.2.0.6')).statusCode).toBe(200);
  });
});
