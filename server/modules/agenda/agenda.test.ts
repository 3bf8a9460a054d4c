// The chain agenda (议题) on a hand-made set of CH02 tickets: three firms with 用地 problems at the
// 变压器及电抗器 node make one item counted 3; two firms whose tickets went to one department make
// another; a problem of one firm only makes none.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rejectedPaths, useTestApp, type Session } from '../../test/app.js';
import { fakeDateOn, LONG_SESSIONS } from '../../test/clock.js';
import { auditRows } from '../../test/factories/chains.js';
import { buildEnterprise } from '../../test/factories/enterprises.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { actOnTicket, fileTicket } from '../tickets/tickets.service.js';

const DAY = '2025-09-29';
const POWER = '国网衡阳供电公司';
const land: number[] = [];
const t = useTestApp({
  env: LONG_SESSIONS,
  data: async (db) => {
    const firms: string[] = [];
    for (let i = 0; i < 4; i++) firms.push((await buildEnterprise(db, { name: `议题测试企业${i}有限公司` })).uscc);
    const [a = '', b = '', c = '', d = ''] = firms;
    const file = async (uscc: string, category: 'land' | 'power' | 'finance', title: string) =>
      (await fileTicket(db, SYSTEM_ACTOR, { uscc, category, title, description: '议题测试' }, DAY)).id;
    /** 受理 and 交办 to a unit. */
    const assign = async (id: number, unit: string) => {
      await actOnTicket(db, SYSTEM_ACTOR, id, { action: 'accept', version: 1 }, DAY);
      await actOnTicket(db, SYSTEM_ACTOR, id, { action: 'assign', version: 2, leadUnit: unit }, DAY);
    };
    // Three firms (a has two tickets) with 用地 at xfmr; d alone with 融资; b and c with 用电 sent to the power company.
    land.push(
      await file(a, 'land', '二期用地指标'),
      await file(a, 'land', '用地红线调整'),
      await file(b, 'land', '厂房用地'),
      await file(c, 'land', '用地报批'),
    );
    await file(d, 'finance', '流动资金贷款');
    await assign(await file(b, 'power', '专变增容'), POWER);
    await assign(await file(c, 'power', '双回路供电'), POWER);
    // A closed or returned ticket counts no more: d's 用地 problem was sent back to it.
    const gone = await file(d, 'land', '不属于政府协调事项');
    await actOnTicket(db, SYSTEM_ACTOR, gone, { action: 'return_to_enterprise', version: 1, reason: '市场事项' }, DAY);
  },
  users: {
    office: { role: 'chain_office', scopes: [{ kind: 'chain', ref: 'CH02' }] },
    otherOffice: { role: 'chain_office', scopes: [{ kind: 'chain', ref: 'CH05' }] },
    chief: { role: 'chain_chief', scopes: [{ kind: 'chain', ref: 'CH02' }] },
    leader: { role: 'leader' },
    admin: { role: 'admin' },
    department: { role: 'department', scopes: [{ kind: 'department', ref: POWER }] },
  },
});
const s = t.users;

beforeAll(() => fakeDateOn(DAY));
afterAll(() => {
  vi.useRealTimers();
});

const get = (url: string, who: Session) => t.app.inject({ method: 'GET', url, headers: { ...who.headers, 'x-locale': 'zh-CN' } });
const send = (method: 'POST' | 'PUT', url: string, who: Session, payload: object) =>
  t.app.inject({ method, url, headers: { ...who.headers, 'x-locale': 'zh-CN' }, payload });

const LAND_AT_XFMR = { kind: 'category_node', category: 'land', department: null } as const;

