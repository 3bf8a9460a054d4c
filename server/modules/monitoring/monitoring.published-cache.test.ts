import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { MonitoringChainsResponse } from '../../../shared/contracts/monitoring.js';
import { putGrossOutput } from '../../test/factories/figures.js';
import { COUNTY_A, usccOf, useMonitoringApp } from '../../test/factories/monitoring.js';
import { statisticComputations } from './monitoring.service.js';

// A published month's answers are computed from its frozen figures and kept under the master-data
// token (monitoring.cache.ts): a write of the live figures of another month leaves them cached; a
// republication or a change of master data they read gives the new answer at once.

const { t, fixture } = useMonitoringApp({
  published: ['2024-02'],
  users: { admin: { role: 'admin' }, county: { role: 'county', scopes: [{ kind: 'region', ref: COUNTY_A }] } },
});
const { admin, county } = t.users;
const FEB = '/api/monitoring/chains?period=2024-02&range=month';

async function countyChains(): Promise<MonitoringChainsResponse> {
  return (await t.read(FEB, county)) as MonitoringChainsResponse;
}

function chainOutput(answer: MonitoringChainsResponse, code: string): number {
  return answer.chains.find((c) => c.code === code)?.output ?? 0;
}

describe('published answers cached across unrelated writes', () => {
  it('keeps the published 1–2月 answer cached across a hand entry of unpublished April, and gives the same figures', async () => {
    const before = await countyChains();
    expect(before.publication.status).toBe('published');
    // Firm A (county A, CH01): 100 in January and 120 in February 2024.
    expect(chainOutput(before, 'CH01')).toBeGreaterThanOrEqual(220);
    const computed = statisticComputations().chains;
    const entered = await putGrossOutput(t.app, admin, usccOf('A'), '2024-04', 5000);
    expect(entered.statusCode, entered.body).toBe(200);
    const after = await countyChains();
    expect(after).toEqual(before);
    expect(statisticComputations().chains).toBe(computed);
  });

  it('gives the new answer after a chain membership changes (master data the answer reads)', async () => {
    const before = await countyChains();
    const node = fixture.nodeIds.get('CH01:a1') ?? -1;
    await t.database.db.execute(sql`delete from enterprise_memberships where uscc = ${usccOf('A')} and node_id = ${node}`);
    const after = await countyChains();
    // Firm A's 1–2月 (100 + 120) leave CH01.
    expect(chainOutput(after, 'CH01')).toBe(chainOutput(before, 'CH01') - 220);
  });

  it('gives the new ranking after a firm is renamed', async () => {
    const url = '/api/monitoring/enterprises?period=2024-02&range=month&pageSize=50';
    const names = async () =>
      ((await t.read(url, county)).items as { uscc: string; name: string }[]).find((i) => i.uscc === usccOf('G'))?.name;
    expect(await names()).not.toBe('改名后的企业');
    await t.database.db.execute(sql`update enterprises set name = '改名后的企业' where uscc = ${usccOf('G')}`);
    expect(await names()).toBe('改名后的企业');
  });

  it('gives the republished figures after a reopen, a correction and a new publication', async () => {
    const before = await countyChains();
    const total = before.total.output;
    const reopened = await t.send('POST', '/api/periods/2024-02/reopen', admin, { reason: '企业G更正2月产值' });
    expect(reopened.statusCode, reopened.body).toBe(200);
    // Still the old snapshot until republished.
    expect((await countyChains()).total.output).toBe(total);
    const stored = (
      await t.database.db.execute(
        sql`select gross_output::int as v from monthly_figures where uscc = ${usccOf('G')} and period = '2024-02'`,
      )
    ).rows[0] as { v: number };
    const corrected = await putGrossOutput(t.app, admin, usccOf('G'), '2024-02', stored.v + 1000);
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect((await countyChains()).total.output).toBe(total);
    const published = await t.send('POST', '/api/periods/2024-02/publish', admin);
    expect(published.statusCode, published.body).toBe(200);
    expect((await countyChains()).total.output).toBe(total + 1000);
  });

  it('stores the trend with a publication and answers the first request from it', async () => {
    const reopened = await t.send('POST', '/api/periods/2024-02/reopen', admin, { reason: '重新发布以存储趋势' });
    expect(reopened.statusCode, reopened.body).toBe(200);
    const published = await t.send('POST', '/api/periods/2024-02/publish', admin);
    expect(published.statusCode, published.body).toBe(200);
    const keys = await t.database.db.execute(sql`
      select a.key from period_snapshot_answers a
       where a.snapshot_id = (select max(id) from period_snapshots where period = '2024-02') and a.key like '2024-02|trend:%'
       order by a.key`);
    expect(keys.rows.map((r) => (r as { key: string }).key)).toEqual(['2024-02|trend:24']);
    const latest = sql`snapshot_id = (select max(id) from period_snapshots where period = '2024-02') and key = '2024-02|trend:24'`;
    const storedRow = await t.database.db.execute(
      sql`select (answer->'points'->-1->>'output')::int as output from period_snapshot_answers where ${latest}`,
    );
    const stored = (storedRow.rows[0] as { output: number }).output;
    expect(stored).toBeGreaterThan(0);
    // The stored answer is what the first request gets: altered by 1 元, the response shows it.
    await t.database.db.execute(sql`
      update period_snapshot_answers
         set answer = jsonb_set(answer, array['points', (jsonb_array_length(answer->'points') - 1)::text, 'output'], to_jsonb(${stored + 1}::int))
       where ${latest}`);
    const answer = await t.read('/api/monitoring/trend?period=2024-02&months=24', admin);
    expect((answer.points as { output: number | null }[]).at(-1)?.output).toBe(stored + 1);
  });
});
