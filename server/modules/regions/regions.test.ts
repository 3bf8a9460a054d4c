import { describe, expect, it } from 'vitest';
import { countRows } from '../../test/factories/common.js';
import { rejectedPaths, useTestApp } from '../../test/app.js';
import { auditRows, buildFirm } from '../../test/factories/chains.js';

const t = useTestApp({
  data: async (db) => {
    await buildFirm(db, { nodes: ['CH13:oil'], regionCode: '430421' });
  },
  users: { admin: { role: 'admin' }, leader: { role: 'leader' } },
});
const { admin, leader } = t.users;
const { get, send } = t;

describe('regions', () => {
  it('lists the 12 divisions and 3 zones with their parks and firms', async () => {
    const body = await t.read('/api/regions', leader);
    expect(body.total).toBe(15);
    expect(body.items.filter((r: { kind: string }) => r.kind === 'zone')).toHaveLength(3);
    expect(body.items.at(-1).kind).toBe('zone');
    expect(body.items.find((r: { code: string }) => r.code === '430421')).toMatchObject({
      name: '衡阳县',
      shortName: '衡阳县',
      kind: 'county',
      enterpriseCount: 1,
    });
    const withParks = body.items.find((r: { code: string }) => r.code === '430472');
    expect(withParks.parkCount).toBeGreaterThan(0);
    expect((await get('/api/regions?kind=city', leader)).json().items.map((r: { name: string }) => r.name)).toEqual(['耒阳市', '常宁市']);
    expect((await get(`/api/regions?q=${encodeURIComponent('耒阳')}`, leader)).json().total).toBe(1);
  });

  it('lets the admin add, rename and delete a region, audited; the leader may not', async () => {
    const payload = { code: '430499', name: '测试新区', shortName: '测试', kind: 'zone' };
    expect((await send('POST', '/api/regions', leader, payload)).statusCode).toBe(403);
    const created = await send('POST', '/api/regions', admin, payload);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ ...payload, version: 1, parkCount: 0, enterpriseCount: 0 });
    const renamed = await send('PATCH', '/api/regions/430499', admin, { name: '测试功能区' });
    expect(renamed.json().name).toBe('测试功能区');
    expect((await send('DELETE', '/api/regions/430499', admin)).statusCode).toBe(200);
    const audit = await auditRows(t.database.db, 'region', '430499');
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
    expect(audit[1]).toMatchObject({ before: { name: '测试新区' }, after: { name: '测试功能区' } });
  });

  it('refuses bad codes, duplicates and the deletion of a region in use, writing nothing', async () => {
    const before = await countRows(t.database.db, 'regions');
    const bad = await send('POST', '/api/regions', admin, { code: '4304', name: '', kind: 'village' });
    expect(bad.statusCode).toBe(400);
    expect(rejectedPaths(bad)).toEqual(['body.code', 'body.kind', 'body.name', 'body.shortName']);
    const dupCode = await send('POST', '/api/regions', admin, { code: '430421', name: '某县', shortName: '某县', kind: 'county' });
    expect(dupCode.statusCode).toBe(409);
    const dupName = await send('POST', '/api/regions', admin, { code: '430498', name: '某县', shortName: '衡阳县', kind: 'county' }, 'en');
    expect(dupName.statusCode).toBe(409);
    expect(dupName.json().error.message).toContain('already uses the name "衡阳县"');
    const inUse = await send('DELETE', '/api/regions/430406', admin);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error.message).toMatch(/该区域有 \d+ 个园区、0 家企业，不能删除/);
    expect((await send('DELETE', '/api/regions/430421', admin)).json().error.message).toContain('1 家企业');
    expect((await send('PATCH', '/api/regions/999999', admin, { name: '无' })).statusCode).toBe(404);
    expect(await countRows(t.database.db, 'regions')).toBe(before);
  });
});

describe('industries', () => {
  it('lists the ten industries in their groups with their chains', async () => {
    const body = await t.read('/api/industries', leader);
    expect(body.total).toBe(10);
    expect(body.items[0]).toEqual({ code: 'N1', group: '一核', name: '核技术应用', sortOrder: 1, chainCount: 1, version: 1 });
    expect(body.items.map((i: { group: string }) => i.group)).toEqual([
      '一核',
      '两电',
      '两电',
      '三色',
      '三色',
      '三色',
      '四新',
      '四新',
      '四新',
      '四新',
    ]);
    expect(body.items.reduce((sum: number, i: { chainCount: number }) => sum + i.chainCount, 0)).toBe(15);
  });

  it('needs a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/industries' })).statusCode).toBe(401);
  });
});
