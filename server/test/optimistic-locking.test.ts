// Optimistic locking (issue 9): every record a form edits carries `version`; two editors who loaded
// the same version cannot both save. The second answers 409 `version_conflict` with the message in the
// caller's language, the record keeps the first edit, and nothing of the second is audited.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS } from '../../shared/contracts/enterprises.js';
import { auditRows, buildFirm } from './factories/chains.js';
import { updateRegion } from '../modules/regions/regions.service.js';
import { SYSTEM_ACTOR } from '../modules/access/actor.js';
import { rejectedPaths, useTestApp } from './app.js';
import { buildUser } from './factories/common.js';

const t = useTestApp({ users: { admin: { role: 'admin' } } });
const { admin } = t.users;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const call = (method: Method, url: string, payload?: object, locale = 'zh-CN') =>
  t.app.inject({ method, url, headers: { ...admin.headers, 'x-locale': locale }, ...(payload ? { payload } : {}) });

const ZH = '此记录已被他人修改，请刷新后重试';
const EN = 'This record was changed by someone else; reload and try again';

/** Audit rows of an entity whose action is `update` (or the one given). */
async function updatesAudited(entity: string, entityId: string, action = 'update'): Promise<number> {
  return (await auditRows(t.database.db, entity, entityId)).filter((a) => a.action === action).length;
}

/**
 * The two-editors scenario of one entity: both load `version`, the first saves `first` (200, version
 * + 1), the second saves `second` with the same version (409, in Chinese and in English), and a GET
 * still shows the first edit.
 */
async function twoEditors(spec: {
  url: string;
  method: 'PUT' | 'PATCH';
  read: () => Promise<{ version: number; value: unknown }>;
  first: object;
  second: object;
  firstValue: unknown;
  audit: { entity: string; entityId: string; action?: string };
}): Promise<void> {
  const loaded = await spec.read();
  const auditedBefore = await updatesAudited(spec.audit.entity, spec.audit.entityId, spec.audit.action);
  const first = await call(spec.method, spec.url, { ...spec.first, version: loaded.version });
  expect(first.statusCode, first.body).toBe(200);
  expect(first.json().version).toBe(loaded.version + 1);

  const second = await call(spec.method, spec.url, { ...spec.second, version: loaded.version });
  expect(second.statusCode, second.body).toBe(409);
  expect(second.json()).toEqual({ error: { code: 'version_conflict', message: ZH } });
  const english = await call(spec.method, spec.url, { ...spec.second, version: loaded.version }, 'en');
  expect(english.statusCode).toBe(409);
  expect(english.json().error.message).toBe(EN);

  const after = await spec.read();
  expect(after).toEqual({ version: loaded.version + 1, value: spec.firstValue });
  expect(await updatesAudited(spec.audit.entity, spec.audit.entityId, spec.audit.action)).toBe(auditedBefore + 1);
}

