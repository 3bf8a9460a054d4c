import { describe, expect, it } from 'vitest';
import { makeUscc } from '../../../shared/uscc.js';
import { rejectedPaths, useTestApp, type Session } from '../../test/app.js';

const t = useTestApp({
  users: {
    admin: { role: 'admin' },
    office: { role: 'chain_office', scopes: [{ kind: 'chain', ref: 'CH02' }] },
    office2: { role: 'chain_office', scopes: [{ kind: 'chain', ref: 'CH02' }] },
    leader: { role: 'leader' },
  },
});

const get = (url: string, s: Session) => t.app.inject({ method: 'GET', url, headers: s.headers });
const send = (method: 'POST' | 'PATCH' | 'PUT', url: string, s: Session, payload: object) =>
  t.app.inject({ method, url, headers: s.headers, payload });

async function createLead(changes: object = {}): Promise<number> {
  const res = await send('POST', '/api/projects', t.users.office, {
    name: '示例设置项目',
    channel: 'chain_chief',
    chainCode: 'CH02',
    regionCode: '430421',
    leadDate: '2024-01-10',
    ...changes,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

describe('projects: settings, the major-list threshold and the amount-increase flag', () => {
  it('puts on the major list only a project whose planned investment reaches the threshold the admin sets', async () => {
    expect((await get('/api/projects/settings', t.users.leader)).json().settings).toEqual({
      majorThreshold: 100_000_000,
      amountIncreaseRatio: 0.3,
    });
    const small = await createLead({ plannedInvestment: 80_000_000 });
    const refused = await send('PUT', `/api/projects/${small}/major/2024`, t.users.office, { annualPlan: 10_000_000 });
    expect(refused.statusCode).toBe(400);
    expect(rejectedPaths(refused)).toEqual(['params.id']);
    expect(refused.json().error.message).toContain('0.8');

    expect(
      (await send('PUT', '/api/projects/settings', t.users.office, { majorThreshold: 50_000_000, amountIncreaseRatio: 0.3 })).statusCode,
    ).toBe(403);
    const set = await send('PUT', '/api/projects/settings', t.users.admin, { majorThreshold: 50_000_000, amountIncreaseRatio: 0.3 });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().settings.majorThreshold).toBe(50_000_000);
    expect((await send('PUT', `/api/projects/${small}/major/2024`, t.users.office, { annualPlan: 10_000_000 })).statusCode).toBe(200);
    const audit = await get('/api/audit?entity=app_settings', t.users.admin);
    expect(audit.body).toContain('projects');
    await send('PUT', '/api/projects/settings', t.users.admin, { majorThreshold: 100_000_000, amountIncreaseRatio: 0.3 });
  });

  it('keeps every amount change and flags an increase above the ratio', async () => {
    const id = await createLead({ signedAmount: 100_000_000 });
    const patch = (signedAmount: number) => send('PATCH', `/api/projects/${id}`, t.users.office, { signedAmount });
    expect((await patch(120_000_000)).statusCode).toBe(200);
    const raised = await patch(200_000_000);
    expect(raised.statusCode).toBe(200);
    const detail = raised.json();
    expect(detail.amountChanges.map((c: { before: number; after: number; flagged: boolean }) => [c.before, c.after, c.flagged])).toEqual([
      [100_000_000, 120_000_000, false],
      [120_000_000, 200_000_000, true],
    ]);
    expect(detail.warnings.join('')).toContain('30%');
  });
});

describe('projects: the list by chain node', () => {
  it('lists the leads filed on one node of a chain', async () => {
    const onNode = await createLead({ name: '示例节点线索', nodeKey: 'xfmr' });
    await createLead({ name: '示例无节点线索' });
    const res = await get('/api/projects?chain=CH02&node=xfmr', t.users.office);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((p: { id: number }) => p.id)).toContain(onNode);
    expect(res.json().items.every((p: { nodeKey: string }) => p.nodeKey === 'xfmr')).toBe(true);
    expect(res.json().total).toBe(res.json().items.length);
  });
});

describe('investors: editing', () => {
  it('lets the owner edit (USCC checked, audited) and refuses another writer, who sees the contacts masked', async () => {
    const uscc = makeUscc('91430400MA4L1234');
    const created = await send('POST', '/api/investors', t.users.office, {
      kind: 'company',
      name: '示例客商有限公司',
      uscc,
      contactName: '王小明',
      contactPhone: '13812345678',
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id, version } = created.json();
    const bad = await send('PUT', `/api/investors/${id}`, t.users.office, {
      kind: 'company',
      name: '示例客商有限公司',
      uscc: '91430400MA4L12340X',
    });
    expect(bad.statusCode).toBe(400);
    const edited = await send('PUT', `/api/investors/${id}`, t.users.office, {
      kind: 'company',
      name: '示例客商（衡阳）有限公司',
      uscc,
      origin: '深圳',
      contactName: '王小明',
      contactPhone: '13812345678',
      version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      name: '示例客商（衡阳）有限公司',
      origin: '深圳',
      contactPhone: '13812345678',
      masked: false,
      version: version + 1,
    });
    const stale = await send('PUT', `/api/investors/${id}`, t.users.office, { kind: 'company', name: '旧', version });
    expect(stale.statusCode).toBe(409);

    const other = await get('/api/investors?q=示例客商', t.users.office2);
    expect(other.json().items[0]).toMatchObject({ contactName: '王**', contactPhone: '138****5678', masked: true });
    expect((await send('PUT', `/api/investors/${id}`, t.users.office2, { kind: 'company', name: '改名' })).statusCode).toBe(403);
  });
});
