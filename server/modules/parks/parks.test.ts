import { describe, expect, it } from 'vitest';
import { countRows } from '../../test/factories/common.js';
import { expectRefusal, rejectedPaths, useTestApp } from '../../test/app.js';
import { auditRows, buildFirm } from '../../test/factories/chains.js';

const t = useTestApp({
  data: async (db) => {
    await buildFirm(db, { nodes: ['CH03:pcb'], parkShortName: '衡阳高新区' });
    await buildFirm(db, { nodes: ['CH02:xfmr'], parkShortName: '衡阳高新区' });
  },
  users: { admin: { role: 'admin' }, county: { role: 'county', scopes: [{ kind: 'region', ref: '430421' }] } },
});
const { admin, county } = t.users;
const { get, send } = t;

describe('parks', () => {
  it('lists parks with paging, national first, with region names, focus chains and firm counts', async () => {
    const body = await t.read('/api/parks?pageSize=5', county);
    expect(body.total).toBe(11);
    expect(body.items).toHaveLength(5);
    expect(body.items[0]).toMatchObject({
      shortName: '衡阳高新区',
      level: 'national',
      regionCode: '430472',
      enterpriseCount: 2,
      areaHectares: 13735,
    });
    expect(body.items[0].focusChainCodes).toEqual(['CH02', 'CH03', 'CH05']);
    expect((await get('/api/parks?page=3&pageSize=5', county)).json().items).toHaveLength(1);
  });

  it('searches by name and filters by level and region', async () => {
    expect(
      (await get(`/api/parks?q=${encodeURIComponent('高新')}`, admin)).json().items.map((p: { shortName: string }) => p.shortName),
    ).toContain('衡阳高新区');
    const national = (await get('/api/parks?level=national', admin)).json();
    expect(national.items.every((p: { level: string }) => p.level === 'national')).toBe(true);
    expect(national.total).toBeGreaterThan(0);
    const inRegion = (await get('/api/parks?region=430472', admin)).json();
    expect(inRegion.items.every((p: { regionCode: string }) => p.regionCode === '430472')).toBe(true);
    expect((await get('/api/parks?q=%25', admin)).json().total).toBe(0);
    const bad = await get('/api/parks?level=city&region=43', admin);
    expect(rejectedPaths(bad)).toEqual(['querystring.level', 'querystring.region']);
  });

  it('shows one park with its focus chains; 404 for an unknown one', async () => {
    const list = (await get('/api/parks?q=衡阳高新区', admin)).json();
    const park = (await get(`/api/parks/${list.items[0].id}`, county)).json();
    expect(park.focusChains).toEqual([
      { code: 'CH02', name: '输变电装备产业链' },
      { code: 'CH03', name: '电子信息产业链' },
      { code: 'CH05', name: '钢管及深加工产业链' },
    ]);
    expect(park.establishedOn).toBe('2012-08-19');
    const missing = await get('/api/parks/99999', admin);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toContain('园区 99999 不存在');
  });

  it('lets the admin create, edit and delete a park, audited; others may not', async () => {
    const payload = {
      name: '衡阳测试产业园',
      shortName: '测试园',
      level: 'provincial',
      regionCode: '430421',
      areaHectares: 250,
      focusChainCodes: ['ch13'],
    };
    expect((await send('POST', '/api/parks', county, payload)).statusCode).toBe(403);
    const created = await send('POST', '/api/parks', admin, payload);
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ regionName: '衡阳县', focusChainCodes: ['CH13'], enterpriseCount: 0, focus: [] });
    const edited = await send('PATCH', `/api/parks/${id}`, admin, {
      establishedOn: '2020-05-01',
      focusChainCodes: ['CH13', 'CH15'],
      focus: ['绿色食品'],
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      establishedOn: '2020-05-01',
      focusChainCodes: ['CH13', 'CH15'],
      focus: ['绿色食品'],
      shortName: '测试园',
    });
    expect((await send('DELETE', `/api/parks/${id}`, admin)).statusCode).toBe(200);
    const audit = await auditRows(t.database.db, 'park', String(id));
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
    expect(audit[1]).toMatchObject({
      before: { focusChainCodes: ['CH13'], establishedOn: null },
      after: { focusChainCodes: ['CH13', 'CH15'] },
    });
  });

  it('refuses bad input with field paths, unknown references and duplicates, writing nothing', async () => {
    const before = await countRows(t.database.db, 'parks');
    const shape = await send('POST', '/api/parks', admin, {
      name: '',
      level: 'city',
      regionCode: '4304',
      establishedOn: '2024-02-30',
      areaHectares: -1,
    });
    expect(shape.statusCode).toBe(400);
    expect(rejectedPaths(shape)).toEqual([
      'body.areaHectares',
      'body.establishedOn',
      'body.level',
      'body.name',
      'body.regionCode',
      'body.shortName',
    ]);
    const park = { name: '某园', shortName: '某园', level: 'provincial', regionCode: '430421' };
    const region = await send('POST', '/api/parks', admin, { ...park, regionCode: '999999' });
    expect(region.statusCode).toBe(400);
    expect(region.json().error.details).toEqual([{ path: 'body.regionCode', message: 'unknown region 999999' }]);
    const chains = await send('POST', '/api/parks', admin, { ...park, focusChainCodes: ['CH99'] }, 'en');
    expectRefusal(chains, 400, 'Chains CH99 do not exist');
    const dup = await send('POST', '/api/parks', admin, { ...park, shortName: '衡阳高新区' });
    expectRefusal(dup, 409, '衡阳高新区');
    expect(await countRows(t.database.db, 'parks')).toBe(before);
  });

  it('refuses to delete a park with firms, naming the count', async () => {
    const list = (await get('/api/parks?q=衡阳高新区', admin)).json();
    const res = await send('DELETE', `/api/parks/${list.items[0].id}`, admin);
    expectRefusal(res, 409, '该园区有 2 家企业，不能删除');
  });
});