describe('two edits with the same version: the second answers 409 and the record keeps the first', () => {
  it('region', async () => {
    await twoEditors({
      url: '/api/regions/430421',
      method: 'PATCH',
      read: async () => {
        const region = (await call('GET', '/api/regions?q=430421')).json().items[0];
        return { version: region.version, value: region.name };
      },
      first: { name: '衡阳县（甲改）' },
      second: { name: '衡阳县（乙改）' },
      firstValue: '衡阳县（甲改）',
      audit: { entity: 'region', entityId: '430421' },
    });
  });

  it('park (a change of its focus chains alone counts as a change too)', async () => {
    const park = (await call('GET', '/api/parks?pageSize=1')).json().items[0];
    expect(park.version).toBe(1);
    const focusOnly = await call('PATCH', `/api/parks/${park.id}`, { focusChainCodes: ['CH02'], version: 1 });
    expect(focusOnly.statusCode, focusOnly.body).toBe(200);
    expect(focusOnly.json()).toMatchObject({ version: 2, focusChainCodes: ['CH02'] });
    await twoEditors({
      url: `/api/parks/${park.id}`,
      method: 'PATCH',
      read: async () => {
        const detail = (await call('GET', `/api/parks/${park.id}`)).json();
        return { version: detail.version, value: detail.areaHectares };
      },
      first: { areaHectares: 1234 },
      second: { areaHectares: 999 },
      firstValue: 1234,
      audit: { entity: 'park', entityId: String(park.id) },
    });
  });

  it('industry', async () => {
    const code = (await call('GET', '/api/industries')).json().items[0].code;
    await twoEditors({
      url: `/api/industries/${code}`,
      method: 'PATCH',
      read: async () => {
        const item = (await call('GET', '/api/industries')).json().items.find((i: { code: string }) => i.code === code);
        return { version: item.version, value: item.sortOrder };
      },
      first: { sortOrder: 77 },
      second: { sortOrder: 88 },
      firstValue: 77,
      audit: { entity: 'industry', entityId: code },
    });
  });

  it('chain', async () => {
    await twoEditors({
      url: '/api/chains/CH02',
      method: 'PATCH',
      read: async () => {
        const chain = (await call('GET', '/api/chains/CH02')).json();
        return { version: chain.version, value: chain.office };
      },
      first: { office: '市工信局（甲）' },
      second: { office: '市工信局（乙）' },
      firstValue: '市工信局（甲）',
      audit: { entity: 'chain', entityId: 'CH02' },
    });
  });

  it('chain node', async () => {
    const node = (await call('GET', '/api/chains/CH02')).json().nodes[0];
    await twoEditors({
      url: `/api/chains/CH02/nodes/${node.key}`,
      method: 'PATCH',
      read: async () => {
        const stored = (await call('GET', '/api/chains/CH02')).json().nodes.find((n: { key: string }) => n.key === node.key);
        return { version: stored.version, value: stored.name };
      },
      first: { name: '环节甲' },
      second: { name: '环节乙' },
      firstValue: '环节甲',
      audit: { entity: 'chain_node', entityId: `CH02:${node.key}` },
    });
  });

  it('chain target (and a version for a year without a target is a conflict, nothing created)', async () => {
    const created = await call('PUT', '/api/chains/CH03/targets/2031', { outputTargetYuan: 100, growthTarget: 0.1 });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toEqual({ year: 2031, outputTargetYuan: 100, growthTarget: 0.1, version: 1 });
    await twoEditors({
      url: '/api/chains/CH03/targets/2031',
      method: 'PUT',
      read: async () => {
        const target = (await call('GET', '/api/chains/CH03')).json().targets.find((x: { year: number }) => x.year === 2031);
        return { version: target.version, value: target.outputTargetYuan };
      },
      first: { outputTargetYuan: 200, growthTarget: 0.1 },
      second: { outputTargetYuan: 300, growthTarget: 0.1 },
      firstValue: 200,
      audit: { entity: 'chain_target', entityId: 'CH03:2031' },
    });
    const gone = await call('PUT', '/api/chains/CH03/targets/2032', { outputTargetYuan: 100, growthTarget: null, version: 1 });
    expect(gone.statusCode).toBe(409);
    expect((await call('GET', '/api/chains/CH03')).json().targets.map((x: { year: number }) => x.year)).not.toContain(2032);
  });

  it('enterprise', async () => {
    const uscc = await buildFirm(t.database.db, { name: '锁测试企业(示例)', regionCode: '430421', nodes: ['CH02:xfmr'] });
    const edit = (name: string) => ({
      name,
      regionCode: '430421',
      parkId: null,
      memberships: [{ chainCode: 'CH02', nodeKey: 'xfmr', isPrimary: true }],
    });
    await twoEditors({
      url: `/api/enterprises/${uscc}`,
      method: 'PUT',
      read: async () => {
        const firm = (await call('GET', `/api/enterprises/${uscc}`)).json();
        return { version: firm.version, value: firm.name };
      },
      first: edit('锁测试企业甲(示例)'),
      second: edit('锁测试企业乙(示例)'),
      firstValue: '锁测试企业甲(示例)',
      audit: { entity: 'enterprise', entityId: uscc },
    });
  });

  it('user (the 统计审核员 grant)', async () => {
    const leader = await buildUser(t.database.db, { role: 'leader' });
    expect(leader.version).toBe(1);
    await twoEditors({
      url: `/api/users/${leader.id}/stats-reviewer`,
      method: 'PUT',
      read: async () => {
        const user = (await call('GET', `/api/users?q=${leader.username}`)).json().items[0];
        return { version: user.version, value: user.statsReviewer };
      },
      first: { statsReviewer: true },
      second: { statsReviewer: false },
      firstValue: true,
      audit: { entity: 'user', entityId: leader.id, action: 'set_stats_reviewer' },
    });
  });
});

