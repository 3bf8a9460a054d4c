import { beforeAll, describe, expect, it } from 'vitest';
import type { ScopeEntry } from '../../../shared/contracts/auth.js';
import type { Role } from '../../../shared/roles.js';
import { usccCheckChar } from '../../../shared/uscc.js';
import { newSession, type Session, useTestApp } from '../../test/app.js';
import { countRows } from '../../test/factories/common.js';
import { buildEnterprise, nextUscc, parkIdOf } from '../../test/factories/enterprises.js';

let gaoxinParkId: number;
/** Firms made in beforeAll: A (CH02, 衡阳县), B (CH04 primary + CH02, 衡阳县), C (CH05, 珠晖区, 衡阳高新区 park). */
let firmA: string;
let firmB: string;
let firmC: string;

const sessionFor = (role: Role, scopes: ScopeEntry[]): Promise<Session> => newSession(t, { role, scopes });

async function list(session: Session, query = ''): Promise<{ items: { uscc: string }[]; total: number }> {
  const res = await t.app.inject({ method: 'GET', url: `/api/enterprises${query}`, headers: session.headers });
  expect(res.statusCode, res.body).toBe(200);
  const body: { items: { uscc: string }[]; total: number } = res.json();
  // Every list here fits one page, so the total counts exactly the rows shown.
  if (!query.includes('page')) expect(body.total).toBe(body.items.length);
  return body;
}

function usccs(body: { items: { uscc: string }[] }): string[] {
  return body.items.map((i) => i.uscc).sort();
}

const t = useTestApp({ users: { admin: { role: 'admin' } } });
const { admin } = t.users;
beforeAll(async () => {
  gaoxinParkId = await parkIdOf(t.database.db, '衡阳高新区');
  firmA = (await buildEnterprise(t.database.db, { name: '衡阳甲变压器有限公司', aboveScaleYears: [2023, 2024], isChainMaster: true })).uscc;
  firmB = (
    await buildEnterprise(t.database.db, {
      name: '衡阳乙铜业有限公司',
      memberships: [
        { chainCode: 'CH04', nodeKey: 'cuproc', isPrimary: true },
        { chainCode: 'CH02', nodeKey: 'cu', isPrimary: false },
      ],
      aboveScaleYears: [2022],
    })
  ).uscc;
  firmC = (
    await buildEnterprise(t.database.db, {
      name: '衡阳丙钢管有限公司',
      regionCode: '430405',
      parkId: gaoxinParkId,
      memberships: [{ chainCode: 'CH05', nodeKey: 'pipe', isPrimary: true }],
      isSpecialized: true,
    })
  ).uscc;
});

