// The demo's 2025 assessment: both example schemes scored on the demo data, the method and source
// figures beside every score, all 15 chains ranked, the parks ranked national and provincial apart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunDetail } from '../../../shared/contracts/assessment.js';
import { createDemoTestDatabase } from '../../test/demo-database.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { getChainStatistics } from '../monitoring/monitoring.service.js';
import { getRun, listRuns, runScheme } from './assessment.service.js';

type TestDatabase = Awaited<ReturnType<typeof createDemoTestDatabase>>;
let database: TestDatabase;
const runs: Partial<Record<'chain' | 'park', RunDetail>> = {};

beforeAll(async () => {
  database = await createDemoTestDatabase();
  for (const summary of (await listRuns(database.db, SYSTEM_ACTOR, {})).items) {
    runs[summary.kind] = await getRun(database.db, SYSTEM_ACTOR, summary.id);
  }
}, 300_000);
afterAll(async () => database.drop());

const scoresOf = (r: RunDetail) => r.results.map((o) => [o.code, o.total, o.rank, o.indicators.map((i) => i.score)]);

describe('demo assessment 2025', () => {
  it('ranks all 15 chains on the published 2025 figures', async () => {
    const run = runs.chain;
    expect(run).toMatchObject({ year: 2025, schemeName: '链长制考核（示例）', objectCount: 15 });
    const ranks = run?.results.map((o) => o.rank) ?? [];
    expect(ranks[0]).toBe(1);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(ranks.every((r) => r >= 1 && r <= 15)).toBe(true);
    // The growth indicator reads the published December YTD answer: the same figure the monitoring shows.
    const published = await getChainStatistics(database.db, SYSTEM_ACTOR, { period: '2025-12', range: 'ytd' });
    for (const chain of run?.results ?? []) {
      const growth = chain.indicators.find((i) => i.code === 'output_growth');
      expect(growth?.figures).toMatchObject({ period: '2025-01…2025-12', status: 'published' });
      expect(growth?.figures.value).toBe(published.chains.find((c) => c.code === chain.code)?.yoy);
      expect(chain.indicators.find((i) => i.source === 'manual')?.figures.evidence).toMatch(/^示例：/);
      expect(chain.total).toBeGreaterThan(0);
    }
  });

  it('ranks national and provincial parks apart', () => {
    const parks = runs.park?.results ?? [];
    expect(parks).toHaveLength(11);
    for (const level of ['national', 'provincial'] as const) {
      const ranks = parks.filter((p) => p.level === level).map((p) => p.rank);
      expect(ranks[0]).toBe(1);
      expect(ranks.length).toBeGreaterThan(1);
    }
    expect(parks.map((p) => p.indicators.map((i) => i.group))[0]).toEqual(
      expect.arrayContaining(['规划定位好', '创新平台好', '产业项目好', '体制机制好', '发展形象好']),
    );
  });

  it('gives the same scores when the scheme is run again on unchanged data', async () => {
    const chain = runs.chain;
    if (!chain) throw new Error('no chain run');
    const again = await runScheme(database.db, SYSTEM_ACTOR, chain.schemeId);
    expect(scoresOf(again)).toEqual(scoresOf(chain));
  });
});
