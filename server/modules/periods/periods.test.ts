// Review and publication through the API, on the warnings fixture (one county, chains W1 and W2):
// June 2024 has three suspects — SLIP10's 1000 against a median of 100 (unit slip), DROP2 and
// DROPREP down ≥ 20% two months running — and three firms that did not report gross output.
// Every figure below is worked out by hand from warnings.factories.ts.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { MonitoringChainsResponse } from '../../../shared/contracts/monitoring.js';
import { type Session, useTestApp } from '../../test/app.js';
import { buildPublishedWarningsFixture, WARN_COUNTY, WARN_USERS, warnUsccOf } from '../../test/factories/warnings.js';

const t = useTestApp({
  reference: false,
  data: buildPublishedWarningsFixture,
  users: {
    ...WARN_USERS,
    reviewer: { role: 'leader', statsReviewer: true },
    office: { role: 'chain_office', scopes: [{ kind: 'chain', ref: 'W2' }] },
  },
});
const s = t.users;

const get = (session: Session, url: string) => t.app.inject({ method: 'GET', url, headers: session.headers });
const post = (session: Session, url: string, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers: session.headers, ...(payload ? { payload } : {}) });
const put = (session: Session, url: string, payload: object) => t.app.inject({ method: 'PUT', url, headers: session.headers, payload });

