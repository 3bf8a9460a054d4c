// The web menu's access table (shared/modules.ts) against the API: for each module, its main list is
// called as each of the eight roles of the authorisation matrix, and the roles answered 200 must be
// exactly the table's. So the menu never offers a page whose data the policy refuses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_MODULES, canOpenModule, MODULE_ACCESS, type AppModule } from '../../shared/modules.js';
import { ROLES, type Role } from '../../shared/roles.js';
import { loginAs, type TestApp } from './app.js';
import { startAuthzApp, MATRIX_PERIOD, type AuthzFixture } from './authz-fixture.js';
import { buildUser, TEST_PASSWORD } from './factories/common.js';

let t: TestApp;
let fx: AuthzFixture;

beforeAll(async () => {
  ({ t, fx } = await startAuthzApp());
});
afterAll(async () => t.close());

/**
 * The request each module's page makes first (its main list), inside the caller's scope. null: the
 * module is not built yet (no menu item, no page); its row here comes with its routes.
 */
const MAIN_LIST: Record<AppModule, ((fx: AuthzFixture) => string) | null> = {
  monitoring: () => `/api/monitoring/chains?period=${MATRIX_PERIOD}&range=month`,
  chains: () => '/api/chains',
  enterprises: () => '/api/enterprises',
  warnings: () => `/api/warnings?period=${MATRIX_PERIOD}`,
  // 数据填报 opens one firm's months (an enterprise its own; the others look a firm up in their scope).
  figures: (f) => `/api/figures/${f.firm.in.uscc}?year=2025`,
  periods: () => `/api/periods/${MATRIX_PERIOD}`,
  investment: () => '/api/projects',
  projects: () => '/api/projects/major?year=2025',
  parks: () => '/api/parks',
  regions: () => '/api/regions',
  industries: () => '/api/industries',
  problems: () => '/api/tickets',
  supervision: () => '/api/supervision/tasks',
  assessment: () => '/api/assessment/schemes',
  reports: () => '/api/briefs',
  users: () => '/api/users',
  audit: () => '/api/audit',
  briefTemplates: () => '/api/briefs/templates',
  // The working-day counts are read by everyone (deadlines); the page edits the years, which is the admin's.
  calendar: () => '/api/calendar/years/2025',
};

/** A page that edits what everyone reads: its first write with an empty body answers 400 to whoever may write, 403 to the others. */
const PAGE_WRITE: Partial<Record<AppModule, { method: 'PUT'; url: string; okStatus: number }>> = {
  calendar: { method: 'PUT', url: '/api/calendar/years/2025', okStatus: 400 },
  // Every brief author reads the templates; the page edits them, which is the admin's.
  briefTemplates: { method: 'PUT', url: '/api/briefs/templates', okStatus: 400 },
};

async function statusOf(module: AppModule, role: Role, session = fx.sessions[role]): Promise<number> {
  const write = PAGE_WRITE[module];
  const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf };
  if (write) {
    const res = await t.app.inject({ method: write.method, url: write.url, headers, payload: {} });
    return res.statusCode === write.okStatus ? 200 : res.statusCode;
  }
  const url = MAIN_LIST[module];
  if (url === null) throw new Error(`module ${module} has no main list`);
  return (await t.app.inject({ method: 'GET', url: url(fx), headers })).statusCode;
}

const built = APP_MODULES.filter((module) => MAIN_LIST[module] !== null);

describe('the menu table matches the policies', () => {
  it.each(built)('%s: the roles answered 200 are the roles of the table', async (module) => {
    const opened: Role[] = [];
    const other: string[] = [];
    for (const role of ROLES) {
      const status = await statusOf(module, role);
      if (status === 200) opened.push(role);
      else if (status !== 403) other.push(`${role}: ${status}`);
    }
    expect(other, 'a refusal is 403').toEqual([]);
    expect(opened).toEqual(ROLES.filter((role) => canOpenModule({ role, statsReviewer: false }, module)));
  });

  it('opens 数据审核/发布 to a leader with the 统计审核员 flag, and only with it', async () => {
    expect(MODULE_ACCESS.periods.statsReviewer).toBe(true);
    const reviewer = await buildUser(t.database.db, { role: 'leader', statsReviewer: true });
    const session = await loginAs(t.app, reviewer.username, TEST_PASSWORD);
    expect(await statusOf('periods', 'leader', session)).toBe(200);
    expect(canOpenModule({ role: 'leader', statsReviewer: true }, 'periods')).toBe(true);
    expect(await statusOf('periods', 'leader')).toBe(403);
  });

  it('checks every module of the table', () => {
    expect(APP_MODULES.filter((module) => MAIN_LIST[module] === null)).toEqual([]);
  });
});
