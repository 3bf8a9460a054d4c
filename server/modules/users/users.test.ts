import { describe, expect, it } from 'vitest';
import { loginAs, rejectedPaths, useTestApp, loginStatus, sessionStatus } from '../../test/app.js';
import { buildUser, TEST_PASSWORD } from '../../test/factories/common.js';

const t = useTestApp({ users: { admin: { role: 'admin' }, leader: { role: 'leader' } } });
const { admin, leader } = t.users;

async function userCount(): Promise<number> {
  const r = await t.database.pool.query<{ n: number }>('select count(*)::int as n from users');
  return r.rows[0]?.n ?? -1;
}

describe('users', () => {
  it('lets an admin create a scoped chain chief, audited without the password', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: {
        username: 'chief-ch02',
        displayName: '王链长',
        role: 'chain_chief',
        password: 'secret-pass-1',
        scopes: [{ kind: 'chain', ref: 'CH02' }],
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      username: 'chief-ch02',
      role: 'chain_chief',
      scopes: [{ kind: 'chain', ref: 'CH02' }],
      active: true,
    });
    const audit = await t.database.pool.query(`select action, after from audit_log where entity = 'user' and entity_id = $1`, [
      res.json().id,
    ]);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].action).toBe('create');
    expect(audit.rows[0].after.username).toBe('chief-ch02');
    expect(JSON.stringify(audit.rows[0].after)).not.toContain('secret-pass-1');
    // The new user can log in and sees its scope.
    const s = await loginAs(t.app, 'chief-ch02', 'secret-pass-1');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } });
    expect(me.json().user.scopes).toEqual([{ kind: 'chain', ref: 'CH02' }]);
  });

  it('refuses a scoped role without a scope, or with a scope of the wrong kind, and writes nothing', async () => {
    const before = await userCount();
    for (const scopes of [[], [{ kind: 'park', ref: 'P1' }]]) {
      const res = await t.send('POST', '/api/users', admin, {
        username: 'county-x',
        displayName: '县用户',
        role: 'county',
        password: 'secret-pass-1',
        scopes,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(res.json().error.message).toContain('region');
    }
    expect(await userCount()).toBe(before);
  });

  it('refuses a duplicate username with 409 conflict', async () => {
    const payload = { username: 'dup-user', displayName: '甲', role: 'leader', password: 'secret-pass-1' };
    expect((await t.app.inject({ method: 'POST', url: '/api/users', headers: admin.headers, payload })).statusCode).toBe(201);
    const again = await t.app.inject({ method: 'POST', url: '/api/users', headers: admin.headers, payload });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('conflict');
  });

  it('refuses scope references that name nothing in the master data (chain:NOPE99, park:%), writing nothing', async () => {
    const before = await userCount();
    const cases = [
      {
        role: 'chain_chief',
        scopes: [
          { kind: 'chain', ref: 'CH02' },
          { kind: 'chain', ref: 'NOPE99' },
        ],
        path: 'body.scopes.1.ref',
      },
      { role: 'park', scopes: [{ kind: 'park', ref: '%' }], path: 'body.scopes.0.ref' },
      { role: 'county', scopes: [{ kind: 'region', ref: '4304%' }], path: 'body.scopes.0.ref' },
      { role: 'enterprise', scopes: [{ kind: 'enterprise', ref: '91430421MA4L00004X' }], path: 'body.scopes.0.ref' },
      { role: 'department', scopes: [{ kind: 'department', ref: '%' }], path: 'body.scopes.0.ref' },
    ];
    for (const c of cases) {
      const res = await t.send('POST', '/api/users', admin, {
        username: 'scope-probe',
        displayName: '探针',
        role: c.role,
        password: 'secret-pass-1',
        scopes: c.scopes,
      });
      expect(res.statusCode, JSON.stringify(c.scopes)).toBe(400);
      expect(res.json().error.details[0].path).toBe(c.path);
      expect(res.json().error.message).toContain('不存在');
    }
    expect(await userCount()).toBe(before);
    const park = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: {
        username: 'park-by-name',
        displayName: '园区',
        role: 'park',
        password: 'secret-pass-1',
        scopes: [{ kind: 'park', ref: '衡阳高新区' }],
      },
    });
    expect(park.statusCode, park.body).toBe(201);
  });

  it('refuses a short password and an unknown role with field paths', async () => {
    const res = await t.send('POST', '/api/users', admin, { username: 'short-pass', displayName: '乙', role: 'mayor', password: 'short' });
    expect(res.statusCode).toBe(400);
    expect(rejectedPaths(res)).toEqual(['body.password', 'body.role']);
  });

  it('forbids the leader (read-only) from listing or creating users', async () => {
    expect((await t.get('/api/users', leader)).statusCode).toBe(403);
    const res = await t.send('POST', '/api/users', leader, {
      username: 'sneaky',
      displayName: '丙',
      role: 'admin',
      password: 'secret-pass-1',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
  });

  it('lists users with search and paging', async () => {
    const res = await t.get('/api/users?q=chief-ch&pageSize=5', admin);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 1, items: [{ username: 'chief-ch02', scopes: [{ kind: 'chain', ref: 'CH02' }] }] });
  });

  it('resets a password: the old one stops working and open sessions end', async () => {
    const user = await buildUser(t.database.db, { role: 'leader' });
    const s = await loginAs(t.app, user.username, TEST_PASSWORD);
    const res = await t.send('POST', `/api/users/${user.id}/password`, admin, { password: 'brand-new-pass' });
    expect(res.statusCode).toBe(200);
    expect(await sessionStatus(t.app, s)).toBe(401);
    expect(await loginStatus(t.app, user.username, TEST_PASSWORD)).toBe(401);
    await loginAs(t.app, user.username, 'brand-new-pass');
  });
});