async function chains(session: Session, query: string): Promise<MonitoringChainsResponse> {
  const res = await get(session, `/api/monitoring/chains?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

// June 2024 gross output as reported: DROP2 75, DROP1 75, DROP19 81, DROPREP 80, SLIP10 1000, SLIP9 900, JF 70.
const JUNE_REPORTED = 75 + 75 + 81 + 80 + 1000 + 900 + 70;

describe('months and coverage', () => {
  it('lists the months of a year with status, coverage and publication (GET /api/periods)', async () => {
    const res = await get(s.leader, '/api/periods?year=2024');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.latestPublished).toBe('2024-05');
    expect(body.items).toHaveLength(12);
    // 10 chain firms in the 2024 名录; 7 reported June's gross output (LOWREV and OKREV gave revenue only, MISSING nothing).
    expect(body.items[5]).toEqual({
      period: '2024-06',
      status: 'collecting',
      publishedAt: null,
      coverage: { expected: 10, reported: 7 },
      revisionsSincePublished: null,
    });
    // May: the five drop/slip firms, SLIP9 and MISSING (JF reported nothing in May).
    expect(body.items[4]).toMatchObject({ period: '2024-05', status: 'published', coverage: { expected: 10, reported: 7 } });
    expect(body.items[4].publishedAt).toMatch(/^20\d\d-/);
  });

  it('opens every view on the latest published month and refuses other roles an unpublished one', async () => {
    expect((await chains(s.leader, 'range=month')).period).toBe('2024-05');
    expect((await chains(s.county, 'range=month')).period).toBe('2024-05');
    const refused = await get(s.leader, '/api/monitoring/chains?period=2024-06');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('2024-05');
    expect((await get(s.chief, '/api/warnings?period=2024-06')).statusCode).toBe(403);
    // Data staff may open it: preliminary, with its coverage.
    const admin = await chains(s.admin, 'period=2024-06&range=month');
    expect(admin.publication).toMatchObject({
      status: 'collecting',
      preliminary: true,
      publishedAt: null,
      coverage: { expected: 10, reported: 7 },
      heldBack: { enterprises: 0, output: 0 },
    });
    expect(admin.total.output).toBe(JUNE_REPORTED);
  });
});

describe('bad input', () => {
  it('refuses a non-reviewer (403), a future or unfinished month, a month without data, January alone (400), a reopen without reason (400) or from the wrong status (409)', async () => {
    for (const who of [s.leader, s.office, s.county]) {
      const res = await post(who, '/api/periods/2024-06/publish');
      expect(res.statusCode, res.body).toBe(403);
    }
    expect((await post(s.reviewer, '/api/periods/2999-01/publish')).statusCode).toBe(400);
    const noData = await post(s.reviewer, '/api/periods/2024-09/publish');
    expect(noData.statusCode).toBe(400);
    expect(noData.json().error.message).toContain('2024-09');
    expect((await post(s.reviewer, '/api/periods/2024-01/publish')).json().error.message).toContain('2024-02');
    expect((await post(s.reviewer, '/api/periods/2024-13/publish')).statusCode).toBe(400);
    expect((await post(s.reviewer, '/api/periods/2024-05/reopen', {})).statusCode).toBe(400);
    expect((await post(s.reviewer, '/api/periods/2024-05/reopen', { reason: ' ' })).statusCode).toBe(400);
    expect((await post(s.reviewer, '/api/periods/2024-06/reopen', { reason: '核对' })).statusCode).toBe(409);
    // Nothing changed.
    expect((await get(s.leader, '/api/periods?year=2024')).json().items[5].status).toBe('collecting');
  });
});

describe('review, then publication', () => {
  it('finds the suspects when the month goes to review, holds them back and names the missing firms', async () => {
    const moved = await post(s.reviewer, '/api/periods/2024-06/review');
    expect(moved.statusCode, moved.body).toBe(200);
    const detail = (await get(s.reviewer, '/api/periods/2024-06')).json();
    expect(detail).toMatchObject({
      status: 'review',
      dueDate: '2024-07-10',
      coverage: { expected: 10, reported: 7 },
      openReviewItems: 3,
      actions: ['back_to_collecting', 'publish'],
    });
    expect(detail.reviewItems.map((i: { uscc: string; kind: string }) => [i.kind, i.uscc]).sort()).toEqual(
      [
        ['output_drop', warnUsccOf('DROP2')],
        ['output_drop', warnUsccOf('DROPREP')],
        ['unit_slip', warnUsccOf('SLIP10')],
      ].sort(),
    );
    expect(detail.byChain).toEqual([
      { code: 'W1', name: '预警甲链', expected: 7, reported: 4 },
      { code: 'W2', name: '预警乙链', expected: 3, reported: 3 },
    ]);
    expect(detail.byRegion).toEqual([{ code: WARN_COUNTY, name: '衡阳县', expected: 10, reported: 7 }]);
    const missing = (await get(s.reviewer, '/api/periods/2024-06/missing')).json();
    expect(missing.items.map((i: { uscc: string }) => i.uscc).sort()).toEqual(
      [warnUsccOf('LOWREV'), warnUsccOf('OKREV'), warnUsccOf('MISSING')].sort(),
    );
    // The chain office of W2 sees its chain's items only (DROPREP, SLIP10) and its chain's coverage.
    const office = (await get(s.office, '/api/periods/2024-06')).json();
    expect(office.reviewItems).toHaveLength(2);
    expect(office.coverage).toEqual({ expected: 3, reported: 3 });
    expect(office.actions).toEqual([]);
    expect((await get(s.leader, '/api/periods/2024-06')).statusCode).toBe(403);
    // Held back until settled: DROP2 75 + DROPREP 80 + SLIP10 1000.
    const admin = await chains(s.admin, 'period=2024-06&range=month');
    expect(admin.publication).toMatchObject({ status: 'review', preliminary: true, heldBack: { enterprises: 3, output: 1155 } });
    expect(admin.total.output).toBe(JUNE_REPORTED - 1155);
  });

  it('refuses to publish while items are open (409, listing them)', async () => {
    const res = await post(s.reviewer, '/api/periods/2024-06/publish');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.openItems).toHaveLength(3);
    expect(res.json().error.message).toContain('3');
  });

  it('settles each item: confirmed with a reason, corrected only after a revision with its source', async () => {
    const base = { period: '2024-06', status: 'confirmed' };
    expect(
      (await put(s.reviewer, '/api/warnings/disposition', { ...base, uscc: warnUsccOf('DROP2'), kind: 'output_drop' })).statusCode,
    ).toBe(400);
    const confirmed = await put(s.reviewer, '/api/warnings/disposition', {
      ...base,
      uscc: warnUsccOf('DROP2'),
      kind: 'output_drop',
      note: '企业书面说明：订单减少属实',
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().current).toMatchObject({ status: 'confirmed', note: '企业书面说明：订单减少属实' });
    // The W2 office may settle W2's DROPREP, never W1's DROP1 (outside its scope: answered like an unknown firm).
    expect(
      (await put(s.office, '/api/warnings/disposition', { ...base, uscc: warnUsccOf('DROPREP'), kind: 'output_drop', note: '核实属实' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await put(s.office, '/api/warnings/disposition', { ...base, uscc: warnUsccOf('DROP1'), kind: 'output_drop', note: 'x y' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await put(s.leader, '/api/warnings/disposition', { ...base, uscc: warnUsccOf('DROP2'), kind: 'output_drop', note: 'x y' }))
        .statusCode,
    ).toBe(403);
    // Corrected: the source is required, and the figure must have been revised since the item was found.
    const slip = { period: '2024-06', uscc: warnUsccOf('SLIP10'), kind: 'unit_slip', status: 'corrected' };
    expect((await put(s.reviewer, '/api/warnings/disposition', slip)).statusCode).toBe(400);
    const early = await put(s.reviewer, '/api/warnings/disposition', { ...slip, correctionSource: 'enterprise_corrected_report' });
    expect(early.statusCode).toBe(409);
    const revised = await put(s.reviewer, `/api/figures/${warnUsccOf('SLIP10')}/2024-06`, {
      unit: '元',
      values: { grossOutput: 100 },
      acceptWarnings: true,
    });
    expect(revised.statusCode, revised.body).toBe(200);
    const corrected = await put(s.reviewer, '/api/warnings/disposition', {
      ...slip,
      correctionSource: 'enterprise_corrected_report',
      reference: '更正报表 2024-07-05',
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json().items.map((e: { status: string }) => e.status)).toEqual(['corrected']);
    // The 预警 page shows the disposition.
    const warnings = (await get(s.admin, '/api/warnings?period=2024-06&kind=output_drop')).json();
    expect(warnings.items.find((i: { uscc: string }) => i.uscc === warnUsccOf('DROP2')).disposition).toMatchObject({
      status: 'confirmed',
      updatedBy: '测试用户',
    });
  });

  it('publishes once all are settled; leaders then open on the new month', async () => {
    const res = await post(s.reviewer, '/api/periods/2024-06/publish');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ period: '2024-06', status: 'published' });
    const leader = await chains(s.leader, 'range=month');
    // SLIP10 corrected to 100.
    expect(leader).toMatchObject({
      period: '2024-06',
      publication: {
        status: 'published',
        preliminary: false,
        heldBack: { enterprises: 0, output: 0 },
        coverage: { expected: 10, reported: 7 },
      },
    });
    expect(leader.total.output).toBe(JUNE_REPORTED - 900);
  });
});

describe('published figures are frozen', () => {
  it('a revision after publication changes nothing published, for the city or a scoped user; reviewers see 发布后有 1 处修订', async () => {
    const before = await chains(s.leader, 'period=2024-06&range=month');
    const chiefBefore = await chains(s.chief, 'period=2024-06&range=ytd');
    await t.database.db.execute(
      sql`UPDATE monthly_figures SET gross_output = 175, updated_at = now() WHERE uscc = ${warnUsccOf('DROP1')} AND period = '2024-06'`,
    );
    const after = await chains(s.leader, 'period=2024-06&range=month');
    expect(after.total.output).toBe(before.total.output);
    expect(after.asOf).toBe(before.asOf);
    expect((await chains(s.chief, 'period=2024-06&range=ytd')).total).toEqual(chiefBefore.total);
    expect((await chains(s.county, 'period=2024-06&range=month')).total.output).toBe(before.total.output);
    const listed = (await get(s.reviewer, '/api/periods?year=2024')).json().items[5];
    expect(listed.revisionsSincePublished).toBe(1);
    expect((await get(s.leader, '/api/periods?year=2024')).json().items[5].revisionsSincePublished).toBeNull();
  });

  it('reopens with a reason (audited), keeps the old snapshot published until republished, then both are kept', async () => {
    const published = (await chains(s.leader, 'period=2024-06&range=month')).total.output;
    const reopened = await post(s.reviewer, '/api/periods/2024-06/reopen', { reason: 'DROP1 报送更正' });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect((await chains(s.leader, 'period=2024-06&range=month')).total.output).toBe(published);
    const staff = await chains(s.admin, 'period=2024-06&range=month');
    expect(staff.publication).toMatchObject({ status: 'review', preliminary: true });
    expect(staff.total.output).toBe(published + 100);
    expect((await post(s.reviewer, '/api/periods/2024-06/publish')).statusCode).toBe(200);
    expect((await chains(s.leader, 'period=2024-06&range=month')).total.output).toBe(published + 100);
    const detail = (await get(s.reviewer, '/api/periods/2024-06')).json();
    expect(detail.snapshots).toHaveLength(2);
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(['publish', 'reopen', 'publish', 'start_review']);
    expect(detail.events[1].reason).toBe('DROP1 报送更正');
    const audit = await t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'period' AND action = 'period_reopen' AND after->>'reason' = 'DROP1 报送更正'`,
    );
    expect(audit.rows[0]?.n).toBe(1);
  });
});

