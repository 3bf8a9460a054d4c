// The chain map and health ranking on the Hengyang demo, through the API: every chain's map has nodes
// with statuses, the nodes the demo leaves empty on purpose (GAP_NODES) are 缺链 and no node with a
// firm is, and the health ranking lists all 15 chains.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainHealthResponse, ChainMapResponse } from '../../../shared/contracts/chain-map.js';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/app.js';
import { buildUser, TEST_PASSWORD } from '../../test/factories/common.js';
import { GAP_NODES } from '../demo/demo-setup.js';

let t: TestApp;
let leader: Session;
let ranking: ChainHealthResponse;
const maps = new Map<string, ChainMapResponse>();

beforeAll(async () => {
  t = await createTestApp({}, { demo: true });
  const user = await buildUser(t.database.db, { role: 'leader' });
  leader = await loginAs(t.app, user.username, TEST_PASSWORD);
  const res = await t.app.inject({ method: 'GET', url: '/api/chains/health', headers: leader.headers });
  expect(res.statusCode, res.body).toBe(200);
  ranking = res.json();
  for (const item of ranking.items) {
    const map = await t.app.inject({ method: 'GET', url: `/api/chains/${item.code}/map`, headers: leader.headers });
    expect(map.statusCode, map.body).toBe(200);
    maps.set(item.code, map.json());
  }
}, 300_000);
afterAll(async () => t.close());

describe('chain maps on the demo', () => {
  it('ranks all 15 chains on the latest published month (2026-09), best first', () => {
    expect(ranking.period).toBe('2026-09');
    expect(ranking.items).toHaveLength(15);
    const scores = ranking.items.map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const item of ranking.items) expect(item.score).toBeGreaterThan(0);
  });

  it('gives every chain nodes with a status, and the nodes the demo left empty are 缺链 with 补链', () => {
    for (const [code, map] of maps) {
      expect(map.nodes.length, code).toBeGreaterThan(0);
      const missing = map.nodes.filter((n) => n.status === 'missing').map((n) => n.key);
      expect(missing, code).toEqual([...(GAP_NODES[code] ?? [])]);
      for (const n of map.nodes.filter((x) => x.status === 'missing'))
        expect(n).toMatchObject({ action: 'fill', reason: '本地无企业', enterpriseCount: 0 });
    }
  });

  it('states a reason for every node and sums node output over the firms the panel lists', () => {
    for (const map of maps.values()) {
      for (const n of map.nodes) {
        expect(n.reason.length).toBeGreaterThan(0);
        expect(n.firms.reduce((sum, f) => sum + f.output, 0)).toBe(n.output);
        expect(n.firms).toHaveLength(n.enterpriseCount);
      }
    }
  });

  it('reports the same health score on the map and in the ranking', () => {
    for (const item of ranking.items) expect(maps.get(item.code)?.health.score).toBe(item.score);
  });
});

describe('五单 on the demo', () => {
  it('puts fictional 示例 targets on 缺链 nodes of the chains and a research result beside them', async () => {
    let targets = 0;
    for (const item of ranking.items) {
      const res = await t.app.inject({ method: 'GET', url: `/api/chains/${item.code}/prospects`, headers: leader.headers });
      expect(res.statusCode, res.body).toBe(200);
      const missing = new Set((maps.get(item.code)?.nodes ?? []).filter((n) => n.status === 'missing').map((n) => n.key));
      for (const p of res.json().items as { name: string; nodeKey: string; isDemo: boolean }[]) {
        expect(p.name).toContain('示例');
        expect(p.isDemo).toBe(true);
        expect(missing.has(p.nodeKey)).toBe(true);
        targets++;
      }
    }
    expect(targets).toBeGreaterThan(0);
    const research = await t.app.inject({ method: 'GET', url: `/api/chains/${ranking.items[0]?.code}/research`, headers: leader.headers });
    expect(research.json().items.every((r: { title: string }) => r.title.includes('示例'))).toBe(true);
  });
});
