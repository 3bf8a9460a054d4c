import { describe, expect, it } from 'vitest';
import { rejectedPaths, useTestApp } from '../../test/app.js';
import { auditRows } from '../../test/factories/chains.js';

const t = useTestApp({ users: { admin: { role: 'admin' }, county: { role: 'county', scopes: [{ kind: 'region', ref: '430421' }] } } });
const { admin, county } = t.users;
const { get, send } = t;

describe('industries', () => {
  it('lists the ten industries with their chain counts', async () => {
    const body = (await get('/api/industries', county)).json();
    expect(body.total).toBe(10);
    expect(body.items.find((i: { code: string }) => i.code === 'E1').chainCount).toBeGreaterThan(0);
  });

  it('lets the admin create, edit and delete an unused industry, audited', async () => {
    const created = await send('POST', '/api/industries', admin, { code: 'Z9', group: '四新', name: '测试产业' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: 'Z9', group: '四新', name: '测试产业', chainCount: 0 });
    expect(created.json().sortOrder).toBeGreaterThan(10);
    const edited = await send('PATCH', '/api/industries/Z9', admin, { name: '测试产业二', group: '三色', sortOrder: 99 });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ code: 'Z9', group: '三色', name: '测试产业二', sortOrder: 99 });
    expect((await send('DELETE', '/api/industries/Z9', admin)).statusCode).toBe(200);
    expect((await send('DELETE', '/api/industries/Z9', admin)).statusCode).toBe(404);
    const audit = await auditRows(t.database.db, 'industry', 'Z9');
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
    expect(audit[1]).toMatchObject({
      before: { name: '测试产业', group: '四新' },
      after: { name: '测试产业二', group: '三色', sortOrder: 99 },
    });
  });

  it('refuses duplicates with 409, writing nothing', async () => {
    const list = (await get('/api/industries', admin)).json();
    const e1 = list.items.find((i: { code: string }) => i.code === 'E1');
    const code = await send('POST', '/api/industries', admin, { code: 'E1', group: '四新', name: '另一个产业' });
    expect(code.statusCode).toBe(409);
    expect(code.json().error.message).toContain('E1');
    const name = await send('POST', '/api/industries', admin, { code: 'Z8', group: '四新', name: e1.name });
    expect(name.statusCode).toBe(409);
    const other = list.items.find((i: { code: string }) => i.code !== 'E1');
    expect((await send('PATCH', `/api/industries/${other.code}`, admin, { name: e1.name })).statusCode).toBe(409);
    expect((await get('/api/industries', admin)).json().total).toBe(list.total);
  });

  it('refuses to delete an industry with chains, naming the count', async () => {
    const e1 = (await get('/api/industries', admin)).json().items.find((i: { code: string }) => i.code === 'E1');
    const res = await send('DELETE', '/api/industries/E1', admin);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain(`该产业下有 ${e1.chainCount} 条产业链，不能删除`);
    const en = await send('DELETE', '/api/industries/E1', admin, undefined, 'en');
    expect(en.json().error.message).toContain(`${e1.chainCount} chains belong to this industry`);
  });

  it('refuses non-admins and bad input with field paths', async () => {
    expect((await send('POST', '/api/industries', county, { code: 'Z7', group: '四新', name: '某产业' })).statusCode).toBe(403);
    expect((await send('PATCH', '/api/industries/E1', county, { name: '某产业' })).statusCode).toBe(403);
    expect((await send('DELETE', '/api/industries/E1', county)).statusCode).toBe(403);
    const bad = await send('POST', '/api/industries', admin, { code: 'x-1', group: '五新', name: '' });
    expect(bad.statusCode).toBe(400);
    expect(rejectedPaths(bad)).toEqual(['body.code', 'body.group', 'body.name']);
    const group = await send('PATCH', '/api/industries/E1', admin, { group: '五新' });
    expect(group.statusCode).toBe(400);
    expect(rejectedPaths(group)).toEqual(['body.group']);
  });
});