describe('audit log', () => {
  it('shows the admin every write, newest first', async () => {
    const res = await t.get('/api/audit?entity=user&pageSize=100', admin);
    expect(res.statusCode).toBe(200);
    const actions = res.json().items.map((i: { action: string }) => i.action);
    expect(actions[0]).toBe('reset_password');
    expect(actions).toContain('create');
    expect((await t.get('/api/audit', leader)).statusCode).toBe(403);
  });
});

describe('the statistics reviewer permission (统计审核员)', () => {
  it('is granted by the admin to a leader account only, audited, and shows in the session; anyone else is refused', async () => {
    const target = await buildUser(t.database.db, { role: 'leader' });
    const office = await buildUser(t.database.db, { role: 'chain_office', scopes: [{ kind: 'chain', ref: 'CH02' }] });
    const url = (id: string) => `/api/users/${id}/stats-reviewer`;
    expect((await t.send('PUT', url(target.id), leader, { statsReviewer: true })).statusCode).toBe(403);
    const refused = await t.send('PUT', url(office.id), admin, { statsReviewer: true });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toContain('leader');
    const granted = await t.send('PUT', url(target.id), admin, { statsReviewer: true });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json()).toMatchObject({ id: target.id, statsReviewer: true });
    const audit = await t.database.pool.query(
      `select before, after from audit_log where action = 'set_stats_reviewer' and entity_id = $1`,
      [target.id],
    );
    expect(audit.rows).toEqual([{ before: { statsReviewer: false }, after: { statsReviewer: true } }]);
    const session = await loginAs(t.app, target.username, TEST_PASSWORD);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session.cookie } });
    expect(me.json().user.statsReviewer).toBe(true);
    // Creating a reviewer directly follows the same rule.
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: {
        username: 'tongji-1',
        displayName: '统计局',
        role: 'county',
        password: 'secret-pass-1',
        scopes: [{ kind: 'region', ref: '430421' }],
        statsReviewer: true,
      },
    });
    expect(created.statusCode).toBe(400);
  });
});
