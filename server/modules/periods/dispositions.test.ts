// Dispositions of review items through the API, on the warnings fixture (warnings.factories.ts):
// June 2024 has three review items — SLIP10's 1000 against a median of 100 (unit slip), DROP2 and
// DROPREP down ≥ 20% two months running.
// 已交办 (assigned) keeps an item open, with its note and history, shown on the 预警 list.
// Rule: a confirmation (已核实属实) or correction (已更正) is for the figure that was confirmed or
// corrected; when the firm's output for that month changes again, the item is back to 未处理 with
// the note 数据已修订, its history kept, and the month cannot be published until it is settled again.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/app.js';
import { buildUser, publishHistory, TEST_PASSWORD } from '../../test/factories/common.js';
import { buildWarningsFixture, warnUsccOf } from '../../test/factories/warnings.js';

let t: TestApp;
let reviewer: Session;

beforeAll(async () => {
  t = await createTestApp();
  await buildWarningsFixture(t.database.db);
  await publishHistory(t.database.db, ['2024-05']);
  const user = await buildUser(t.database.db, { role: 'leader', scopes: [], statsReviewer: true, displayName: '审核员甲' });
  reviewer = await loginAs(t.app, user.username, TEST_PASSWORD);
});
afterAll(async () => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url, headers: reviewer.headers });
const post = (url: string) => t.app.inject({ method: 'POST', url, headers: reviewer.headers });
const put = (url: string, payload: object) => t.app.inject({ method: 'PUT', url, headers: reviewer.headers, payload });

const SLIP = { period: '2024-06', uscc: warnUsccOf('SLIP10'), kind: 'unit_slip' };
const DROP2 = { period: '2024-06', uscc: warnUsccOf('DROP2'), kind: 'output_drop' };
const DROPREP = { period: '2024-06', uscc: warnUsccOf('DROPREP'), kind: 'output_drop' };

type Item = { uscc: string; kind: string; status: string; open: boolean; note: string | null };

async function itemOf(key: { uscc: string; kind: string }): Promise<Item | undefined> {
  const res = await get('/api/periods/2024-06');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().reviewItems as Item[]).find((i) => i.uscc === key.uscc && i.kind === key.kind);
}

async function history(key: typeof SLIP): Promise<{ status: string; note: string | null; actorName: string }[]> {
  const res = await get(`/api/warnings/disposition?period=${key.period}&uscc=${key.uscc}&kind=${key.kind}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

async function enterOutput(uscc: string, yuan: number, extra: Record<string, number> = {}): Promise<void> {
  const res = await put(`/api/figures/${uscc}/2024-06`, { unit: '元', values: { grossOutput: yuan, ...extra }, acceptWarnings: true });
  expect(res.statusCode, res.body).toBe(200);
}

/** Records the reviewer's disposition of the warning `key` (200 expected). */
async function dispose(key: typeof SLIP, disposition: Record<string, string>): Promise<void> {
  const res = await put('/api/warnings/disposition', { ...key, ...disposition });
  expect(res.statusCode, res.body).toBe(200);
}

async function reopenAudits(key: typeof SLIP): Promise<number> {
  const result = await t.database.db.execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM audit_log WHERE action = 'reopen_disposition' AND entity_id = ${`${key.period}:${key.uscc}:${key.kind}`}`);
  return result.rows[0]?.n ?? -1;
}

describe('已交办 (assigned)', () => {
  it('keeps the item open with its note and history, on the review list and the 预警 list; publishing is refused while it is', async () => {
    expect((await post('/api/periods/2024-06/review')).statusCode).toBe(200);
    await dispose(DROPREP, { status: 'assigned', note: '已交办乙链链办核实，7 月 15 日前回复' });
    expect(await itemOf(DROPREP)).toMatchObject({ status: 'assigned', open: true, note: '已交办乙链链办核实，7 月 15 日前回复' });
    const warnings = (await get('/api/warnings?period=2024-06&kind=output_drop')).json();
    expect(warnings.items.find((i: { uscc: string }) => i.uscc === DROPREP.uscc).disposition).toMatchObject({
      status: 'assigned',
      note: '已交办乙链链办核实，7 月 15 日前回复',
      updatedBy: '审核员甲',
    });
    const refused = await post('/api/periods/2024-06/publish');
    expect(refused.statusCode).toBe(409);
    expect(
      refused
        .json()
        .error.details.openItems.map((i: { uscc: string; status: string }) => [i.uscc, i.status])
        .sort(),
    ).toEqual(
      [
        [DROP2.uscc, 'pending'],
        [DROPREP.uscc, 'assigned'],
        [SLIP.uscc, 'pending'],
      ].sort(),
    );
    expect((await history(DROPREP)).map((e) => [e.status, e.note])).toEqual([['assigned', '已交办乙链链办核实，7 月 15 日前回复']]);
  });
});

