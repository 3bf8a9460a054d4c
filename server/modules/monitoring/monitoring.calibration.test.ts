// Calibration through the engine users see: the demo dataset must reproduce the city's published
// Jan–Jun 2024 figures (855.04亿元, 4 chains growing by double digits) through the API, and each chain
// must sit within ±1% output and ±0.5 points growth of demoH1_2024 in the product's chains.json.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { MonitoringChainsResponse } from '../../../shared/contracts/monitoring.js';
import { createTestApp, loginAs, type TestApp } from '../../test/app.js';
import { buildUser, TEST_PASSWORD } from '../../test/factories/common.js';

const CHAINS_JSON = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../db/seed/chains.json');
const reference = z
  .object({ chains: z.array(z.object({ code: z.string(), demoH1_2024: z.object({ outputYi: z.number(), yoy: z.number() }) })) })
  .parse(JSON.parse(fs.readFileSync(CHAINS_JSON, 'utf8')));

let t: TestApp;
let answer: MonitoringChainsResponse;

beforeAll(async () => {
  t = await createTestApp({}, { demo: true });
  const leader = await buildUser(t.database.db, { role: 'leader' });
  const session = await loginAs(t.app, leader.username, TEST_PASSWORD);
  const res = await t.app.inject({ method: 'GET', url: '/api/monitoring/chains?period=2024-06&range=ytd', headers: session.headers });
  expect(res.statusCode, res.body).toBe(200);
  answer = res.json();
}, 300_000);
afterAll(async () => t.close());

describe('demo calibration through GET /api/monitoring/chains (Jan–Jun 2024)', () => {
  it('gives the published deduplicated total: 855.04亿元', () => {
    expect(Math.round(answer.total.output / 1e6)).toBe(85_504);
    expect(answer.total.chainSum.output).toBeGreaterThan(answer.total.output);
  });

  it('has exactly 4 chains growing by double digits', () => {
    expect(answer.doubleDigitCount).toBe(4);
    expect(answer.chains.filter((c) => c.doubleDigit).map((c) => c.code)).toEqual(['CH02', 'CH03', 'CH07', 'CH10']);
  });

  it('puts each of the 15 chains within ±1% output and ±0.5 points growth of chains.json', () => {
    expect(answer.chains.map((c) => c.code).sort()).toEqual(reference.chains.map((c) => c.code).sort());
    for (const target of reference.chains) {
      const chain = answer.chains.find((c) => c.code === target.code)!;
      const output = target.demoH1_2024.outputYi * 1e8;
      expect(Math.abs(chain.output - output) / output, `${target.code} output`).toBeLessThanOrEqual(0.01);
      expect(Math.abs((chain.yoy ?? NaN) - target.demoH1_2024.yoy), `${target.code} yoy`).toBeLessThanOrEqual(0.005);
    }
  });

  it('reports the firms left out of growth and an as-of time', () => {
    expect(answer.total.excludedFromGrowth).toBeGreaterThan(0);
    expect(answer.total.comparableOutput).toBeLessThan(answer.total.output);
    expect(answer.asOf).toMatch(/^20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });
});
