// The home page (工作台) of each demo account on the seeded Hengyang demo, on 2026-11-20: after the
// 2026-10 reporting deadline (11-10), with 2026-10 in review (its unit slip, three firms not
// reported) and 2026-09 the latest published month.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TodoItem, WorkspaceResponse } from '../../../shared/contracts/workspace.js';
import type { WarningsResponse } from '../../../shared/contracts/warnings.js';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/app.js';
import { fakeDateOn, LONG_SESSIONS, onShanghaiDay } from '../../test/clock.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { createDemoAccounts, DEMO_COUNTY } from '../demo/demo-accounts.js';

const PASSWORD = 'demo-test-password-1';
const ACCOUNTS = ['leader', 'reviewer', 'chief', 'office', 'dept', 'park', 'county', 'enterprise'] as const;
type Account = (typeof ACCOUNTS)[number];

let t: TestApp;
const sessions = {} as Record<Account, Session>;
const homes = {} as Record<Account, WorkspaceResponse>;

async function read<T>(account: Account, url: string): Promise<T> {
  const res = await t.app.inject({ method: 'GET', url, headers: sessions[account].headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
}

const kindsOf = (account: Account) => homes[account].todos.map((i) => i.kind);
const itemOf = (account: Account, kind: TodoItem['kind']) => homes[account].todos.find((i) => i.kind === kind);

beforeAll(async () => {
  fakeDateOn('2026-11-20');
  t = await createTestApp(LONG_SESSIONS, { demo: true });
  await createDemoAccounts(t.database.db, SYSTEM_ACTOR, PASSWORD);
  for (const account of ACCOUNTS) {
    sessions[account] = await loginAs(t.app, `demo-${account}`, PASSWORD);
    homes[account] = await read<WorkspaceResponse>(account, '/api/workspace');
  }
}, 600_000);
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

describe('the to-do lists of the demo accounts', () => {
  it('gives the statistics reviewer 2026-10 to review and publish, its warnings and its three firms not reported', () => {
    expect(itemOf('reviewer', 'period_review')).toMatchObject({ count: 1, params: { period: '2026-10' }, path: '/periods?period=2026-10' });
    expect(itemOf('reviewer', 'not_reported')).toMatchObject({
      count: 3,
      params: { period: '2026-10', date: '2026-11-10' },
      overdue: true,
      path: '/warnings?period=2026-10&kind=not_reported',
    });
    expect(itemOf('reviewer', 'warnings_open')?.params.period).toBe('2026-10');
    // The leader without the reviewer flag publishes nothing and reads the published 2026-09.
    expect(kindsOf('leader')).not.toContain('period_review');
    expect(itemOf('leader', 'warnings_open')?.params.period).toBe('2026-09');
  });

  it('gives the chain chief and office of CH02 the meeting agenda of 2026-11-20 and their red tickets', () => {
    for (const account of ['chief', 'office'] as const) {
      expect(itemOf(account, 'agenda_scheduled')).toMatchObject({
        count: 1,
        params: { chain: '输变电装备产业链', date: '2026-11-20' },
        path: '/problems/agenda?chain=CH02',
      });
      expect(itemOf(account, 'tickets_overdue')?.count).toBeGreaterThan(0);
    }
    expect(kindsOf('office')).not.toContain('period_review');
  });

  it('gives the department the problems and tasks assigned to it, and no project or figures items', () => {
    expect(kindsOf('dept')).toEqual(['tickets_to_handle', 'tasks_open']);
    expect(homes.dept.keyFigures).toBeNull();
  });

  it('counts a county’s items inside its area only', async () => {
    // The leader's 预警 list narrowed to 衡阳县 holds exactly the county's own count.
    const narrowed = await read<WarningsResponse>('leader', `/api/warnings?period=2026-09&region=${DEMO_COUNTY}&pageSize=500`);
    const undisposed = narrowed.items.filter((i) => i.kind !== 'not_reported' && i.disposition === null);
    expect(itemOf('county', 'warnings_open')?.count).toBe(undisposed.length);
    for (const kind of ['tickets_overdue', 'project_warnings', 'warnings_open'] as const) {
      const county = itemOf('county', kind)?.count ?? 0;
      expect(county, kind).toBeGreaterThan(0);
      expect(county, kind).toBeLessThan(itemOf('leader', kind)?.count ?? 0);
    }
  });

  it('links every item to a page of the app with a positive count', () => {
    for (const account of ACCOUNTS) {
      for (const item of homes[account].todos) {
        expect(item.path, `${account} ${item.kind}`).toMatch(/^\/[a-z]/);
        expect(item.count).toBeGreaterThan(0);
        expect(item.params.count).toBe(item.count);
      }
    }
  });
});

describe('the key figures', () => {
  it('state the published month, its months, unit and as-of time, over the caller’s scope', () => {
    const city = homes.leader.keyFigures;
    expect(city).toMatchObject({ period: '2026-09', months: { from: '2026-01', to: '2026-09' }, status: 'published', unit: '元' });
    expect(city?.asOf).not.toBeNull();
    expect(city?.items.map((i) => i.key)).toEqual(['output', 'growth', 'firms', 'chains', 'double_digit']);
    expect(city?.items.find((i) => i.key === 'chains')?.value).toBe(15);
    // A chain chief's one chain is a figure, not a ranking of one.
    const chain = homes.chief.keyFigures;
    expect(chain?.items.map((i) => i.key)).toEqual(['output', 'growth', 'firms']);
    const value = (account: Account, key: string) => homes[account].keyFigures?.items.find((i) => i.key === key)?.value ?? 0;
    for (const account of ['chief', 'park', 'county'] as const) {
      expect(value(account, 'output'), account).toBeGreaterThan(0);
      expect(value(account, 'output'), account).toBeLessThan(value('leader', 'output'));
      expect(value(account, 'firms'), account).toBeLessThan(value('leader', 'firms'));
    }
  });
});

describe('the enterprise home', () => {
  it('shows its own 2026-10 report, the deadline and its last six months; nothing to do', () => {
    const home = homes.enterprise;
    expect(home.enterprise).toMatchObject({ reportPeriod: '2026-10', dueDate: '2026-11-10', reported: true, deadlinePassed: true });
    expect(home.enterprise?.recentMonths.map((m) => m.period)).toEqual(['2026-10', '2026-09', '2026-08', '2026-07', '2026-06', '2026-05']);
    expect(home.enterprise?.recentMonths.every((m) => m.grossOutput !== null && m.grossOutput > 0)).toBe(true);
    expect(home.keyFigures).toBeNull();
    expect(home.todos).toEqual([]);
    expect(homes.leader.enterprise).toBeNull();
  });

  it('asks it to report 2026-11 in December, due 2026-12-10, not overdue yet', async () => {
    onShanghaiDay('2026-12-04');
    const home = await read<WorkspaceResponse>('enterprise', '/api/workspace');
    onShanghaiDay('2026-11-20');
    expect(home.enterprise).toMatchObject({ reportPeriod: '2026-11', dueDate: '2026-12-10', reported: false, deadlinePassed: false });
    expect(home.todos[0]).toMatchObject({
      kind: 'report_month',
      params: { period: '2026-11', date: '2026-12-10' },
      overdue: false,
      path: `/figures/${home.enterprise?.uscc}`,
    });
  });
});

describe('the monthly briefs waiting for the reviewer', () => {
  it('lists a chain brief the office submitted as one to review, then as one to publish once reviewed', async () => {
    const send = async (account: Account, url: string, payload: object) => {
      const res = await t.app.inject({ method: 'POST', url, headers: sessions[account].headers, payload });
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json<{ id: number; version: number }>();
    };
    const home = async (account: Account) => read<WorkspaceResponse>(account, '/api/workspace');
    expect((await home('reviewer')).todos.map((i) => i.kind)).not.toContain('briefs_to_review');

    const draft = await send('office', '/api/briefs', { period: '2026-09', kind: 'chain', chainCode: 'CH02' });
    const submitted = await send('office', `/api/briefs/${draft.id}/actions`, { action: 'submit', version: draft.version });
    const waiting = (await home('reviewer')).todos.find((i) => i.kind === 'briefs_to_review');
    expect(waiting).toMatchObject({ count: 1, path: '/reports?status=submitted' });
    // The office that wrote it and the leader without the reviewer flag have nothing to review.
    expect((await home('office')).todos.map((i) => i.kind)).not.toContain('briefs_to_review');
    expect((await home('leader')).todos.map((i) => i.kind)).not.toContain('briefs_to_review');

    await send('reviewer', `/api/briefs/${draft.id}/actions`, { action: 'review', version: submitted.version });
    const after = (await home('reviewer')).todos;
    expect(after.map((i) => i.kind)).not.toContain('briefs_to_review');
    expect(after.find((i) => i.kind === 'briefs_to_publish')).toMatchObject({ count: 1, path: '/reports?status=reviewed' });
  });
});
