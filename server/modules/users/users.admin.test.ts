import { describe, expect, it } from 'vitest';
import { loginAs, rejectedPaths, useTestApp, loginStatus, sessionStatus } from '../../test/app.js';
import { buildUser, TEST_PASSWORD } from '../../test/factories/common.js';
import { buildEnterprise } from '../../test/factories/enterprises.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { setUserActive } from './users.service.js';

const t = useTestApp({ users: { admin: { role: 'admin' }, leader: { role: 'leader' } } });
const { admin, leader } = t.users;

async function parkIdOf(shortName: string): Promise<number> {
  const r = await t.database.pool.query<{ id: number }>('select id from parks where short_name = $1', [shortName]);
  const id = r.rows[0]?.id;
  if (id === undefined) throw new Error(`no park ${shortName}`);
  return id;
}

async function auditOf(id: string): Promise<{ action: string; actor_name: string; before: unknown; after: unknown }[]> {
  const r = await t.database.pool.query(
    'select action, actor_name, before, after from audit_log where entity = $1 and entity_id = $2 order by id',
    ['user', id],
  );
  return r.rows;
}

async function myId(): Promise<string> {
  return (await t.read('/api/auth/me', admin)).user.id;
}

describe('user administration (用户管理)', () => {
  it('shows scopes by name: a park by its short name, a chain and a region by theirs', async () => {
    const park = await parkIdOf('衡阳高新区');
    const parkUser = await buildUser(t.database.db, { role: 'park', scopes: [{ kind: 'park', ref: String(park) }] });
    const county = await buildUser(t.database.db, { role: 'county', scopes: [{ kind: 'region', ref: '430421' }] });
    const chief = await buildUser(t.database.db, { role: 'chain_chief', scopes: [{ kind: 'chain', ref: 'CH02' }] });
    expect(parkUser.scopes).toEqual([{ kind: 'park', ref: String(park), name: '衡阳高新区' }]);
    const list = await t.read(`/api/users?q=${county.username}`, admin);
    expect(list.items[0].scopes).toEqual([{ kind: 'region', ref: '430421', name: '衡阳县' }]);
    const chiefRow = (await t.read(`/api/users?q=${chief.username}`, admin)).items[0];
    expect(chiefRow.scopes[0].name).not.toBe('CH02');
    expect(chiefRow.lastLoginAt).toBeNull();
  });

  it('offers scope choices by name: parks, regions, and firms searched by name', async () => {
    const parks = await t.read(`/api/users/scope-options?kind=park&q=${encodeURIComponent('高新')}`, admin);
    expect(parks.items.map((o: { name: string }) => o.name)).toContain('衡阳高新区');
    const regions = await t.read(`/api/users/scope-options?kind=region&q=${encodeURIComponent('衡阳县')}`, admin);
    expect(regions.items).toContainEqual({ ref: '430421', name: '衡阳县', detail: '430421' });
    const firm = await buildEnterprise(t.database.db, { name: '范围搜索测试电机有限公司' });
    const byName = await t.read(`/api/users/scope-options?kind=enterprise&q=${encodeURIComponent('范围搜索测试')}`, admin);
    expect(byName.items).toEqual([{ ref: firm.uscc, name: '范围搜索测试电机有限公司', detail: firm.uscc }]);
    const byCode = await t.read(`/api/users/scope-options?kind=enterprise&q=${firm.uscc.slice(0, 14)}`, admin);
    expect(byCode.items.map((o: { ref: string }) => o.ref)).toContain(firm.uscc);
    expect((await t.get('/api/users/scope-options?kind=park', leader)).statusCode).toBe(403);
    expect(rejectedPaths(await t.get('/api/users/scope-options?kind=planet', admin))).toEqual(['querystring.kind']);
  });

  it('edits name, role and scope, ends the user’s sessions, and audits before and after', async () => {
    const user = await buildUser(t.database.db, { role: 'county', scopes: [{ kind: 'region', ref: '430421' }] });
    const session = await loginAs(t.app, user.username, TEST_PASSWORD);
    const park = await parkIdOf('衡阳高新区');
    const res = await t.send('PUT', `/api/users/${user.id}`, admin, {
      displayName: '园区用户',
      role: 'park',
      scopes: [{ kind: 'park', ref: String(park) }],
      statsReviewer: false,
      version: user.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ displayName: '园区用户', role: 'park', scopes: [{ kind: 'park', name: '衡阳高新区' }] });
    expect(res.json().lastLoginAt).not.toBeNull();
    expect(await sessionStatus(t.app, session)).toBe(401);
    const audit = (await auditOf(user.id)).filter((a) => a.action === 'update');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      before: { role: 'county', displayName: '测试用户' },
      after: { role: 'park', displayName: '园区用户' },
    });
    // The version moved on: the same edit again at the old version is a conflict.
    const stale = await t.send('PUT', `/api/users/${user.id}`, admin, { displayName: 'x', role: 'leader', version: user.version });
    expect(stale.statusCode).toBe(409);
  });

  it('refuses an edit whose scope does not fit the role, in Chinese and English, changing nothing', async () => {
    const user = await buildUser(t.database.db, { role: 'county', scopes: [{ kind: 'region', ref: '430421' }] });
    const bad = { displayName: '甲', role: 'park', scopes: [{ kind: 'region', ref: '430421' }] };
    const zh = await t.send('PUT', `/api/users/${user.id}`, admin, bad);
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error.message).toContain('park');
    const en = await t.send('PUT', `/api/users/${user.id}`, admin, bad, 'en');
    expect(en.json().error.message).toContain('needs at least one scope of kind park');
    const firms = await t.send('PUT', `/api/users/${user.id}`, admin, {
      displayName: '甲',
      role: 'enterprise',
      scopes: [
        { kind: 'enterprise', ref: 'A' },
        { kind: 'enterprise', ref: 'B' },
      ],
    });
    expect(firms.statusCode).toBe(400);
    expect(firms.json().error.message).toBe('企业账号只能对应一家企业');
    const after = (await t.read(`/api/users?q=${user.username}`, admin)).items[0];
    expect(after).toMatchObject({ role: 'county', displayName: '测试用户', version: user.version });
    expect((await auditOf(user.id)).map((a) => a.action)).toEqual(['create']);
  });

  it('disables an account (login refused, sessions end) and enables it again, audited', async () => {
    const user = await buildUser(t.database.db, { role: 'leader' });
    const session = await loginAs(t.app, user.username, TEST_PASSWORD);
    const off = await t.send('PUT', `/api/users/${user.id}/active`, admin, { active: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().active).toBe(false);
    expect(await sessionStatus(t.app, session)).toBe(401);
    expect(await loginStatus(t.app, user.username, TEST_PASSWORD)).toBe(401);
    const on = await t.send('PUT', `/api/users/${user.id}/active`, admin, { active: true });
    expect(on.json().active).toBe(true);
    await loginAs(t.app, user.username, TEST_PASSWORD);
    const actions = (await auditOf(user.id)).map((a) => a.action);
    expect(actions).toEqual(['create', 'disable', 'enable']);
  });

  it('refuses to let an admin disable or demote their own account, and keeps the last active admin', async () => {
    const me = await myId();
    const disable = await t.send('PUT', `/api/users/${me}/active`, admin, { active: false });
    expect(disable.statusCode).toBe(400);
    expect(disable.json().error.message).toBe('不能停用自己的账号');
    const demote = await t.send('PUT', `/api/users/${me}`, admin, { displayName: '管理员', role: 'leader', scopes: [] }, 'en');
    expect(demote.statusCode).toBe(400);
    expect(demote.json().error.message).toContain('your own account');
    const still = await t.read('/api/auth/me', admin);
    expect(still.user.role).toBe('admin');
    expect(await auditOf(me)).toEqual([expect.objectContaining({ action: 'create' })]);
    // Nobody, the CLI included, disables the last active admin.
    const lastAdmin = { messageKey: 'users.error.lastAdmin' };
    await expect(setUserActive(t.database.db, SYSTEM_ACTOR, me, false)).rejects.toMatchObject(lastAdmin);
    const second = await buildUser(t.database.db, { role: 'admin' });
    expect((await t.send('PUT', `/api/users/${second.id}/active`, admin, { active: false })).json().active).toBe(false);
    await expect(setUserActive(t.database.db, SYSTEM_ACTOR, me, false)).rejects.toMatchObject(lastAdmin);
  });

  it('resets a password to a generated one, shown once; the old one stops working', async () => {
    const user = await buildUser(t.database.db, { role: 'leader' });
    const res = await t.send('POST', `/api/users/${user.id}/password`, admin, {});
    expect(res.statusCode, res.body).toBe(200);
    const generated: string = res.json().generatedPassword;
    expect(generated).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(await loginStatus(t.app, user.username, TEST_PASSWORD)).toBe(401);
    await loginAs(t.app, user.username, generated);
    const audit = (await auditOf(user.id)).find((a) => a.action === 'reset_password');
    expect(audit?.after).toEqual({ username: user.username, generated: true });
    expect(JSON.stringify(await auditOf(user.id))).not.toContain(generated);
    // A chosen password is not answered back.
    const chosen = await t.send('POST', `/api/users/${user.id}/password`, admin, { password: 'chosen-pass-123' });
    expect(chosen.json()).toEqual({ generatedPassword: null });
  });

  it('answers 404 for an unknown user and refuses every write of a non-admin', async () => {
    const nobody = '00000000-0000-4000-8000-000000000000';
    expect((await t.send('PUT', `/api/users/${nobody}/active`, admin, { active: false })).statusCode).toBe(404);
    const user = await buildUser(t.database.db, { role: 'leader' });
    expect((await t.send('PUT', `/api/users/${user.id}/active`, leader, { active: false })).statusCode).toBe(403);
    expect((await t.send('PUT', `/api/users/${user.id}`, leader, { displayName: 'x', role: 'admin' })).statusCode).toBe(403);
  });
});

