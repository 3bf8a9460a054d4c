import { describe, expect, it } from 'vitest';
import { DEFAULT_WARNING_SETTINGS, type WarningSettings, type WarningsResponse } from '../../../shared/contracts/warnings.js';
import { type Session, useTestApp } from '../../test/app.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { auditRows } from '../../test/factories/chains.js';
import { buildWarningsFixture, warnNameOf, warnUsccOf } from '../../test/factories/warnings.js';
import { dropSteps, dueDateOf, listWarnings } from './warnings.service.js';
import { putGrossOutput } from '../../test/factories/figures.js';

const t = useTestApp({
  reference: false,
  data: async (db) => {
    await buildWarningsFixture(db);
  },
  users: {
    admin: { role: 'admin' },
    leader: { role: 'leader' },
    office: { role: 'chain_office', scopes: [{ kind: 'chain', ref: 'W2' }] },
    firm: { role: 'enterprise', scopes: [{ kind: 'enterprise', ref: warnUsccOf('DROP2') }] },
  },
});
const s = t.users;

async function warnings(session: Session, query: string): Promise<WarningsResponse> {
  const res = await t.app.inject({ method: 'GET', url: `/api/warnings?${query}`, headers: session.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function putSettings(session: Session, payload: unknown) {
  return t.app.inject({
    method: 'PUT',
    url: '/api/warnings/settings',
    headers: session.headers,
    payload: payload as Record<string, unknown>,
  });
}

const keysOf = (answer: WarningsResponse, kind: string) =>
  answer.items.filter((i) => i.kind === kind).map((i) => i.name.replace(/^预警测试|有限公司$/g, ''));

/** The service with "today" under the test's control (Beijing time decides the 未报 deadline). */
async function at(iso: string, period: string) {
  return listWarnings(t.database.db, SYSTEM_ACTOR, { period, page: 1, pageSize: 100 }, { now: () => new Date(iso) });
}

describe('the month steps and due dates', () => {
  it('takes January and February as one month from February on, and January alone', () => {
    expect(dropSteps('2024-03', 3).map((x) => x.label)).toEqual(['2024-03', '2024-01~02', '2023-12']);
    expect(dropSteps('2024-02', 2).map((x) => [x.label, x.range.from, x.range.to, x.range.prevFrom, x.range.prevTo])).toEqual([
      ['2024-01~02', '2024-01', '2024-02', '2023-01', '2023-02'],
      ['2023-12', '2023-12', '2023-12', '2022-12', '2022-12'],
    ]);
    expect(dropSteps('2024-01', 2).map((x) => x.label)).toEqual(['2024-01', '2023-12']);
  });

  it('puts the deadline on day N of the next month, of March for January (1–2月)', () => {
    expect(dueDateOf('2024-06', 10)).toBe('2024-07-10');
    expect(dueDateOf('2024-12', 5)).toBe('2025-01-05');
    expect(dueDateOf('2024-01', 10)).toBe('2024-03-10');
  });
});

describe('GET /api/warnings on the hand-built fixture (2024-06, default thresholds)', () => {
  it('lists each kind with values a person can check', async () => {
    const answer = await warnings(s.admin, 'period=2024-06&pageSize=100');
    expect(answer).toMatchObject({ period: '2024-06', dueDate: '2024-07-10', deadlinePassed: true, settings: DEFAULT_WARNING_SETTINGS });
    expect(answer.counts).toEqual({ output_drop: 2, not_reported: 1, below_scale: 1, unit_slip: 1, total: 5 });
    expect(answer.total).toBe(5);
    // −25% twice is listed; −25% once (DROP1) and −19% twice (DROP19) are not; exactly −20% is.
    expect(keysOf(answer, 'output_drop')).toEqual(['DROP2', 'DROPREP']);
    const drop2 = answer.items.find((i) => i.uscc === warnUsccOf('DROP2'));
    expect(drop2?.drop?.months).toEqual([
      { label: '2024-06', output: 75, outputPrevYear: 100, yoy: -0.25 },
      { label: '2024-05', output: 75, outputPrevYear: 100, yoy: -0.25 },
    ]);
    expect(drop2).toMatchObject({
      name: warnNameOf('DROP2'),
      regionCode: '430421',
      parkName: null,
      chainCodes: ['W1'],
      notReported: null,
      belowScale: null,
      unitSlip: null,
    });
    // The base reported with the month (上年同期 100) is used: 60 and 80 against 100.
    const rep = answer.items.find((i) => i.uscc === warnUsccOf('DROPREP'));
    expect(rep?.drop?.months.map((m) => [m.label, m.output, m.outputPrevYear])).toEqual([
      ['2024-06', 80, 100],
      ['2024-05', 60, 100],
    ]);
    expect(rep?.drop?.months[0]?.yoy).toBeCloseTo(-0.2, 12);
    expect(rep?.drop?.months[1]?.yoy).toBeCloseTo(-0.4, 12);

    expect(answer.items.filter((i) => i.kind === 'not_reported').map((i) => [i.uscc, i.notReported])).toEqual([
      [warnUsccOf('MISSING'), { dueDate: '2024-07-10' }],
    ]);
    // 9,999,999 × 12 / 6 = 19,999,998 < 20,000,000; OKREV's 10,000,000 gives exactly 20,000,000.
    expect(answer.items.filter((i) => i.kind === 'below_scale').map((i) => [i.uscc, i.belowScale])).toEqual([
      [warnUsccOf('LOWREV'), { revenueYtd: 9_999_999, months: 6, annualisedRevenue: 19_999_998 }],
    ]);
    // 1000 against a median of 100 over Jan–May is 10×; SLIP9's 900 is 9×; firms out of scope never count.
    expect(answer.items.filter((i) => i.kind === 'unit_slip').map((i) => [i.uscc, i.unitSlip])).toEqual([
      [warnUsccOf('SLIP10'), { output: 1000, median: 100, medianMonths: 5, ratio: 10 }],
    ]);
  });

  it('filters by kind and name, pages, and keeps counts on every filter but kind', async () => {
    const slips = await warnings(s.admin, 'period=2024-06&kind=unit_slip');
    expect(slips.items.map((i) => i.uscc)).toEqual([warnUsccOf('SLIP10')]);
    expect(slips).toMatchObject({ total: 1, counts: { total: 5 } });
    const named = await warnings(s.admin, `period=2024-06&q=${encodeURIComponent('DROP2')}`);
    expect(named.counts).toEqual({ output_drop: 1, not_reported: 0, below_scale: 0, unit_slip: 0, total: 1 });
    const byChain = await warnings(s.admin, 'period=2024-06&chain=W2');
    expect(byChain.counts).toEqual({ output_drop: 1, not_reported: 0, below_scale: 0, unit_slip: 1, total: 2 });
    const page2 = await warnings(s.admin, 'period=2024-06&page=2&pageSize=2');
    expect(page2.items.map((i) => i.kind)).toEqual(['not_reported', 'below_scale']);
    expect(page2.total).toBe(5);
  });

  it('defaults to the latest month with figures of a firm in scope', async () => {
    const answer = await warnings(s.admin, 'kind=unit_slip');
    expect(answer.period).toBe('2024-06');
    expect(answer.asOf).not.toBeNull();
  });

  it('takes January and February 2024 as one month (1–2月) for a firm that reported them combined', async () => {
    const feb = await warnings(s.admin, `period=2024-02&kind=output_drop&q=JF`);
    // 1–2月: (0 + 70) against (50 + 50) = −30%; December 2023: 70 against 100 = −30%.
    expect(feb.items.map((i) => [i.uscc, i.drop?.months.map((m) => [m.label, m.output, m.outputPrevYear])])).toEqual([
      [
        warnUsccOf('JF'),
        [
          ['2024-01~02', 70, 100],
          ['2023-12', 70, 100],
        ],
      ],
    ]);
    // Its January 0 is part of the 1–2月 figure, not a month of its own: January is answered as 1–2月.
    const jan = await warnings(s.admin, `period=2024-01&kind=output_drop&q=JF`);
    expect(jan.period).toBe('2024-02');
    expect(jan.items).toEqual(feb.items);
  });
});

describe('未报 and the deadline (today injected, Beijing time)', () => {
  it('lists a missing report only after day 10 of the next month in Beijing', async () => {
    const before = await at('2024-07-10T15:59:00Z', '2024-06'); // 23:59 on 10 July in Beijing
    expect(before).toMatchObject({ deadlinePassed: false, dueDate: '2024-07-10' });
    expect(before.counts.not_reported).toBe(0);
    const after = await at('2024-07-10T16:00:00Z', '2024-06'); // 00:00 on 11 July in Beijing
    expect(after.deadlinePassed).toBe(true);
    expect(after.items.filter((i) => i.kind === 'not_reported').map((i) => i.uscc)).toEqual([warnUsccOf('MISSING')]);
  });

  it('does not list the current month before its deadline, and lists an old period', async () => {
    const current = await at('2024-07-05T02:00:00Z', '2024-07');
    expect(current).toMatchObject({ deadlinePassed: false, dueDate: '2024-08-10' });
    expect(current.counts.not_reported).toBe(0);
    // The 2024 scope is the ten chain firms in the 2024 名录; only SLIP10, SLIP9, LOWREV and OKREV have a March row.
    const old = await at('2024-07-05T02:00:00Z', '2024-03');
    expect(old.deadlinePassed).toBe(true);
    expect(
      old.items
        .filter((i) => i.kind === 'not_reported')
        .map((i) => i.name.replace(/^预警测试|有限公司$/g, ''))
        .sort(),
    ).toEqual(['DROP1', 'DROP19', 'DROP2', 'DROPREP', 'JF', 'MISSING'].sort());
  });
});

describe('settings', () => {
  const changed: WarningSettings = {
    dropThreshold: 0.19,
    dropMonths: 2,
    reportDeadlineDay: 15,
    belowScaleRevenue: 20_000_001,
    unitSlipFactor: 9,
  };

  it('reads the defaults, lets the admin change them (audited), and the lists follow', async () => {
    const read = await t.app.inject({ method: 'GET', url: '/api/warnings/settings', headers: s.office.headers });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({ settings: DEFAULT_WARNING_SETTINGS, updatedAt: null, updatedBy: null });

    try {
      await changeAndCheck();
    } finally {
      expect((await putSettings(s.admin, DEFAULT_WARNING_SETTINGS)).statusCode).toBe(200);
    }
  });

  async function changeAndCheck() {
    const res = await putSettings(s.admin, changed);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ settings: changed, updatedBy: '测试用户' });

    const answer = await warnings(s.admin, 'period=2024-06&pageSize=100');
    expect(answer.settings).toEqual(changed);
    expect(answer.dueDate).toBe('2024-07-15');
    // −19% twice now counts (worst June first: −25%, −20%, −19%); 9× now counts; OKREV's 20,000,000 is now under 20,000,001.
    expect(keysOf(answer, 'output_drop')).toEqual(['DROP2', 'DROPREP', 'DROP19']);
    expect(keysOf(answer, 'unit_slip')).toEqual(['SLIP10', 'SLIP9']);
    expect(keysOf(answer, 'below_scale')).toEqual(['LOWREV', 'OKREV']);

    const oneMonth = await putSettings(s.admin, { ...changed, dropThreshold: 0.2, dropMonths: 1 });
    expect(oneMonth.statusCode).toBe(200);
    expect(keysOf(await warnings(s.admin, 'period=2024-06&kind=output_drop'), 'output_drop')).toEqual(['DROP2', 'DROP1', 'DROPREP']);

    const audit = await auditRows(t.database.db, 'app_settings', 'warnings');
    expect(audit).toEqual([
      { action: 'update', before: DEFAULT_WARNING_SETTINGS, after: changed },
      { action: 'update', before: changed, after: { ...changed, dropThreshold: 0.2, dropMonths: 1 } },
    ]);
  }

  it('holds a figures entry as a unit slip by the same setting', async () => {
    // SLIP9's months July 2023 – June 2024 above 0: five of 100 and 900; median 100. 850 is 8.5×.
    const enter = () => putGrossOutput(t.app, s.admin, warnUsccOf('SLIP9'), '2024-07', 850);
    try {
      expect((await putSettings(s.admin, { ...DEFAULT_WARNING_SETTINGS, unitSlipFactor: 8 })).statusCode).toBe(200);
      expect((await enter()).json()).toMatchObject({
        outcome: 'confirmation_required',
        warnings: [{ column: 'grossOutput', code: 'unitSlip' }],
      });
    } finally {
      expect((await putSettings(s.admin, DEFAULT_WARNING_SETTINGS)).statusCode).toBe(200);
    }
    expect((await enter()).json()).toMatchObject({ outcome: 'created', warnings: [] });
  });

  it('refuses invalid thresholds with 400 and changes nothing', async () => {
    const before = (await t.app.inject({ method: 'GET', url: '/api/warnings/settings', headers: s.admin.headers })).json();
    const auditBefore = (await auditRows(t.database.db, 'app_settings', 'warnings')).length;
    for (const bad of [
      { ...DEFAULT_WARNING_SETTINGS, dropThreshold: 1.5 },
      { ...DEFAULT_WARNING_SETTINGS, dropThreshold: 20 },
      { ...DEFAULT_WARNING_SETTINGS, dropMonths: 0 },
      { ...DEFAULT_WARNING_SETTINGS, dropMonths: 1.5 },
      { ...DEFAULT_WARNING_SETTINGS, reportDeadlineDay: 31 },
      { ...DEFAULT_WARNING_SETTINGS, belowScaleRevenue: 2000.5 },
      { ...DEFAULT_WARNING_SETTINGS, unitSlipFactor: 1 },
      // 2 would flag every combined 1–2月 February.
      { ...DEFAULT_WARNING_SETTINGS, unitSlipFactor: 2 },
      { ...DEFAULT_WARNING_SETTINGS, extra: 1 },
      { dropThreshold: 0.3 },
    ]) {
      const res = await putSettings(s.admin, bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
    }
    const after = (await t.app.inject({ method: 'GET', url: '/api/warnings/settings', headers: s.admin.headers })).json();
    expect(after).toEqual(before);
    expect(await auditRows(t.database.db, 'app_settings', 'warnings')).toHaveLength(auditBefore);
  });
});

describe('access', () => {
  it('shows a chain office only its chain’s firms, and refuses another chain', async () => {
    const answer = await warnings(s.office, 'period=2024-06');
    expect(answer.counts).toEqual({ output_drop: 1, not_reported: 0, below_scale: 0, unit_slip: 1, total: 2 });
    expect(answer.items.map((i) => [i.kind, i.uscc])).toEqual([
      ['output_drop', warnUsccOf('DROPREP')],
      ['unit_slip', warnUsccOf('SLIP10')],
    ]);
    const other = await t.app.inject({ method: 'GET', url: '/api/warnings?period=2024-06&chain=W1', headers: s.office.headers });
    expect(other.statusCode).toBe(403);
  });

  it('refuses the enterprise, and settings changes by anyone but the admin', async () => {
    for (const url of ['/api/warnings?period=2024-06', '/api/warnings/settings']) {
      const res = await t.app.inject({ method: 'GET', url, headers: s.firm.headers });
      expect(res.statusCode, url).toBe(403);
    }
    expect((await putSettings(s.office, DEFAULT_WARNING_SETTINGS)).statusCode).toBe(403);
    expect((await putSettings(s.leader, DEFAULT_WARNING_SETTINGS)).statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/warnings?period=2024-06' });
    expect(anonymous.statusCode).toBe(401);
  });
});
