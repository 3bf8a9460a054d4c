import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { countRows } from '../../test/factories/common.js';
import { chainNodeEdges, chainNodes } from '../../db/schema.js';
import { fromDatabaseError } from '../../lib/errors.js';
import { rejectedPaths, useTestApp } from '../../test/app.js';
import { auditRows, buildFirm } from '../../test/factories/chains.js';

const t = useTestApp({
  data: async (db) => {
    await buildFirm(db, { nodes: ['CH02:xfmr'], aboveScaleYears: [2024] });
    await buildFirm(db, { nodes: ['CH02:xfmr', 'CH02:switch'], aboveScaleYears: [2024] });
    await buildFirm(db, { nodes: ['CH04:cu', 'CH02:xfmr'] });
  },
  users: {
    admin: { role: 'admin' },
    leader: { role: 'leader' },
    chiefCh02: { role: 'chain_chief', scopes: [{ kind: 'chain', ref: 'CH02' }] },
  },
});
const { admin, leader, chiefCh02 } = t.users;
const { send } = t;

async function nodeIds(chainCode: string, key: string): Promise<number> {
  const [node] = await t.database.db
    .select()
    .from(chainNodes)
    .where(and(eq(chainNodes.chainCode, chainCode), eq(chainNodes.key, key)));
  return node!.id;
}

