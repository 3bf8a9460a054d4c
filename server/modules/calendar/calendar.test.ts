import { describe, expect, it } from 'vitest';
import { rejectedPaths, useTestApp } from '../../test/app.js';

const t = useTestApp({ reference: false, users: { user: { role: 'leader' } } });
const get = (url: string, locale = 'zh-CN') => t.get(url, t.users.user, locale);

describe('calendar API', () => {
  it('adds working days across the 2025 National Day holiday (the contract)', async () => {
    const res = await get('/api/calendar/add-working-days?from=2025-09-30&days=3');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ from: '2025-09-30', days: 3, date: '2025-10-11' });
  });

  it('counts the working days in (from, to]', async () => {
    expect((await get('/api/calendar/working-days?from=2025-09-30&to=2025-10-11')).json()).toEqual({
      from: '2025-09-30',
      to: '2025-10-11',
      days: 3,
    });
    expect((await get('/api/calendar/working-days?from=2025-01-24&to=2025-02-10')).json().days).toBe(7);
  });

  it('refuses a day that does not exist and a negative count', async () => {
    const res = await get('/api/calendar/add-working-days?from=2025-02-29&days=-1');
    expect(res.statusCode).toBe(400);
    expect(rejectedPaths(res)).toEqual(['querystring.days', 'querystring.from']);
  });

  it('says loudly that 2027 is not covered instead of guessing', async () => {
    const res = await get('/api/calendar/add-working-days?from=2026-12-28&days=5');
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'calendar_year_not_covered' });
    expect(res.json().error.message).toContain('2027');
    const en = await get('/api/calendar/working-days?from=2026-12-30&to=2027-01-04', 'en');
    expect(en.json().error.message).toContain('does not hold the public holidays of 2027');
    const coverage = (await get('/api/calendar/coverage')).json();
    expect(coverage).toMatchObject({ firstYear: 2004, lastYear: 2026, source: 'chinese-days' });
  });
});
