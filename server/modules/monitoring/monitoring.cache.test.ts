import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { selectStatsToken } from './monitoring.cache.js';
import { usccOf, useMonitoringApp } from '../../test/factories/monitoring.js';

// Data staff (the admin) read the live figures of a month that is not published.

const { t } = useMonitoringApp({ users: { admin: { role: 'admin' } } });
const { admin } = t.users;

async function totalOutput(): Promise<number> {
  const res = await t.app.inject({ method: 'GET', url: '/api/monitoring/chains?period=2024-02&range=month', headers: admin.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().total.output;
}

describe('statistics cache', () => {
  it('changes the data token on every write to the data the statistics read, not on other writes', async () => {
    const t0 = await selectStatsToken(t.database.db);
    await t.database.db.execute(sql`update users set display_name = display_name`);
    expect(await selectStatsToken(t.database.db)).toBe(t0);
    await t.database.db.execute(sql`update monthly_figures set gross_output = gross_output where false`);
    expect(await selectStatsToken(t.database.db)).not.toBe(t0);
  });

  it('never serves a stale answer: a corrected figure shows at once', async () => {
    const before = await totalOutput();
    expect(await totalOutput()).toBe(before);
    await t.database.db.execute(
      sql`update monthly_figures set gross_output = gross_output + 1000000 where uscc = ${usccOf('A')} and period = '2024-02'`,
    );
    expect(await totalOutput()).toBe(before + 1_000_000);
  });
});