describe('chain nodes', () => {
  it('lets the chain chief add, edit and delete a node of its chain, audited', async () => {
    const created = await send('POST', '/api/chains/CH02/nodes', chiefCh02, {
      key: 'storage',
      name: '储能变流设备',
      stage: 'downstream',
      gbt4754: ['3824'],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ key: 'storage', stage: 'downstream', gbt4754: ['3824'], sortOrder: 11 });
    const edited = await send('PATCH', '/api/chains/CH02/nodes/storage', chiefCh02, { name: '储能设备', gbt4754: ['3824', '3849'] });
    expect(edited.json()).toMatchObject({ key: 'storage', name: '储能设备', gbt4754: ['3824', '3849'] });
    const detail = (await t.app.inject({ method: 'GET', url: '/api/chains/CH02', headers: admin.headers })).json();
    expect(detail.nodeCount).toBe(11);
    expect(detail.nodes.find((n: { key: string }) => n.key === 'storage')).toMatchObject({ status: 'missing', enterpriseCount: 0 });
    expect((await send('DELETE', '/api/chains/CH02/nodes/storage', chiefCh02)).statusCode).toBe(200);
    const audit = await auditRows(t.database.db, 'chain_node', 'CH02:storage');
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
    expect(audit[1]).toMatchObject({ before: { name: '储能变流设备' }, after: { name: '储能设备' } });
  });

  it('refuses to delete a node with firms, naming the count, in Chinese and English', async () => {
    const zh = await send('DELETE', '/api/chains/CH02/nodes/xfmr', admin);
    expect(zh.statusCode).toBe(409);
    expect(zh.json().error.message).toContain('该环节有 3 家企业，不能删除');
    const en = await send('DELETE', '/api/chains/CH02/nodes/xfmr', admin, undefined, 'en');
    expect(en.json().error.message).toBe('3 enterprises are attached; detach them first');
    expect(await auditRows(t.database.db, 'chain_node', 'CH02:xfmr')).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/chains/CH02', headers: admin.headers })).json().nodeCount).toBe(10);
  });

  it('refuses a duplicate key (409), bad fields with their paths (400), other chains (404, as if unknown), writing nothing', async () => {
    const before = await countRows(t.database.db, 'chain_nodes');
    const dup = await send('POST', '/api/chains/CH02/nodes', admin, { key: 'cu', name: '铜', stage: 'upstream' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toContain('已有环节 cu');
    const bad = await send('POST', '/api/chains/CH02/nodes', admin, { key: 'Bad Key', stage: 'top', gbt4754: ['38a'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    expect(rejectedPaths(bad)).toEqual(['body.gbt4754.0', 'body.key', 'body.name', 'body.stage']);
    expect((await send('POST', '/api/chains/CH04/nodes', chiefCh02, { key: 'x1', name: '某环节', stage: 'upstream' })).statusCode).toBe(
      404,
    );
    expect((await send('POST', '/api/chains/CH02/nodes', leader, { key: 'x1', name: '某环节', stage: 'upstream' })).statusCode).toBe(403);
    expect((await send('POST', '/api/chains/CH99/nodes', admin, { key: 'x1', name: '某环节', stage: 'upstream' })).statusCode).toBe(404);
    expect((await send('PATCH', '/api/chains/CH02/nodes/nosuch', admin, { name: '某环节' })).statusCode).toBe(404);
    expect(await countRows(t.database.db, 'chain_nodes')).toBe(before);
  });
});

describe('chain edges', () => {
  it('adds and removes an edge by node keys, audited', async () => {
    const added = await send('POST', '/api/chains/CH02/edges', admin, { from: 'pe', to: 'uhv' });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toEqual({ from: 'pe', to: 'uhv' });
    const detail = (await t.app.inject({ method: 'GET', url: '/api/chains/CH02', headers: admin.headers })).json();
    expect(detail.edges).toContainEqual({ from: 'pe', to: 'uhv' });
    expect((await send('DELETE', '/api/chains/CH02/edges/pe/uhv', chiefCh02)).statusCode).toBe(200);
    expect((await send('DELETE', '/api/chains/CH02/edges/pe/uhv', chiefCh02)).statusCode).toBe(404);
    const audit = await auditRows(t.database.db, 'chain_edge', 'CH02:pe->uhv');
    expect(audit.map((a) => a.action)).toEqual(['create', 'delete']);
  });

  it('refuses an edge to a node of another chain with a clear message and writes nothing', async () => {
    const before = await countRows(t.database.db, 'chain_node_edges');
    const res = await send('POST', '/api/chains/CH02/edges', admin, { from: 'cu', to: 'CH04:cuproc' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('不属于同一条产业链');
    expect(res.json().error.details).toEqual([{ path: 'body.to', message: 'node of another chain' }]);
    const en = await send('POST', '/api/chains/CH02/edges', admin, { from: 'CH04:cu', to: 'xfmr' }, 'en');
    expect(en.json().error.message).toContain('belong to different chains');
    expect(await countRows(t.database.db, 'chain_node_edges')).toBe(before);
  });

  it('is refused by the database too (composite foreign key), mapped to a clear error', async () => {
    const from = await nodeIds('CH02', 'cu');
    const to = await nodeIds('CH04', 'cuproc');
    let caught: unknown;
    try {
      await t.database.db.transaction(async (tx) => {
        await tx.insert(chainNodeEdges).values({ chainCode: 'CH02', fromNodeId: from, toNodeId: to });
      });
    } catch (err) {
      caught = err;
    }
    const mapped = fromDatabaseError(caught);
    expect(mapped?.code).toBe('validation_failed');
    expect(mapped?.details).toEqual({ constraint: 'chain_node_edges_to_fkey' });
    expect(mapped?.localized('zh-CN')).toContain('必须属于同一条产业链');
  });

  it('refuses a self edge, a duplicate and a cycle (chains run upstream to downstream)', async () => {
    const before = await countRows(t.database.db, 'chain_node_edges');
    const self = await send('POST', '/api/chains/CH02/edges', admin, { from: 'cu', to: 'cu' });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.message).toContain('不能指向自身');
    const dup = await send('POST', '/api/chains/CH02/edges', admin, { from: 'cu', to: 'xfmr' });
    expect(dup.statusCode).toBe(409);
    // cu → xfmr → uhv exists, so uhv → cu would close a loop.
    const cycle = await send('POST', '/api/chains/CH02/edges', admin, { from: 'uhv', to: 'cu' });
    expect(cycle.statusCode).toBe(409);
    expect(cycle.json().error.message).toContain('会形成环路');
    const unknown = await send('POST', '/api/chains/CH02/edges', admin, { from: 'cu', to: 'nosuch' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([{ path: 'body.to', message: 'no node CH02:nosuch' }]);
    const malformed = await send('POST', '/api/chains/CH02/edges', admin, { from: 'Cu!' });
    expect(rejectedPaths(malformed)).toEqual(['body.from', 'body.to']);
    expect(await countRows(t.database.db, 'chain_node_edges')).toBe(before);
  });

  it('deletes a node with its edges when no firm is attached', async () => {
    const edgesBefore = await countRows(t.database.db, 'chain_node_edges');
    // 电力电子元器件 (pe) feeds grid only and has no firm.
    expect((await send('DELETE', '/api/chains/CH02/nodes/pe', admin)).statusCode).toBe(200);
    expect(await countRows(t.database.db, 'chain_node_edges')).toBe(edgesBefore - 1);
    const [audit] = await auditRows(t.database.db, 'chain_node', 'CH02:pe');
    expect(audit?.before).toMatchObject({ key: 'pe', edges: [{ from: 'pe', to: 'grid' }] });
  });
});