describe('version rules', () => {
  it('a stale version is refused before any other check, and an edit without a version still works (CLI, older clients)', async () => {
    const region = (await call('GET', '/api/regions?q=430412')).json().items[0];
    // A name another region uses would be a 409 `conflict`; the stale version is reported first.
    const stale = await call('PATCH', '/api/regions/430412', { name: '衡阳县（甲改）', version: region.version + 5 });
    expect(stale.json().error.code).toBe('version_conflict');
    const without = await call('PATCH', '/api/regions/430412', { shortName: '南岳（测）' });
    expect(without.statusCode, without.body).toBe(200);
    expect(without.json().version).toBe(region.version + 1);
  });

  it('two edits sent at once with the same version: exactly one wins (the guarded UPDATE, not only the early check)', async () => {
    const chain = (await call('GET', '/api/chains/CH05')).json();
    const answers = await Promise.all(
      ['甲', '乙', '丙'].map((who) => call('PATCH', '/api/chains/CH05', { chiefTitle: `链长${who}`, version: chain.version })),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409]);
    const winner = answers.find((a) => a.statusCode === 200)?.json().chiefTitle;
    expect((await call('GET', '/api/chains/CH05')).json()).toMatchObject({ chiefTitle: winner, version: chain.version + 1 });
    expect(await updatesAudited('chain', 'CH05')).toBe(1);
  });

  it('refuses a body with only a version, and a version that is not a positive integer, writing nothing', async () => {
    const only = await call('PATCH', '/api/regions/430405', { version: 1 });
    expect(only.statusCode).toBe(400);
    const bad = await call('PATCH', '/api/regions/430405', { name: '珠晖', version: 0 });
    expect(bad.statusCode).toBe(400);
    expect(rejectedPaths(bad)).toEqual(['body.version']);
    const region = (await call('GET', '/api/regions?q=430405')).json().items[0];
    expect(region).toMatchObject({ version: 1, name: '珠晖区' });
  });

  it('an edit by a service call without HTTP (the CLI path) bumps the version, so a form opened before it conflicts', async () => {
    const before = (await call('GET', '/api/regions?q=430406')).json().items[0];
    await updateRegion(t.database.db, SYSTEM_ACTOR, '430406', { shortName: '雁峰（测）' });
    const res = await call('PATCH', '/api/regions/430406', { name: '雁峰区（表单）', version: before.version });
    expect(res.statusCode).toBe(409);
    expect((await call('GET', '/api/regions?q=430406')).json().items[0]).toMatchObject({ name: '雁峰区', version: before.version + 1 });
  });

  it('an enterprise import bumps the version of every firm it rewrites, so a form opened before it conflicts', async () => {
    const firm = await buildFirm(t.database.db, { name: '导入前企业(示例)', regionCode: '430421', nodes: ['CH02:xfmr'] });
    const loaded = (await call('GET', `/api/enterprises/${firm}`)).json();
    const cells: Partial<Record<(typeof IMPORT_COLUMNS)[number], string>> = {
      统一社会信用代码: firm,
      企业名称: '导入后企业(示例)',
      所属区县: '衡阳县',
      产业链环节: 'CH02:xfmr',
    };
    const csv = [IMPORT_COLUMNS.join(','), IMPORT_COLUMNS.map((h) => cells[h] ?? '').join(',')].join('\r\n');
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/enterprises/import?dryRun=false',
      headers: { ...admin.headers, 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ errors: [] });
    const res = await call('PUT', `/api/enterprises/${firm}`, {
      name: '表单企业(示例)',
      regionCode: '430421',
      parkId: null,
      memberships: [{ chainCode: 'CH02', nodeKey: 'xfmr', isPrimary: true }],
      version: loaded.version,
    });
    expect(res.statusCode).toBe(409);
    const stored = await t.database.db.execute<{ name: string; version: number }>(
      sql`SELECT name, version FROM enterprises WHERE uscc = ${firm}`,
    );
    expect(stored.rows[0]).toEqual({ name: '导入后企业(示例)', version: loaded.version + 1 });
  });

  it('a delete with ?version= of a record changed since answers 409 and the record stays; the current version deletes it', async () => {
    const created = await call('POST', '/api/regions', { code: '430498', name: '版本测试区', shortName: '版本', kind: 'zone' });
    expect(created.json().version).toBe(1);
    await call('PATCH', '/api/regions/430498', { name: '版本测试区二', version: 1 });
    const stale = await call('DELETE', '/api/regions/430498?version=1');
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toEqual({ code: 'version_conflict', message: ZH });
    expect((await call('GET', '/api/regions?q=430498')).json().items).toHaveLength(1);
    expect((await auditRows(t.database.db, 'region', '430498')).map((a) => a.action)).toEqual(['create', 'update']);
    const current = await call('DELETE', '/api/regions/430498?version=2');
    expect(current.statusCode, current.body).toBe(200);
    expect((await call('GET', '/api/regions?q=430498')).json().items).toHaveLength(0);
  });

  it('deletes of a chain node, a chain target and a firm check ?version= the same way', async () => {
    await call('POST', '/api/chains/CH04/nodes', { key: 'lockdel', name: '待删环节', stage: 'upstream' });
    await call('PATCH', '/api/chains/CH04/nodes/lockdel', { name: '待删环节二' });
    expect((await call('DELETE', '/api/chains/CH04/nodes/lockdel?version=1')).statusCode).toBe(409);
    expect((await call('DELETE', '/api/chains/CH04/nodes/lockdel?version=2')).statusCode).toBe(200);

    await call('PUT', '/api/chains/CH04/targets/2033', { outputTargetYuan: 1, growthTarget: null });
    await call('PUT', '/api/chains/CH04/targets/2033', { outputTargetYuan: 2, growthTarget: null });
    expect((await call('DELETE', '/api/chains/CH04/targets/2033?version=1')).statusCode).toBe(409);
    expect((await call('GET', '/api/chains/CH04')).json().targets.find((x: { year: number }) => x.year === 2033)).toMatchObject({
      outputTargetYuan: 2,
      version: 2,
    });

    const uscc = await buildFirm(t.database.db, { regionCode: '430421', nodes: ['CH02:xfmr'] });
    const bad = await call('DELETE', `/api/enterprises/${uscc}?version=abc`);
    expect(bad.statusCode).toBe(400);
    expect((await call('DELETE', `/api/enterprises/${uscc}?version=7`)).statusCode).toBe(409);
    expect((await call('GET', `/api/enterprises/${uscc}`)).statusCode).toBe(200);
    expect((await call('DELETE', `/api/enterprises/${uscc}`)).statusCode).toBe(200);
  });
});