describe('GET /api/enterprises', () => {
  it('answers the contract shape: items with uscc, name, regionCode, parkName, chainCodes, aboveScaleYears, and total', async () => {
    const body = await list(admin, '?pageSize=100');
    expect(body.total).toBe(3);
    const b = body.items.find((i) => i.uscc === firmB);
    expect(b).toMatchObject({
      uscc: firmB,
      name: '衡阳乙铜业有限公司',
      regionCode: '430421',
      parkName: null,
      chainCodes: ['CH04', 'CH02'],
      aboveScaleYears: [2022],
    });
    const c = body.items.find((i) => i.uscc === firmC);
    expect(c).toMatchObject({
      parkName: '衡阳高新技术产业开发区',
      parkShortName: '衡阳高新区',
      parkId: gaoxinParkId,
      chainCodes: ['CH05'],
      isSpecialized: true,
    });
  });

  it('filters by search text (name or part of the USCC), region, park, chain, flag and 规上 year, with paging', async () => {
    expect(usccs(await list(admin, `?q=${encodeURIComponent('铜业')}`))).toEqual([firmB]);
    expect(usccs(await list(admin, `?q=${firmC.slice(4, 14).toLowerCase()}`))).toEqual([firmC]);
    expect(usccs(await list(admin, '?region=430405'))).toEqual([firmC]);
    expect(usccs(await list(admin, `?park=${gaoxinParkId}`))).toEqual([firmC]);
    expect(usccs(await list(admin, '?chain=CH02'))).toEqual([firmA, firmB].sort());
    expect(usccs(await list(admin, '?flag=chainMaster'))).toEqual([firmA]);
    expect(usccs(await list(admin, '?aboveScaleYear=2023'))).toEqual([firmA]);
    expect(usccs(await list(admin, `?q=${encodeURIComponent('%')}`))).toEqual([]);
    const page2 = await list(admin, '?pageSize=2&page=2');
    expect(page2.total).toBe(3);
    expect(page2.items).toHaveLength(1);
  });

  it('shows each scoped role only its firms: chain chief CH02, county 430421, park, enterprise itself; departments all', async () => {
    expect(usccs(await list(await sessionFor('chain_chief', [{ kind: 'chain', ref: 'CH02' }])))).toEqual([firmA, firmB].sort());
    expect(usccs(await list(await sessionFor('county', [{ kind: 'region', ref: '430421' }])))).toEqual([firmA, firmB].sort());
    expect(usccs(await list(await sessionFor('park', [{ kind: 'park', ref: String(gaoxinParkId) }])))).toEqual([firmC]);
    expect(usccs(await list(await sessionFor('park', [{ kind: 'park', ref: '衡阳高新区' }])))).toEqual([firmC]);
    expect(usccs(await list(await sessionFor('enterprise', [{ kind: 'enterprise', ref: firmA }])))).toEqual([firmA]);
    expect((await list(await sessionFor('department', [{ kind: 'department', ref: '市工业和信息化局' }]))).total).toBe(3);
    // A filter never widens the scope.
    expect(usccs(await list(await sessionFor('county', [{ kind: 'region', ref: '430421' }]), '?region=430405'))).toEqual([]);
  });
});

describe('GET /api/enterprises/:uscc', () => {
  it('shows the profile with memberships (chain and node names, primary first), 规上 years and a year of monthly figures', async () => {
    await t.database.pool.query(
      `INSERT INTO monthly_figures (uscc, period, gross_output, revenue, profit, taxes, electricity_kwh, employees, source)
       VALUES ($1, '2024-01', 123456789, 120000000, -5000000, 3000000, 450000, 210, 'import'),
              ($1, '2024-02', 100000000, 98000000, 1000000, 2000000, 400000, 212, 'import'),
              ($1, '2023-12', 90000000, 88000000, 1000000, 2000000, 380000, 205, 'import')`,
      [firmB],
    );
    const res = await t.app.inject({ method: 'GET', url: `/api/enterprises/${firmB}`, headers: admin.headers });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.memberships).toEqual([
      expect.objectContaining({ chainCode: 'CH04', chainName: '有色金属产业链', nodeKey: 'cuproc', isPrimary: true }),
      expect.objectContaining({ chainCode: 'CH02', chainName: '输变电装备产业链', nodeKey: 'cu', isPrimary: false }),
    ]);
    expect(body.aboveScaleYears).toEqual([2022]);
    expect(body.figures.year).toBe(2024);
    expect(body.figures.years).toEqual([2024, 2023]);
    expect(body.figures.items.map((f: { period: string }) => f.period)).toEqual(['2024-01', '2024-02']);
    expect(body.figures.items[0]).toMatchObject({ grossOutput: 123456789, profit: -5000000, electricityKwh: 450000, employees: 210 });
    const y2023 = await t.app.inject({ method: 'GET', url: `/api/enterprises/${firmB}?year=2023`, headers: admin.headers });
    expect(y2023.json().figures.items).toHaveLength(1);
  });

  it('answers 404 for a firm outside the caller scope, exactly as for one that does not exist', async () => {
    const county = await sessionFor('county', [{ kind: 'region', ref: '430421' }]);
    const outside = await t.app.inject({ method: 'GET', url: `/api/enterprises/${firmC}`, headers: county.headers });
    const missing = await t.app.inject({ method: 'GET', url: `/api/enterprises/${nextUscc('430405')}`, headers: county.headers });
    expect(outside.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(outside.json().error.code).toBe(missing.json().error.code);
    const inside = await t.app.inject({ method: 'GET', url: `/api/enterprises/${firmA}`, headers: county.headers });
    expect(inside.statusCode).toBe(200);
  });
});

