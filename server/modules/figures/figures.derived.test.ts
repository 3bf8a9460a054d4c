// Derived months: a 当月 derived from a reported 本年累计 keeps the 累计 as a fact; a revision of an
// earlier month that makes it stale is reported, and re-deriving is an explicit, audited action.
//
// By hand (元): January 1,000,000 and February 1,000,000 reported as 当月; March 累计 3,500,000 →
// March 1,500,000; April 累计 5,000,000 → April 1,500,000. February revised to 1,200,000: March
// should be 3,500,000 − 2,200,000 = 1,300,000, April 5,000,000 − 3,700,000 = 1,300,000 (both stale).
// Re-deriving March (1,300,000) makes April right again (5,000,000 − 3,500,000 = 1,500,000).
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EnterpriseFigures, PutFigureResponse, RederiveResponse, StaleDerivedResponse } from '../../../shared/contracts/figures.js';
import type { EnterpriseProfile } from '../../../shared/contracts/enterprises.js';
import { useTestApp } from '../../test/app.js';
import { buildEnterprise } from '../../test/factories/enterprises.js';
import { csvText, monthlyOutputCsv, postImport, putGrossOutput, storedMonths } from '../../test/factories/figures.js';

let firm: EnterpriseProfile;

const t = useTestApp({ users: { admin: { role: 'admin' }, leader: { role: 'leader' } } });
const { admin, leader } = t.users;
beforeAll(async () => {
  firm = await buildEnterprise(t.database.db);
  const months = monthlyOutputCsv([
    [firm, '2024-01', 1_000_000],
    [firm, '2024-02', 1_000_000],
  ]);
  expect((await postImport(t.app, admin, months)).json()).toMatchObject({ written: true, created: 2 });
  const ytd = csvText([
    ['统一社会信用代码', '企业名称', '期别', '工业总产值(本年累计,元)'],
    [firm.uscc, firm.name, '2024-03', 3_500_000],
    [firm.uscc, firm.name, '2024-04', 5_000_000],
  ]);
  const imported = await postImport(t.app, admin, Buffer.from(ytd));
  expect(imported.json()).toMatchObject({ written: true, created: 2, staleDerived: [] });
});

const output = async () => (await storedMonths(t.database.db, firm.uscc)).map((m) => [m.period, m.gross_output]);

describe('a month derived from a reported 累计', () => {
  it('keeps the 累计 as a fact next to the derived 当月', async () => {
    expect(await output()).toEqual([
      ['2024-01', 1_000_000],
      ['2024-02', 1_000_000],
      ['2024-03', 1_500_000],
      ['2024-04', 1_500_000],
    ]);
    const facts = await t.database.db.execute<{ period: string; measure: string; ytd_value: number }>(
      sql`SELECT period, measure, ytd_value FROM monthly_figure_ytd WHERE uscc = ${firm.uscc} ORDER BY period`,
    );
    expect(facts.rows.map((r) => [r.period, r.measure, Number(r.ytd_value)])).toEqual([
      ['2024-03', 'gross_output', 3_500_000],
      ['2024-04', 'gross_output', 5_000_000],
    ]);
  });

  it('warns on the revision answer and on the firm’s page when an earlier month is revised', async () => {
    const res = await putGrossOutput(t.app, admin, firm.uscc, '2024-02', 1_200_000);
    expect(res.statusCode, res.body).toBe(200);
    const stale = [
      {
        uscc: firm.uscc,
        period: '2024-03',
        field: 'grossOutput',
        ytd: 3_500_000,
        previousMonths: 2_200_000,
        stored: 1_500_000,
        rederived: 1_300_000,
        canRederive: true,
      },
      {
        uscc: firm.uscc,
        period: '2024-04',
        field: 'grossOutput',
        ytd: 5_000_000,
        previousMonths: 3_700_000,
        stored: 1_500_000,
        rederived: 1_300_000,
        canRederive: true,
      },
    ];
    expect(res.json<PutFigureResponse>()).toMatchObject({ outcome: 'updated', staleDerived: stale });
    const page = await t.app.inject({ method: 'GET', url: `/api/figures/${firm.uscc}?year=2024`, headers: leader.headers });
    expect(page.json<EnterpriseFigures>().staleDerived).toEqual(stale);
    const derived = await t.app.inject({ method: 'GET', url: `/api/figures/${firm.uscc}/derived`, headers: admin.headers });
    expect(derived.json<StaleDerivedResponse>().items).toEqual(stale);
  });

  it('re-derives on request (not for a reader), one revision and audit entry, and April follows', async () => {
    const refused = await t.app.inject({ method: 'POST', url: `/api/figures/${firm.uscc}/rederive`, headers: leader.headers });
    expect(refused.statusCode).toBe(403);
    expect((await output())[2]).toEqual(['2024-03', 1_500_000]);

    const res = await t.app.inject({ method: 'POST', url: `/api/figures/${firm.uscc}/rederive`, headers: admin.headers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<RederiveResponse>()).toEqual({
      uscc: firm.uscc,
      rederived: [{ period: '2024-03', field: 'grossOutput', before: 1_500_000, after: 1_300_000 }],
      items: [],
    });
    expect(await output()).toEqual([
      ['2024-01', 1_000_000],
      ['2024-02', 1_200_000],
      ['2024-03', 1_300_000],
      ['2024-04', 1_500_000],
    ]);
    const audit = await t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'rederive' AND entity_id = ${`${firm.uscc}:2024-03`}`,
    );
    expect(audit.rows[0]?.n).toBe(1);
    const revisions = await t.app.inject({ method: 'GET', url: `/api/figures/${firm.uscc}/2024-03/revisions`, headers: admin.headers });
    expect(revisions.json<{ items: unknown[] }>().items).toHaveLength(2);
  });

  it('a 当月 entered directly drops the month’s 累计: only April is then read against its 累计', async () => {
    const res = await putGrossOutput(t.app, admin, firm.uscc, '2024-03', 1_400_000);
    expect(res.statusCode, res.body).toBe(200);
    // April: 5,000,000 − (1,000,000 + 1,200,000 + 1,400,000) = 1,400,000, stored 1,500,000.
    expect(res.json<PutFigureResponse>().staleDerived.map((s) => [s.period, s.rederived])).toEqual([['2024-04', 1_400_000]]);
  });
});
