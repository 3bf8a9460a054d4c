import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loginAs, type Session, useTestApp } from '../../test/app.js';
import { buildUser, TEST_PASSWORD } from '../../test/factories/common.js';
import { buildEnterprise } from '../../test/factories/enterprises.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { publishPeriod } from '../periods/periods.service.js';
import { planWrites } from './figures.changes.js';
import { loadStored } from './figures.stored.js';
import { countOf, insertMonths, storedMonths } from '../../test/factories/figures.js';
import { applyWrites } from './figures.writes.js';

const t = useTestApp({ users: { admin: { role: 'admin' }, leader: { role: 'leader' } } });
const { admin, leader } = t.users;

function put(session: Session, uscc: string, period: string, payload: object) {
  return t.app.inject({ method: 'PUT', url: `/api/figures/${uscc}/${period}`, headers: session.headers, payload });
}

describe('the enterprise’s own report', () => {
  it('lets an enterprise account enter its own month and answers another firm as if it did not exist (404)', async () => {
    const own = await buildEnterprise(t.database.db);
    const other = await buildEnterprise(t.database.db);
    const user = await buildUser(t.database.db, { role: 'enterprise', scopes: [{ kind: 'enterprise', ref: own.uscc }] });
    const session = await loginAs(t.app, user.username, TEST_PASSWORD);

    const res = await put(session, own.uscc, '2024-06', { unit: '万元', values: { grossOutput: '120.5', revenue: '110', employees: 88 } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      outcome: 'created',
      warnings: [],
      figure: { period: '2024-06', grossOutput: 1_205_000, revenue: 1_100_000, employees: 88, source: 'enterprise', revisionCount: 1 },
    });
    expect(await storedMonths(t.database.db, own.uscc)).toEqual([
      expect.objectContaining({ gross_output: 1_205_000, source: 'enterprise' }),
    ]);

    expect((await put(session, other.uscc, '2024-06', { values: { grossOutput: '1' } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/figures/${other.uscc}`, headers: session.headers })).statusCode).toBe(404);
    expect(await storedMonths(t.database.db, other.uscc)).toEqual([]);

    const list = await t.app.inject({ method: 'GET', url: `/api/figures/${own.uscc}?year=2024`, headers: session.headers });
    expect(list.json()).toMatchObject({
      uscc: own.uscc,
      year: 2024,
      years: [2024],
      canEdit: true,
      items: [{ period: '2024-06', revisionCount: 1 }],
    });
  });

  it('lets the leader read but not write', async () => {
    const firm = await buildEnterprise(t.database.db);
    await insertMonths(t.database.db, firm.uscc, { '2024-03': { grossOutput: 5 } });
    // A leader sees a firm's months once published (data staff before).
    const unpublished = await t.app.inject({ method: 'GET', url: `/api/figures/${firm.uscc}`, headers: leader.headers });
    expect(unpublished.json()).toMatchObject({ year: 2024, canEdit: false, items: [] });
    await publishPeriod(t.database.db, SYSTEM_ACTOR, '2024-03', { history: true });
    const list = await t.app.inject({ method: 'GET', url: `/api/figures/${firm.uscc}`, headers: leader.headers });
    expect(list.json()).toMatchObject({
      year: 2024,
      canEdit: false,
      items: [{ period: '2024-03', grossOutput: 5, source: 'demo', revisionCount: 0 }],
    });
    expect((await put(leader, firm.uscc, '2024-03', { values: { grossOutput: '6' } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/figures/91430400MA4L000038', headers: admin.headers })).statusCode).toBe(404);
  });
});

describe('staff entry and correction', () => {
  it('refuses bad values field by field and a future period, writing nothing', async () => {
    const firm = await buildEnterprise(t.database.db);
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/figures/${firm.uscc}/2024-06`,
      headers: { ...admin.headers, 'x-locale': 'en' },
      payload: { values: { grossOutput: '100', revenue: '-1', taxes: '1O0', profit: '-3', employees: '2.5' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('3 errors; nothing was saved.');
    expect(res.json().error.details.map((d: { column: string; code: string }) => [d.column, d.code])).toEqual([
      ['revenue', 'negative'],
      ['taxes', 'notNumber'],
      ['employees', 'notWhole'],
    ]);
    const future = await put(admin, firm.uscc, '2099-01', { values: { grossOutput: '1' } });
    expect(future.json().error.details).toEqual([expect.objectContaining({ column: 'period', code: 'periodFuture' })]);
    expect(await storedMonths(t.database.db, firm.uscc)).toEqual([]);
  });

  it('asks to confirm a likely unit slip, then saves with a revision and an audit entry', async () => {
    const firm = await buildEnterprise(t.database.db);
    const history: Record<string, { grossOutput: number }> = {};
    for (const m of ['01', '02', '03', '04', '05']) history[`2024-${m}`] = { grossOutput: 2_000_000 };
    await insertMonths(t.database.db, firm.uscc, history);
    // 2,000 万元 typed where the form was set to 元 would be 20,000,000 元: 10× the median of 2,000,000.
    const held = await put(admin, firm.uscc, '2024-06', { unit: '元', values: { grossOutput: '20000000' } });
    expect(held.json()).toMatchObject({
      outcome: 'confirmation_required',
      figure: null,
      warnings: [{ column: 'grossOutput', code: 'unitSlip' }],
    });
    expect((await storedMonths(t.database.db, firm.uscc)).map((r) => r.period)).not.toContain('2024-06');

    const saved = await put(admin, firm.uscc, '2024-06', { unit: '元', values: { grossOutput: '20000000' }, acceptWarnings: true });
    expect(saved.json()).toMatchObject({ outcome: 'created', figure: { grossOutput: 20_000_000, source: 'manual' } });
    const corrected = await put(admin, firm.uscc, '2024-06', { unit: '万元', values: { grossOutput: '200' } });
    expect(corrected.json()).toMatchObject({ outcome: 'updated', warnings: [], figure: { grossOutput: 2_000_000, revisionCount: 2 } });
    const again = await put(admin, firm.uscc, '2024-06', { unit: '元', values: { grossOutput: '2000000' } });
    expect(again.json()).toMatchObject({ outcome: 'unchanged', figure: { revisionCount: 2 } });

    const revisions = await t.app.inject({ method: 'GET', url: `/api/figures/${firm.uscc}/2024-06/revisions`, headers: leader.headers });
    expect(
      revisions
        .json()
        .items.map((r: { before: { grossOutput: number } | null; after: { grossOutput: number } }) => [
          r.before?.grossOutput ?? null,
          r.after.grossOutput,
        ]),
    ).toEqual([
      [20_000_000, 2_000_000],
      [null, 20_000_000],
    ]);
    const audit = await t.database.db.execute<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE entity = 'monthly_figure' AND entity_id = ${`${firm.uscc}:2024-06`} ORDER BY id`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['create', 'update']);
  });

  it('stores a combined 1–2月 figure in February with January 0, and then refuses January alone', async () => {
    const firm = await buildEnterprise(t.database.db);
    const res = await put(admin, firm.uscc, '2024-02', {
      unit: '万元',
      values: { grossOutput: '300', employees: '40' },
      janFebCombined: true,
    });
    expect(res.json()).toMatchObject({ outcome: 'created', figure: { grossOutput: 3_000_000, janFebCombined: true } });
    expect((await storedMonths(t.database.db, firm.uscc)).map((r) => [r.period, r.gross_output, r.employees])).toEqual([
      ['2024-01', 0, null],
      ['2024-02', 3_000_000, 40],
    ]);
    const january = await put(admin, firm.uscc, '2024-01', { values: { grossOutput: '1' } });
    expect(january.statusCode).toBe(400);
    expect(january.json().error.details).toEqual([expect.objectContaining({ code: 'janCombined' })]);
    const list = await t.app.inject({ method: 'GET', url: `/api/figures/${firm.uscc}?year=2024`, headers: admin.headers });
    expect(list.json().items.map((i: { period: string; janFebCombined: boolean }) => [i.period, i.janFebCombined])).toEqual([
      ['2024-01', false],
      ['2024-02', true],
    ]);
  });

  it('lets a chain office correct firms of its chains only', async () => {
    const inChain = await buildEnterprise(t.database.db);
    const outside = await buildEnterprise(t.database.db, { memberships: [{ chainCode: 'CH05', nodeKey: 'pipe', isPrimary: true }] });
    const office = await buildUser(t.database.db, { role: 'chain_office', scopes: [{ kind: 'chain', ref: 'CH02' }] });
    const session = await loginAs(t.app, office.username, TEST_PASSWORD);
    expect((await put(session, inChain.uscc, '2024-05', { values: { grossOutput: '1' } })).json()).toMatchObject({
      outcome: 'created',
      figure: { source: 'manual' },
    });
    expect((await put(session, outside.uscc, '2024-05', { values: { grossOutput: '1' } })).statusCode).toBe(404);
  });

  it('refuses to overwrite a month changed by someone else after it was read, writing nothing', async () => {
    const firm = await buildEnterprise(t.database.db);
    await put(admin, firm.uscc, '2024-04', { values: { grossOutput: '1' } });
    const { stored, marks } = await loadStored(t.database.db, [firm.uscc], '2023-01', '2024-12');
    const plan = planWrites(
      [{ uscc: firm.uscc, period: '2024-04', row: null, values: { grossOutput: 2 }, sources: {}, combined: null }],
      stored,
      marks,
      { replace: false },
    );
    expect(plan.writes).toHaveLength(1);
    await put(admin, firm.uscc, '2024-04', { values: { grossOutput: '3' } });
    await expect(t.database.db.transaction((tx) => applyWrites(tx, SYSTEM_ACTOR, plan.writes, 'manual'))).rejects.toMatchObject({
      code: 'conflict',
    });
    expect((await storedMonths(t.database.db, firm.uscc))[0]?.gross_output).toBe(3);
    expect(await countOf(t.database.db, 'monthly_figure_revisions', firm.uscc)).toBe(2);
  });
});
