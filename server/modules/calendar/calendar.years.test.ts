// Years the admin enters from the State Council's notice: a 2027 deadline is refused before 2027 is
// entered and counted after, across the entered holidays and make-up day; bad entries are refused
// with every problem named and nothing stored. The 2027 days are invented for the test.
import { describe, expect, it } from 'vitest';
import { auditRows } from '../../test/factories/chains.js';
import { rejectedPaths, useTestApp } from '../../test/app.js';

const t = useTestApp({ reference: false, users: { admin: { role: 'admin' }, leader: { role: 'leader' } } });

const NOTICE_2027 = {
  notice: '国办发明电〔2026〕99号（测试虚构）',
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
    { name: '春节', from: '2027-02-05', to: '2027-02-13' },
  ],
  workdays: [{ name: '春节', date: '2027-02-14' }],
};

const get = (url: string) => t.app.inject({ method: 'GET', url, headers: t.users.leader.headers });
const put = (year: number, payload: object, who: 'admin' | 'leader' = 'admin') =>
  t.app.inject({ method: 'PUT', url: `/api/calendar/years/${year}`, headers: t.users[who].headers, payload });

describe('entered calendar years', () => {
  it('refuses a 2027 deadline until 2027 is entered, then counts across its holidays and make-up day', async () => {
    const before = await get('/api/calendar/add-working-days?from=2026-12-30&days=2');
    expect(before.statusCode).toBe(422);
    expect(before.json().error.code).toBe('calendar_year_not_covered');
    expect((await get('/api/calendar/coverage')).json()).toMatchObject({ lastYear: 2026 });

    const saved = await put(2027, NOTICE_2027);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ year: 2027, source: 'entered', holidays: NOTICE_2027.holidays, workdays: NOTICE_2027.workdays });

    // Thu 31 Dec is the 1st; 1–3 January off; Mon 4 January the 2nd.
    expect((await get('/api/calendar/add-working-days?from=2026-12-30&days=2')).json()).toEqual({
      from: '2026-12-30',
      days: 2,
      date: '2027-01-04',
    });
    // 5–13 February off; Sunday 14 February worked (the 1st); Monday 15 the 2nd.
    expect((await get('/api/calendar/add-working-days?from=2027-02-04&days=2')).json().date).toBe('2027-02-15');
    expect((await get('/api/calendar/working-days?from=2027-02-04&to=2027-02-15')).json().days).toBe(2);
    expect((await get('/api/calendar/coverage')).json()).toMatchObject({ lastYear: 2027 });

    const years = (await get('/api/calendar/years')).json().items;
    expect(years[0]).toMatchObject({ year: 2027, source: 'entered', notice: NOTICE_2027.notice });
    expect(years.find((y: { year: number }) => y.year === 2025)).toMatchObject({ source: 'dataset', notice: 'chinese-days' });
    expect((await auditRows(t.database.db, 'calendar_year', '2027')).map((r) => r.action)).toEqual(['create']);
  });

  it('keeps the dataset contract: 2025 National Day still answers 11 October, and lists its days as ranges', async () => {
    expect((await get('/api/calendar/add-working-days?from=2025-09-30&days=3')).json().date).toBe('2025-10-11');
    // The dataset names 6 October 中秋 (it fell inside the National Day break that year).
    const october = (await get('/api/calendar/years/2025')).json().holidays.filter((h: { from: string }) => h.from.startsWith('2025-10'));
    expect(october).toEqual([
      { name: '国庆节', from: '2025-10-01', to: '2025-10-05' },
      { name: '中秋', from: '2025-10-06', to: '2025-10-06' },
      { name: '国庆节', from: '2025-10-07', to: '2025-10-08' },
    ]);
  });

  it('refuses days outside the year, a weekday make-up day, a day both off and worked, naming each, and stores nothing', async () => {
    const res = await put(2028, {
      notice: '测试',
      holidays: [
        { name: '元旦', from: '2027-12-31', to: '2028-01-01' },
        { name: '春节', from: '2028-01-26', to: '2028-02-01' },
      ],
      workdays: [
        { name: '春节', date: '2028-01-24' },
        { name: '春节', date: '2028-01-29' },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(rejectedPaths(res)).toEqual(['body.holidays.0', 'body.workdays.0', 'body.workdays.1']);
    expect(res.json().error.message).toBe('日期 2027-12-31 不在 2028 年内');
    expect((await get('/api/calendar/years/2028')).statusCode).toBe(404);
    expect((await get('/api/calendar/add-working-days?from=2028-03-01&days=1')).statusCode).toBe(422);
  });

  it('is the admin’s to change: a leader is refused; deleting 2027 makes it uncovered again (audited)', async () => {
    expect((await put(2027, NOTICE_2027, 'leader')).statusCode).toBe(403);
    const deleted = await t.app.inject({ method: 'DELETE', url: '/api/calendar/years/2027', headers: t.users.admin.headers });
    expect(deleted.statusCode).toBe(200);
    expect((await get('/api/calendar/add-working-days?from=2026-12-30&days=2')).statusCode).toBe(422);
    expect((await auditRows(t.database.db, 'calendar_year', '2027')).map((r) => r.action)).toEqual(['create', 'delete']);
  });
});