describe('POST /api/enterprises', () => {
  const payload = (overrides: Record<string, unknown> = {}) => ({
    uscc: nextUscc('430422'),
    name: '衡南测试电气有限公司',
    regionCode: '430422',
    memberships: [{ chainCode: 'CH02', nodeKey: 'switch', isPrimary: true }],
    aboveScaleYears: [2024, 2024, 2023],
    ...overrides,
  });

  it('creates a firm with sorted, unique 规上 years and audits it', async () => {
    const body = payload({ isHighTech: true });
    const res = await t.app.inject({ method: 'POST', url: '/api/enterprises', headers: admin.headers, payload: body });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ uscc: body.uscc, aboveScaleYears: [2023, 2024], chainCodes: ['CH02'], isHighTech: true });
    const audit = await t.database.pool.query(`SELECT action, after FROM audit_log WHERE entity = 'enterprise' AND entity_id = $1`, [
      body.uscc,
    ]);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].after.name).toBe('衡南测试电气有限公司');
  });

  it('refuses an invalid USCC with a message naming the position, in Chinese and in English', async () => {
    const good = nextUscc('430422');
    const wrongLast = usccCheckChar(good.slice(0, 17)) === 'A' ? 'B' : 'A';
    const before = await countRows(t.database.db, 'enterprises');
    const zh = await t.app.inject({
      method: 'POST',
      url: '/api/enterprises',
      headers: admin.headers,
      payload: payload({ uscc: good.slice(0, 17) + wrongLast }),
    });
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error.message).toContain(`第18位校验码应为 ${good.charAt(17)}`);
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/enterprises',
      headers: { ...admin.headers, 'x-locale': 'en' },
      payload: payload({ uscc: good.slice(0, 10) + 'I' + good.slice(11) }),
    });
    expect(en.statusCode).toBe(400);
    expect(en.json().error.message).toContain('position 11');
    expect(await countRows(t.database.db, 'enterprises')).toBe(before);
  });

  it('names an unknown region, park, chain or node, and refuses a duplicate USCC with 409', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ regionCode: '439999' }, '区县“439999”不存在'],
      [{ parkId: 9999 }, '园区“9999”不存在'],
      [{ memberships: [{ chainCode: 'CH99', nodeKey: 'x', isPrimary: true }] }, '产业链 CH99 不存在'],
      [{ memberships: [{ chainCode: 'CH02', nodeKey: 'nosuch', isPrimary: true }] }, '产业链 CH02 中没有环节 nosuch'],
    ];
    const before = await countRows(t.database.db, 'enterprises');
    for (const [overrides, message] of cases) {
      const res = await t.app.inject({ method: 'POST', url: '/api/enterprises', headers: admin.headers, payload: payload(overrides) });
      expect(res.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(res.json().error.message).toContain(message);
    }
    expect(await countRows(t.database.db, 'enterprises')).toBe(before);
    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/enterprises',
      headers: admin.headers,
      payload: payload({ uscc: firmA.toLowerCase() }),
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toContain(firmA);
  });

  it('requires exactly one primary membership when there are any', async () => {
    const before = await countRows(t.database.db, 'enterprise_memberships');
    for (const flags of [
      [false, false],
      [true, true],
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/enterprises',
        headers: admin.headers,
        payload: payload({
          memberships: [
            { chainCode: 'CH02', nodeKey: 'switch', isPrimary: flags[0] },
            { chainCode: 'CH02', nodeKey: 'wire', isPrimary: flags[1] },
          ],
        }),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toContain('有且只有一个主环节');
    }
    expect(await countRows(t.database.db, 'enterprise_memberships')).toBe(before);
    const none = await t.app.inject({
      method: 'POST',
      url: '/api/enterprises',
      headers: admin.headers,
      payload: payload({ memberships: [] }),
    });
    expect(none.statusCode).toBe(201);
  });

  it('lets only the admin create', async () => {
    const county = await sessionFor('county', [{ kind: 'region', ref: '430422' }]);
    const res = await t.app.inject({ method: 'POST', url: '/api/enterprises', headers: county.headers, payload: payload() });
    expect(res.statusCode).toBe(403);
  });
});

