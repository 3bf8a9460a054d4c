// Field-level permissions on official designations (issue 9, finding 3): the 规上 register, the
// registered county, the flags and memberships of chains the caller does not run are changed only
// by the roles that own them; a refused change answers 403 naming the field and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScopeEntry } from '../../../shared/contracts/auth.js';
import type { Role } from '../../../shared/roles.js';
import { createTestApp, newSession, type Session, type TestApp } from '../../test/app.js';
import { seedReferenceData } from '../demo/seed.js';
import { buildEnterprise, ENTERPRISE_DEFAULTS } from '../../test/factories/enterprises.js';

let t: TestApp;
let firm: string;

const sessionFor = (role: Role, scopes: ScopeEntry[]): Promise<Session> => newSession(t, { role, scopes });

/** The firm as made in beforeAll: 衡阳县, CH02 xfmr primary, 规上 2023 and 2024, no flags. */
const unchanged = { ...ENTERPRISE_DEFAULTS, name: '衡阳丁电气有限公司', aboveScaleYears: [2023, 2024] };

async function put(session: Session, body: Record<string, unknown>, locale = 'zh-CN') {
  return t.app.inject({
    method: 'PUT',
    url: `/api/enterprises/${firm}`,
    headers: { ...session.headers, 'x-locale': locale },
    payload: { ...unchanged, ...body },
  });
}

async function profile(): Promise<typeof unchanged> {
  const admin = await sessionFor('admin', []);
  const res = await t.app.inject({ method: 'GET', url: `/api/enterprises/${firm}`, headers: admin.headers });
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp();
  await seedReferenceData(t.database.db);
  firm = (await buildEnterprise(t.database.db, { name: unchanged.name, aboveScaleYears: [2023, 2024] })).uscc;
});
afterAll(async () => t.close());

describe('official designations of an enterprise', () => {
  it('refuses a county account adding its firm to a chain it does not run, or clearing its 规上 years, writing nothing', async () => {
    const county = await sessionFor('county', [{ kind: 'region', ref: '430421' }]);
    const join = await put(county, {
      memberships: [...unchanged.memberships, { chainCode: 'CH05', nodeKey: 'pipe', isPrimary: false }],
    });
    expect(join.statusCode).toBe(403);
    expect(join.json().error.message).toContain('无权修改产业链环节（您负责的产业链以外）');
    expect(join.json().error.details).toEqual([{ path: 'body.memberships', field: 'memberships' }]);
    const clear = await put(county, { aboveScaleYears: [] });
    expect(clear.statusCode).toBe(403);
    expect(clear.json().error.message).toContain('无权修改规上年度');
    const after = await profile();
    expect(after.aboveScaleYears).toEqual([2023, 2024]);
    expect(after.memberships.map((m) => m.chainCode)).toEqual(['CH02']);
    const audit = await t.database.pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'enterprise' AND action = 'update'`);
    expect(audit.rows[0].n).toBe(0);
  });

  it('refuses a chain chief moving the firm to another county and toggling 上市 and 链主, naming each field in either language', async () => {
    const chief = await sessionFor('chain_chief', [{ kind: 'chain', ref: 'CH02' }]);
    const res = await put(chief, { regionCode: '430422', isListed: true, isChainMaster: true });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
    expect(res.json().error.message).toContain('无权修改所属区县、链主、上市');
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual(['regionCode', 'isChainMaster', 'isListed']);
    const en = await put(chief, { isHighTech: true }, 'en');
    expect(en.json().error.message).toContain('You may not change the high-tech enterprise flag');
    const after = await profile();
    expect([after.regionCode, after.isListed, after.isChainMaster, after.isHighTech]).toEqual(['430421', false, false, false]);
  });

  it('still lets a chain chief rename the firm and move it between nodes of its own chain; the admin changes everything', async () => {
    const chief = await sessionFor('chain_chief', [{ kind: 'chain', ref: 'CH02' }]);
    const own = await put(chief, {
      name: '衡阳丁电气股份有限公司',
      memberships: [{ chainCode: 'CH02', nodeKey: 'wire', isPrimary: true }],
    });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().memberships[0].nodeKey).toBe('wire');
    const admin = await sessionFor('admin', []);
    // 规上 years back to 2023 change, so the change takes effect from 2023 (issue 8: earlier years stay as they were).
    const all = await put(admin, {
      regionCode: '430422',
      isListed: true,
      aboveScaleYears: [2024],
      memberships: [{ chainCode: 'CH05', nodeKey: 'pipe', isPrimary: true }],
      effectiveFromYear: 2023,
    });
    expect(all.statusCode, all.body).toBe(200);
    expect([all.json().regionCode, all.json().isListed, all.json().aboveScaleYears, all.json().chainCodes]).toEqual([
      '430422',
      true,
      [2024],
      ['CH05'],
    ]);
  });
});