describe('a settled review item when the figure changes again', () => {
  it('a confirmed unit slip goes back to 未处理 (数据已修订, history kept, audited) when the output is revised; publishing then lists it', async () => {
    for (const [key, note] of [
      [SLIP, '企业书面说明：新产线投产，产值属实'],
      [DROP2, '订单减少属实'],
      [DROPREP, '停产检修属实'],
    ] as const) {
      await dispose(key, { status: 'confirmed', note });
    }
    expect(await itemOf(SLIP)).toMatchObject({ status: 'confirmed', open: false });

    // SLIP10's June output revised from 1000 to 1100: the confirmation was of 1000.
    await enterOutput(SLIP.uscc, 1100);
    expect(await itemOf(SLIP)).toMatchObject({ status: 'pending', open: true, note: '数据已修订' });
    const events = await history(SLIP);
    expect(events.map((e) => [e.status, e.note, e.actorName])).toEqual([
      ['pending', '数据已修订', '审核员甲'],
      ['confirmed', '企业书面说明：新产线投产，产值属实', '审核员甲'],
    ]);
    expect(await reopenAudits(SLIP)).toBe(1);

    // The other items were not revised and stay settled; publishing is refused, naming SLIP10 only.
    expect(await itemOf(DROP2)).toMatchObject({ status: 'confirmed', open: false });
    const refused = await post('/api/periods/2024-06/publish');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details.openItems).toEqual([
      { period: '2024-06', uscc: SLIP.uscc, name: expect.any(String), kind: 'unit_slip', status: 'pending' },
    ]);
  });

  it('a change to another measure (营业收入) of the month leaves a confirmation as it is', async () => {
    const before = (await history(DROP2)).length;
    const res = await put(`/api/figures/${DROP2.uscc}/2024-06`, {
      unit: '元',
      values: { grossOutput: 75, revenue: 90 },
      acceptWarnings: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await itemOf(DROP2)).toMatchObject({ status: 'confirmed', open: false });
    expect(await history(DROP2)).toHaveLength(before);
    expect(await reopenAudits(DROP2)).toBe(0);
  });

  it('a corrected item goes back to 未处理 too when the corrected figure changes again; settled again, the month publishes', async () => {
    // The enterprise's corrected report: 100 元 (the 10× was a unit slip after all).
    await enterOutput(SLIP.uscc, 100);
    await dispose(SLIP, { status: 'corrected', correctionSource: 'enterprise_corrected_report', reference: '更正报表 2024-07-05' });
    expect(await itemOf(SLIP)).toMatchObject({ status: 'corrected', open: false });

    // Entered again as 110: no source was recorded for 110.
    await enterOutput(SLIP.uscc, 110);
    expect(await itemOf(SLIP)).toMatchObject({ status: 'pending', open: true, note: '数据已修订' });
    expect((await history(SLIP)).map((e) => e.status)).toEqual(['pending', 'corrected', 'pending', 'confirmed']);
    expect(await reopenAudits(SLIP)).toBe(2);
    expect((await post('/api/periods/2024-06/publish')).statusCode).toBe(409);

    await dispose(SLIP, { status: 'corrected', correctionSource: 'enterprise_written_confirmation', reference: '企业书面确认 2024-07-08' });
    const published = await post('/api/periods/2024-06/publish');
    expect(published.statusCode, published.body).toBe(200);
  });
});
