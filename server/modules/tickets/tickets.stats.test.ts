// The statistics of a year over tickets driven through the services on chosen days, so every figure
// can be counted by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { buildEnterprise } from '../../test/factories/enterprises.js';
import { seedReferenceData } from '../demo/seed.js';
import { actOnTicket, fileTicket } from './tickets.service.js';
import { ticketStats } from './tickets.stats.js';

let t: TestApp;
let firm: string;
const actor = (role: Actor['role'], scopes: Actor['scopes']): Actor => ({
  id: crypto.randomUUID(),
  username: role,
  displayName: role,
  role,
  scopes,
  statsReviewer: false,
});

beforeAll(async () => {
  t = await createTestApp();
  await seedReferenceData(t.database.db);
  firm = (await buildEnterprise(t.database.db)).uscc;
});
afterAll(async () => t.close());

/** Files on `filed`, assigns to `unit` on the same day, answers on `answered`, rates and closes on `closed`. */
async function runTicket(spec: {
  filed: string;
  unit: string;
  answered?: string;
  rating?: number;
  closed?: string;
  category?: 'land' | 'power';
}) {
  const db = t.database.db;
  const unit = actor('department', [{ kind: 'department', ref: spec.unit }]);
  const enterprise = actor('enterprise', [{ kind: 'enterprise', ref: firm }]);
  let v = 1;
  const step = async (who: Actor, body: Record<string, unknown>, day: string) => {
    // action is one of the workflow's; the body is checked by the service's zod parse.
    await actOnTicket(db, who, id, { version: v, ...body } as Parameters<typeof actOnTicket>[3], day);
    v += 1;
  };
  const id = (
    await fileTicket(
      db,
      SYSTEM_ACTOR,
      { uscc: firm, category: spec.category ?? 'land', title: '统计', description: '统计测试' },
      spec.filed,
    )
  ).id;
  await step(SYSTEM_ACTOR, { action: 'accept' }, spec.filed);
  await step(SYSTEM_ACTOR, { action: 'assign', leadUnit: spec.unit }, spec.filed);
  await step(unit, { action: 'start' }, spec.filed);
  if (!spec.answered) return;
  await step(unit, { action: 'answer', answer: '已办' }, spec.answered);
  if (!spec.closed || !spec.rating) return;
  await step(enterprise, { action: 'rate', rating: spec.rating }, spec.closed);
  await step(SYSTEM_ACTOR, { action: 'close' }, spec.closed);
}

describe('ticket statistics', () => {
  it('counts received, closed, on time, working days and satisfaction, by unit, category and month', async () => {
    // A: filed Mon 1 Sep 2025, due 15 Sep (10 working days), answered 12 Sep, closed 15 Sep: on time, 10 working days, rated 5.
    await runTicket({ filed: '2025-09-01', unit: '甲局', answered: '2025-09-12', rating: 5, closed: '2025-09-15' });
    // B: filed 1 Sep, due 15 Sep, answered 17 Sep, closed 19 Sep: late, 14 working days, rated 3.
    await runTicket({ filed: '2025-09-01', unit: '乙局', answered: '2025-09-17', rating: 3, closed: '2025-09-19', category: 'power' });
    // C: filed 30 Sep, due 21 October (across the National Day), answered 21 Oct, closed 22 Oct: on time;
    // 9, 10, 11 (Sat), 13–17, 20, 21, 22 Oct = 11 working days; rated 4.
    await runTicket({ filed: '2025-09-30', unit: '甲局', answered: '2025-10-21', rating: 4, closed: '2025-10-22' });
    // D: filed 3 Nov, still in work (due 17 Nov): received, open.
    await runTicket({ filed: '2025-11-03', unit: '乙局' });
    // E: filed in 2024, closed in 2024: not in 2025's figures.
    await runTicket({ filed: '2024-06-03', unit: '甲局', answered: '2024-06-05', rating: 5, closed: '2024-06-06' });

    const stats = await ticketStats(t.database.db, SYSTEM_ACTOR, 2025, '2025-12-01');
    expect({
      year: stats.year,
      received: stats.received,
      closed: stats.closed,
      onTimeRate: stats.onTimeRate,
      avgWorkingDays: stats.avgWorkingDays,
      satisfaction: stats.satisfaction,
    }).toEqual({
      year: 2025,
      received: 4,
      closed: 3,
      // A and C of A, B, C.
      onTimeRate: 0.6667,
      // (10 + 14 + 11) / 3 = 11.67.
      avgWorkingDays: 11.7,
      // 5 and 4 of 5, 3, 4.
      satisfaction: 0.6667,
    });
    // The league: 甲局 2 of 2 on time; 乙局 0 of 1, with D overdue since 17 November (and B late).
    expect(
      stats.byUnit.map((u) => [u.key, u.received, u.closed, u.onTimeRate, u.avgWorkingDays, u.satisfaction, u.open, u.overdue]),
    ).toEqual([
      ['甲局', 2, 2, 1, 10.5, 1, 0, 0],
      ['乙局', 2, 1, 0, 14, 0, 1, 2],
    ]);
    // A, C, D are 用地; B 用电.
    expect(stats.byCategory.map((c) => [c.key, c.received, c.closed])).toEqual([
      ['land', 3, 2],
      ['power', 1, 1],
    ]);
    expect(stats.byChain.map((c) => [c.key, c.label, c.received])).toEqual([['CH02', expect.any(String), 4]]);
    expect(stats.byMonth).toHaveLength(12);
    expect(stats.byMonth.map((m) => `${m.key}:${m.received}/${m.closed}`).filter((m) => !m.endsWith(':0/0'))).toEqual([
      '2025-09:3/2',
      '2025-10:0/1',
      '2025-11:1/0',
    ]);
    expect((await ticketStats(t.database.db, SYSTEM_ACTOR, 2024, '2025-12-01')).closed).toBe(1);
    expect(await ticketStats(t.database.db, SYSTEM_ACTOR, 2019, '2025-12-01')).toMatchObject({
      received: 0,
      closed: 0,
      onTimeRate: null,
      avgWorkingDays: null,
      satisfaction: null,
    });
  });
});
