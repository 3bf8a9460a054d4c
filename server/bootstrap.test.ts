import { afterAll, describe, expect, it } from 'vitest';
import { bootstrap } from './bootstrap.js';
import { loadConfig } from './config.js';
import { users } from './db/schema.js';
import { fromDatabaseError } from './lib/errors.js';
import { createTestDatabase } from './test/database.js';

const opened: { drop: () => Promise<void> }[] = [];
afterAll(async () => {
  for (const d of opened) await d.drop();
});

async function freshDatabase() {
  const d = await createTestDatabase();
  opened.push(d);
  return d;
}

describe('first start', () => {
  it('with SEED_DEMO=false writes the admin and the reference master data only', async () => {
    const d = await freshDatabase();
    const report = await bootstrap(d, loadConfig({ SEED_DEMO: 'false', ADMIN_PASSWORD: 'first-admin-pass' }));
    expect(report.adminPassword).toEqual({ password: 'first-admin-pass', generated: false });
    expect(report.demoAccounts).toBeNull();
    const counts = await d.pool.query(`select
      (select count(*)::int from chains) as chains,
      (select count(*)::int from chains where valid_from_year <= 2022) as chains2022,
      (select count(*)::int from regions) as regions,
      (select count(*)::int from parks) as parks,
      (select count(*)::int from industries) as industries,
      (select count(*)::int from enterprises) as enterprises,
      (select count(*)::int from monthly_figures) as figures,
      (select string_agg(username, ',') from users) as usernames`);
    expect(counts.rows[0]).toEqual({
      chains: 15,
      chains2022: 14,
      regions: 15,
      parks: 11,
      industries: 10,
      enterprises: 0,
      figures: 0,
      usernames: 'admin',
    });
    // A second start changes nothing.
    const again = await bootstrap(d, loadConfig({ SEED_DEMO: 'false' }));
    expect(again).toEqual({ adminPassword: null, seed: null, demoAccounts: null });
  });

  it('with the demo seeds the dataset and one scoped demo account per role', async () => {
    const d = await freshDatabase();
    const report = await bootstrap(d, loadConfig({ DEMO_PASSWORD: 'demo-pass-123' }));
    expect(report.adminPassword?.generated).toBe(true);
    expect(report.seed?.seeded).toBe(true);
    expect(report.demoAccounts?.usernames).toEqual([
      'demo-leader',
      'demo-reviewer',
      'demo-chief',
      'demo-office',
      'demo-dept',
      'demo-park',
      'demo-county',
      'demo-enterprise',
    ]);
    const scopes = await d.pool.query(`
      select u.username, u.role, s.kind, s.ref,
        (select short_name from parks p where s.kind = 'park' and p.id::text = s.ref) as park,
        (select count(*)::int from enterprise_memberships m join chain_nodes n on n.id = m.node_id
          where s.kind = 'enterprise' and m.uscc = s.ref and n.chain_code = 'CH02') as ch02_memberships
      from users u left join user_scopes s on s.user_id = u.id
      where u.username like 'demo-%' order by u.username`);
    const byName = Object.fromEntries(scopes.rows.map((r) => [r.username, r]));
    expect(byName['demo-leader']).toMatchObject({ role: 'leader', kind: null });
    expect(byName['demo-reviewer']).toMatchObject({ role: 'leader', kind: null });
    expect(byName['demo-chief']).toMatchObject({ role: 'chain_chief', kind: 'chain', ref: 'CH02' });
    expect(byName['demo-office']).toMatchObject({ role: 'chain_office', kind: 'chain', ref: 'CH02' });
    expect(byName['demo-dept']).toMatchObject({ role: 'department', kind: 'department' });
    expect(byName['demo-park']).toMatchObject({ role: 'park', kind: 'park', park: '衡阳高新区' });
    expect(byName['demo-county']).toMatchObject({ role: 'county', kind: 'region', ref: '430421' });
    expect(byName['demo-enterprise']).toMatchObject({ role: 'enterprise', kind: 'enterprise', ch02_memberships: 1 });
    const firms = await d.pool.query(`select count(*)::int as n, bool_and(name like '%(示例)') as marked from enterprises`);
    expect(firms.rows[0].n).toBeGreaterThanOrEqual(1400);
    expect(firms.rows[0].n).toBeLessThanOrEqual(1700);
    expect(firms.rows[0].marked).toBe(true);
  }, 300_000); // seeds the whole demo and publishes its past (about 10 s idle; far longer on a shared machine)
});

describe('database errors', () => {
  it('maps a unique violation raised through Drizzle to 409 conflict by constraint name', async () => {
    const d = await freshDatabase();
    const row = { username: 'twin', displayName: 'x', role: 'leader', passwordHash: 'x' };
    await d.db.insert(users).values(row);
    const err = await d.db
      .insert(users)
      .values(row)
      .catch((e: unknown) => e);
    const mapped = fromDatabaseError(err);
    expect(mapped?.code).toBe('conflict');
    expect(mapped?.details).toEqual({ constraint: 'users_username_key' });
    // The embedded database keeps answering after a failed statement.
    const ok = await d.pool.query('select 1 as one');
    expect(ok.rows[0].one).toBe(1);
  });
});