describe('coverage by park', () => {
  it('counts each park’s firms expected and reported, the rest under 园区外, and names the park of a missing firm', async () => {
    const park = await t.database.db.execute<{ id: number }>(
      sql`INSERT INTO parks (name, short_name, level, region_code) VALUES ('覆盖测试园区', '覆盖园', 'provincial', ${WARN_COUNTY}) RETURNING id`,
    );
    const parkId = park.rows[0]?.id;
    // MISSING did not report June; SLIP10 did (its 1000 is a settled slip by now).
    await t.database.db.execute(
      sql`UPDATE enterprises SET park_id = ${parkId} WHERE uscc IN (${warnUsccOf('MISSING')}, ${warnUsccOf('SLIP10')})`,
    );
    const detail = (await get(s.reviewer, '/api/periods/2024-06')).json();
    const withFirms = detail.byPark.filter((r: { expected: number }) => r.expected > 0);
    expect(withFirms).toEqual([
      { code: String(parkId), name: '覆盖测试园区', expected: 2, reported: 1 },
      { code: 'none', name: '园区外', expected: 8, reported: 6 },
    ]);
    const missing = (await get(s.reviewer, '/api/periods/2024-06/missing')).json();
    const firm = missing.items.find((i: { uscc: string }) => i.uscc === warnUsccOf('MISSING'));
    expect(firm.parkName).toBe('覆盖测试园区');
  });
});
