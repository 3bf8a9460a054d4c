// Who sees which months, through the API, on the warnings fixture (warnings.factories.ts) with May
// 2024 published and June 2024 collecting. The web's month pickers follow `GET /api/periods`: other
// roles are offered the months with a publication (publishedAt), data staff every month with its status.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loginAs, type Session, useTestApp } from '../../test/app.js';
import { buildUser, TEST_PASSWORD } from '../../test/factories/common.js';
import { buildPublishedWarningsFixture, WARN_USERS, warnUsccOf } from '../../test/factories/warnings.js';

const t = useTestApp({
  reference: false,
  data: buildPublishedWarningsFixture,
  users: {
    ...WARN_USERS,
    office: { role: 'chain_office', scopes: [{ kind: 'chain', ref: 'W1' }] },
  },
});
const s = t.users;

const get = (session: Session, url: string, locale?: string) =>
  t.app.inject({ method: 'GET', url, headers: { ...session.headers, ...(locale ? { 'x-locale': locale } : {}) } });

/** Every read that takes a month: the 驾驶舱's chains, breakdowns, firm ranking and trend, and 预警. */
const READS = [
  '/api/monitoring/chains?range=month&period=',
  '/api/monitoring/breakdown?by=region&range=month&period=',
  '/api/monitoring/enterprises?range=month&period=',
  '/api/monitoring/trend?period=',
  '/api/warnings?period=',
];

describe('months other roles may open', () => {
  it('refuses every read of an unpublished month to the leader, county and chain chief (403, naming the latest published month, in Chinese and English)', async () => {
    for (const who of [s.leader, s.county, s.chief]) {
      for (const read of READS) {
        const res = await get(who, `${read}2024-06`);
        expect(res.statusCode, `${read} ${res.body}`).toBe(403);
        expect(res.json().error.message).toBe('2024-06 的数据尚未发布，只有数据人员可查看初步数据。最近已发布的月份是 2024-05。');
        expect(res.json().error.details).toEqual({ period: '2024-06', latestPublished: '2024-05' });
      }
    }
    const en = await get(s.leader, '/api/monitoring/chains?period=2024-06', 'en');
    expect(en.json().error.message).toBe(
      'The figures of 2024-06 are not published yet; only data staff may see preliminary figures. The latest published month is 2024-05.',
    );
    // The published month and the data staff's unpublished one are answered.
    for (const read of READS) expect((await get(s.leader, `${read}2024-05`)).statusCode, read).toBe(200);
    for (const read of READS) expect((await get(s.office, `${read}2024-06`)).statusCode, read).toBe(200);
  });

  it('lists every month with its status to all, with a publication only for the published ones (what the pickers offer)', async () => {
    for (const who of [s.leader, s.admin]) {
      const items = (await get(who, '/api/periods?year=2024')).json().items as {
        period: string;
        status: string;
        publishedAt: string | null;
      }[];
      expect(items.filter((i) => i.publishedAt !== null).map((i) => i.period)).toEqual(['2024-05']);
      expect(items.slice(4, 6).map((i) => i.status)).toEqual(['published', 'collecting']);
    }
  });

  it('shows a firm’s months (its page, its figures) to other roles once published; data staff and the enterprise itself see every month', async () => {
    const uscc = warnUsccOf('SLIP10');
    const monthsOf = async (session: Session, url: string, pick: (body: never) => { period: string }[]) => {
      const res = await get(session, url);
      expect(res.statusCode, res.body).toBe(200);
      return pick(res.json() as never).map((m) => m.period);
    };
    const figures = (b: { items: { period: string }[] }) => b.items;
    const profile = (b: { figures: { items: { period: string }[] } }) => b.figures.items;
    // SLIP10 reported January–June 2024; only May is published.
    for (const who of [s.leader, s.county]) {
      expect(await monthsOf(who, `/api/figures/${uscc}?year=2024`, figures)).toEqual(['2024-05']);
      expect(await monthsOf(who, `/api/enterprises/${uscc}?year=2024`, profile)).toEqual(['2024-05']);
    }
    expect(await monthsOf(s.admin, `/api/figures/${uscc}?year=2024`, figures)).toEqual([
      '2024-01',
      '2024-02',
      '2024-03',
      '2024-04',
      '2024-05',
      '2024-06',
    ]);
    const firm = await buildUser(t.database.db, { role: 'enterprise', scopes: [{ kind: 'enterprise', ref: uscc }] });
    const own = await loginAs(t.app, firm.username, TEST_PASSWORD);
    expect(await monthsOf(own, `/api/figures/${uscc}?year=2024`, figures)).toHaveLength(6);
  });

  it('a published month reopened for revision stays what was published for other roles (and stays in their picker); data staff see the revision', async () => {
    const before = (await get(s.leader, '/api/monitoring/chains?range=month&period=2024-05')).json().total.output;
    const reopened = await t.app.inject({
      method: 'POST',
      url: '/api/periods/2024-05/reopen',
      headers: s.admin.headers,
      payload: { reason: 'DROP2 报送更正' },
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    // DROP2's May: 75 → 175.
    await t.database.db.execute(
      sql`UPDATE monthly_figures SET gross_output = 175, updated_at = now() WHERE uscc = ${warnUsccOf('DROP2')} AND period = '2024-05'`,
    );
    const leader = await get(s.leader, '/api/monitoring/chains?range=month&period=2024-05');
    expect(leader.statusCode, leader.body).toBe(200);
    expect(leader.json().total.output).toBe(before);
    expect(leader.json().publication).toMatchObject({ status: 'review', preliminary: false });
    const admin = (await get(s.admin, '/api/monitoring/chains?range=month&period=2024-05')).json();
    expect(admin.total.output).toBe(before + 100);
    expect(admin.publication).toMatchObject({ status: 'review', preliminary: true });
    const may = (await get(s.leader, '/api/periods?year=2024')).json().items[4];
    expect(may.status).toBe('review');
    expect(may.publishedAt).not.toBeNull();
  });

  it('counts a firm held back as suspect as reported in the coverage every answer carries (the held-back block says it was left out)', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/periods/2024-06/review', headers: s.admin.headers })).statusCode).toBe(200);
    const admin = (await get(s.admin, '/api/monitoring/chains?range=month&period=2024-06')).json();
    // 7 of 10 reported June; DROPREP 80 + SLIP10 1000 are held back until settled (DROP2, its May
    // revised to 175 above, is no longer down two months running).
    expect(admin.publication).toMatchObject({
      status: 'review',
      preliminary: true,
      coverage: { expected: 10, reported: 7 },
      heldBack: { enterprises: 2, output: 1080 },
    });
    const detail = (await get(s.admin, '/api/periods/2024-06')).json();
    expect(detail.coverage).toEqual(admin.publication.coverage);
  });
});