describe('chain agenda (议题)', () => {
  it('groups open problems shared by at least two firms: 用地 at one node from 3 firms, one department for 2', async () => {
    const res = await get('/api/agenda?chain=CH02', s.office);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ chainCode: 'CH02', minFirms: 2, items: [], mayEdit: true });
    const shape = body.proposals.map(
      (p: { kind: string; category: string | null; nodeName: string | null; department: string | null; firms: number; tickets: number }) =>
        [p.kind, p.category, p.nodeName, p.department, p.firms, p.tickets].join(' '),
    );
    // Most firms first; between equals, by tickets, then 同类同环节 before 同一部门.
    expect(shape).toEqual([
      'category_node land 变压器及电抗器  3 4',
      'category_node power 变压器及电抗器  2 2',
      `department   ${POWER} 2 2`,
    ]);
    expect(body.proposals[0].ticketIds).toEqual(land);
  });

  it('follows the threshold setting: three firms leave only the 用地 item', async () => {
    expect((await send('PUT', '/api/agenda/settings', s.office, { minFirms: 3 })).statusCode).toBe(403);
    expect((await send('PUT', '/api/agenda/settings', s.admin, { minFirms: 3 })).json()).toEqual({ minFirms: 3 });
    const body = (await get('/api/agenda?chain=CH02', s.chief)).json();
    expect(body.proposals.map((p: { category: string }) => p.category)).toEqual(['land']);
    expect(body.mayEdit).toBe(false);
    await send('PUT', '/api/agenda/settings', s.admin, { minFirms: 2 });
  });

  it('puts an item on a meeting, tells the 链长, and the office marks it discussed then resolved', async () => {
    const proposal = (await get('/api/agenda?chain=CH02', s.office)).json().proposals[0];
    const past = await send('POST', '/api/agenda', s.office, {
      chainCode: 'CH02',
      ...LAND_AT_XFMR,
      nodeId: proposal.nodeId,
      meetingOn: '2025-09-28',
    });
    expect(past.statusCode).toBe(400);
    expect(rejectedPaths(past)).toEqual(['body.meetingOn']);
    expect(
      (
        await send('POST', '/api/agenda', s.otherOffice, {
          chainCode: 'CH02',
          ...LAND_AT_XFMR,
          nodeId: proposal.nodeId,
          meetingOn: '2025-10-15',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await send('POST', '/api/agenda', s.office, {
          chainCode: 'CH02',
          kind: 'department',
          category: null,
          nodeId: null,
          department: '市不存在局',
          meetingOn: '2025-10-15',
        })
      ).statusCode,
    ).toBe(409);
    const placed = await send('POST', '/api/agenda', s.office, {
      chainCode: 'CH02',
      ...LAND_AT_XFMR,
      nodeId: proposal.nodeId,
      meetingOn: '2025-10-15',
    });
    expect(placed.statusCode, placed.body).toBe(201);
    const item = placed.json();
    expect(item).toMatchObject({ status: 'scheduled', firms: 3, tickets: 4, meetingOn: '2025-10-15', nodeName: '变压器及电抗器' });
    expect(
      (
        await send('POST', '/api/agenda', s.office, {
          chainCode: 'CH02',
          ...LAND_AT_XFMR,
          nodeId: proposal.nodeId,
          meetingOn: '2025-10-16',
        })
      ).statusCode,
    ).toBe(409);

    const seen = (await get('/api/agenda?chain=CH02', s.chief)).json();
    expect(seen.items.map((i: { id: number }) => i.id)).toEqual([item.id]);
    expect(seen.proposals.map((p: { category: string | null }) => p.category)).not.toContain('land');
    const bell = (await get('/api/notifications?unread=true', s.chief)).json();
    expect(bell.items.map((n: { kind: string }) => n.kind)).toContain('agenda_scheduled');

    expect((await send('POST', `/api/agenda/${item.id}/status`, s.chief, { status: 'discussed', version: 1 })).statusCode).toBe(403);
    const discussed = await send('POST', `/api/agenda/${item.id}/status`, s.office, {
      status: 'discussed',
      note: '会议研究，自然资源局牵头',
      version: 1,
    });
    expect(discussed.json()).toMatchObject({ status: 'discussed', note: '会议研究，自然资源局牵头', version: 2 });
    const resolved = await send('POST', `/api/agenda/${item.id}/status`, s.office, { status: 'resolved', note: '指标已调剂', version: 2 });
    expect(resolved.json()).toMatchObject({ status: 'resolved' });
    const again = await send('POST', `/api/agenda/${item.id}/status`, s.office, { status: 'discussed', version: 3 });
    expect(again.statusCode).toBe(409);
    expect((await auditRows(t.database.db, 'agenda_item', String(item.id))).map((a) => a.action)).toEqual(['create', 'discuss', 'resolve']);
    // Resolved, the group is proposed again while its tickets stay open.
    expect((await get('/api/agenda?chain=CH02', s.office)).json().proposals[0]).toMatchObject({ category: 'land', firms: 3 });
  });

  it('shows the agenda to the chain’s roles and leaders only', async () => {
    expect((await get('/api/agenda?chain=CH02', s.leader)).statusCode).toBe(200);
    expect((await get('/api/agenda?chain=CH02', s.otherOffice)).statusCode).toBe(404);
    expect((await get('/api/agenda?chain=CH02', s.department)).statusCode).toBe(403);
  });
});
