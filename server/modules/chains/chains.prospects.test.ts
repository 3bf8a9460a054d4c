import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { makeUscc } from '../../../shared/uscc.js';
import { rejectedPaths, useTestApp } from '../../test/app.js';

const t = useTestApp({
  users: {
    admin: { role: 'admin' },
    office02: { role: 'chain_office', scopes: [{ kind: 'chain', ref: 'CH02' }] },
    chief02: { role: 'chain_chief', scopes: [{ kind: 'chain', ref: 'CH02' }] },
    office05: { role: 'chain_office', scopes: [{ kind: 'chain', ref: 'CH05' }] },
    leader: { role: 'leader' },
    county: { role: 'county', scopes: [{ kind: 'region', ref: '430421' }] },
  },
});

async function count(table: 'chain_prospects' | 'chain_research' | 'projects'): Promise<number> {
  const result = await t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`);
  return result.rows[0]?.n ?? -1;
}

const target = { nodeKey: 'xfmr', name: '示例远方变压器有限公司', location: '江苏省常州市', products: '干式变压器', source: '链主推荐' };

describe('招商目标企业清单', () => {
  it('the chain office adds a target on a node; its chief and the leader read it, the node filter narrows it', async () => {
    const { office02, chief02, leader } = t.users;
    const uscc = makeUscc('9132040000000001');
    const res = await t.send('POST', '/api/chains/CH02/prospects', office02, { ...target, uscc });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ chainCode: 'CH02', nodeKey: 'xfmr', name: target.name, uscc, projectId: null, version: 1 });
    const id = res.json().id;
    expect((await t.read('/api/chains/CH02/prospects', chief02)).items.map((p: { id: number }) => p.id)).toContain(id);
    expect((await t.read('/api/chains/CH02/prospects?node=xfmr', leader)).items.map((p: { id: number }) => p.id)).toContain(id);
    const edited = await t.send('PATCH', `/api/chains/CH02/prospects/${id}`, office02, { note: '已电话联系', version: 1 });
    expect(edited.json()).toMatchObject({ note: '已电话联系', version: 2 });
    const stale = await t.send('DELETE', `/api/chains/CH02/prospects/${id}?version=1`, office02);
    expect(stale.statusCode).toBe(409);
    expect((await t.send('DELETE', `/api/chains/CH02/prospects/${id}?version=2`, office02)).statusCode).toBe(200);
  });

  it('refuses an invalid USCC or an unknown node and saves nothing', async () => {
    const before = await count('chain_prospects');
    const valid = makeUscc('9132040000000002');
    const wrongCheck = valid.slice(0, 17) + (valid.endsWith('0') ? '1' : '0');
    const bad = await t.send('POST', '/api/chains/CH02/prospects', t.users.office02, { ...target, uscc: wrongCheck });
    expect(bad.statusCode).toBe(400);
    expect(rejectedPaths(bad)).toEqual(['body.uscc']);
    expect(bad.json().error.message).toContain('统一社会信用代码无效');
    const unknownNode = await t.send('POST', '/api/chains/CH02/prospects', t.users.office02, { ...target, nodeKey: 'nosuchnode' });
    expect(rejectedPaths(unknownNode)).toEqual(['body.nodeKey']);
    expect(await count('chain_prospects')).toBe(before);
  });

  it('keeps to the scope: other chain offices get 404, the chief and the leader may not write, a county may not read', async () => {
    const { office02, office05, chief02, leader, county } = t.users;
    const made = (await t.send('POST', '/api/chains/CH02/prospects', office02, target)).json();
    expect((await t.get('/api/chains/CH02/prospects', office05)).statusCode).toBe(404);
    expect((await t.send('PATCH', `/api/chains/CH02/prospects/${made.id}`, office05, { note: 'x' })).statusCode).toBe(404);
    expect((await t.send('POST', '/api/chains/CH02/prospects', chief02, target)).statusCode).toBe(403);
    expect((await t.send('POST', '/api/chains/CH02/prospects', leader, target)).statusCode).toBe(403);
    expect((await t.get('/api/chains/CH02/prospects', county)).statusCode).toBe(403);
    expect((await t.send('POST', `/api/chains/CH02/prospects/${made.id}/convert`, office05, { regionCode: '430421' })).statusCode).toBe(
      404,
    );
  });

  it('转为招商线索 makes exactly one lead on the chain and node and refuses a second conversion', async () => {
    const { office02 } = t.users;
    const made = (await t.send('POST', '/api/chains/CH02/prospects', office02, target)).json();
    const projectsBefore = await count('projects');
    const res = await t.send('POST', `/api/chains/CH02/prospects/${made.id}/convert`, office02, { regionCode: '430421' });
    expect(res.statusCode, res.body).toBe(201);
    const { projectId, prospect } = res.json();
    expect(prospect.projectId).toBe(projectId);
    expect(await count('projects')).toBe(projectsBefore + 1);
    const project = await t.read(`/api/projects/${projectId}`, office02);
    expect(project).toMatchObject({ name: target.name, stage: 'lead', chainCode: 'CH02', nodeKey: 'xfmr', regionCode: '430421' });
    expect(project.notes).toContain('干式变压器');
    const again = await t.send('POST', `/api/chains/CH02/prospects/${made.id}/convert`, office02, { regionCode: '430421' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('已转为招商线索');
    expect(await count('projects')).toBe(projectsBefore + 1);
  });
});

describe('可转化科技成果清单', () => {
  it('the chain office records, edits and deletes a result on a node', async () => {
    const { office02, chief02 } = t.users;
    const res = await t.send('POST', '/api/chains/CH02/research', office02, {
      nodeKey: 'xfmr',
      title: '示例非晶合金铁芯工艺',
      holder: '示例理工大学',
      holderKind: 'university',
      field: '材料',
      maturity: 'pilot',
      contact: '张老师',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ nodeKey: 'xfmr', holderKind: 'university', maturity: 'pilot', transferStatus: 'open' });
    const id = res.json().id;
    const edited = await t.send('PATCH', `/api/chains/CH02/research/${id}`, office02, { transferStatus: 'negotiating' });
    expect(edited.json().transferStatus).toBe('negotiating');
    expect((await t.read('/api/chains/CH02/research', chief02)).items).toHaveLength(1);
    expect((await t.send('DELETE', `/api/chains/CH02/research/${id}`, office02)).statusCode).toBe(200);
    expect(await count('chain_research')).toBe(0);
  });
});