describe('PUT and DELETE /api/enterprises/:uscc', () => {
  const edit = (overrides: Record<string, unknown> = {}) => ({
    name: '衡阳甲变压器股份有限公司',
    regionCode: '430421',
    parkId: null,
    isChainMaster: true,
    aboveScaleYears: [2023, 2024],
    memberships: [{ chainCode: 'CH02', nodeKey: 'xfmr', isPrimary: true }],
    ...overrides,
  });

  it('lets the admin edit, audited with before and after', async () => {
    const res = await t.app.inject({ method: 'PUT', url: `/api/enterprises/${firmA}`, headers: admin.headers, payload: edit() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().name).toBe('衡阳甲变压器股份有限公司');
    const audit = await t.database.pool.query(`SELECT before, after FROM audit_log WHERE action = 'update' AND entity_id = $1`, [firmA]);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].before.name).toBe('衡阳甲变压器有限公司');
    expect(audit.rows[0].after.name).toBe('衡阳甲变压器股份有限公司');
  });

  it('lets a county user edit inside its region but not move the firm out; the leader reads only', async () => {
    const county = await sessionFor('county', [{ kind: 'region', ref: '430421' }]);
    const ok = await t.app.inject({
      method: 'PUT',
      url: `/api/enterprises/${firmA}`,
      headers: county.headers,
      payload: edit({ gbt4754Code: '3823' }),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const out = await t.app.inject({
      method: 'PUT',
      url: `/api/enterprises/${firmA}`,
      headers: county.headers,
      payload: edit({ regionCode: '430422' }),
    });
    expect(out.statusCode).toBe(403);
    const elsewhere = await t.app.inject({ method: 'PUT', url: `/api/enterprises/${firmC}`, headers: county.headers, payload: edit() });
    expect(elsewhere.statusCode).toBe(404);
    const leader = await sessionFor('leader', []);
    expect(
      (await t.app.inject({ method: 'PUT', url: `/api/enterprises/${firmA}`, headers: leader.headers, payload: edit() })).statusCode,
    ).toBe(403);
  });

  it('lets a chain chief change only the memberships of its own chain', async () => {
    const chief = await sessionFor('chain_chief', [{ kind: 'chain', ref: 'CH02' }]);
    const base = { name: '衡阳乙铜业有限公司', regionCode: '430421', aboveScaleYears: [2022] };
    const own = await t.app.inject({
      method: 'PUT',
      url: `/api/enterprises/${firmB}`,
      headers: chief.headers,
      payload: {
        ...base,
        memberships: [
          { chainCode: 'CH04', nodeKey: 'cuproc', isPrimary: true },
          { chainCode: 'CH02', nodeKey: 'wire', isPrimary: false },
        ],
      },
    });
    expect(own.statusCode, own.body).toBe(200);
    const other = await t.app.inject({
      method: 'PUT',
      url: `/api/enterprises/${firmB}`,
      headers: chief.headers,
      payload: { ...base, memberships: [{ chainCode: 'CH02', nodeKey: 'wire', isPrimary: true }] },
    });
    expect(other.statusCode).toBe(403);
  });

  it('refuses to delete a firm with monthly figures, naming their count, and deletes one without', async () => {
    const refused = await t.app.inject({ method: 'DELETE', url: `/api/enterprises/${firmB}`, headers: admin.headers });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('3 条月度统计数据');
    expect((await t.app.inject({ method: 'GET', url: `/api/enterprises/${firmB}`, headers: admin.headers })).statusCode).toBe(200);

    const doomed = await buildEnterprise(t.database.db);
    const county = await sessionFor('county', [{ kind: 'region', ref: '430421' }]);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/enterprises/${doomed.uscc}`, headers: county.headers })).statusCode).toBe(
      403,
    );
    const res = await t.app.inject({ method: 'DELETE', url: `/api/enterprises/${doomed.uscc}`, headers: admin.headers });
    expect(res.statusCode, res.body).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/enterprises/${doomed.uscc}`, headers: admin.headers })).statusCode).toBe(404);
    const audit = await t.database.pool.query(`SELECT before FROM audit_log WHERE action = 'delete' AND entity_id = $1`, [doomed.uscc]);
    expect(audit.rows[0].before.memberships[0].nodeKey).toBe('xfmr');
  });
});