describe('the 操作日志 filters', () => {
  it('filters by user, action, object type and day (Beijing time), paged', async () => {
    const user = await buildUser(t.database.db, { role: 'leader', username: 'audit-filter-user' });
    await t.send('PUT', `/api/users/${user.id}/active`, admin, { active: false });
    const adminName = (await t.read('/api/auth/me', admin)).user.username;
    const mine = await t.read(`/api/audit?actor=${adminName}&action=disable&entity=user`, admin);
    expect(mine.items.map((i: { entityId: string }) => i.entityId)).toContain(user.id);
    expect(mine.items.every((i: { action: string; actorName: string }) => i.action === 'disable' && i.actorName === adminName)).toBe(true);
    const byOther = await t.read(`/api/audit?actor=nobody-here&entity=user`, admin);
    expect(byOther.total).toBe(0);
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const todays = await t.read(`/api/audit?entity=user&entityId=${user.id}&from=${today}&to=${today}`, admin);
    expect(todays.items.map((i: { action: string }) => i.action)).toEqual(['disable', 'create']);
    expect((await t.read(`/api/audit?entity=user&entityId=${user.id}&to=2020-01-01`, admin)).total).toBe(0);
    const paged = await t.read(`/api/audit?entity=user&entityId=${user.id}&pageSize=1&page=2`, admin);
    expect(paged).toMatchObject({ total: 2, items: [{ action: 'create' }] });
    expect(rejectedPaths(await t.get('/api/audit?from=2025-02-30', admin))).toEqual(['querystring.from']);
  });
});
