import { describe, expect, it } from 'vitest';
import { chainHealthOf, herfindahl } from './chains.health.js';

const valueOf = (health: ReturnType<typeof chainHealthOf>, name: string) => health.components.find((c) => c.name === name);

describe('chainHealthOf on a hand-made chain', () => {
  // 4 nodes, 3 with local firms. Firms: A 600 (base 600), B 300 (base 250), C 100 (no base, 链主).
  // Gap nodes: 2 now, 1 a year earlier.
  const health = chainHealthOf({
    nodeCount: 4,
    localNodeCount: 3,
    firms: [
      { output: 600, chainMaster: false },
      { output: 300, chainMaster: false },
      { output: 100, chainMaster: true },
    ],
    growth: (600 + 300) / (600 + 250) - 1,
    gapsNow: 2,
    gapsYearAgo: 1,
  });

  it('coverage = 3 ÷ 4 = 0.75', () => {
    expect(valueOf(health, 'coverage')).toEqual({ name: 'coverage', value: 0.75, weight: 0.3, raw: 0.75 });
  });

  it('concentration = 1 − HHI, HHI = 0.6² + 0.3² + 0.1² = 0.46 → 0.54', () => {
    expect(valueOf(health, 'concentration')).toEqual({ name: 'concentration', value: 0.54, weight: 0.2, raw: 0.46 });
  });

  it('growth = 900 ÷ 850 − 1 = 5.88% → 0.5 + 0.0588 ÷ 0.4 = 0.6471', () => {
    expect(valueOf(health, 'growth')).toEqual({ name: 'growth', value: 0.6471, weight: 0.2, raw: 0.0588 });
  });

  it('chain-master share = 100 ÷ 1000 = 10% → 10% ÷ 30% = 0.3333', () => {
    expect(valueOf(health, 'chainMaster')).toEqual({ name: 'chainMaster', value: 0.3333, weight: 0.15, raw: 0.1 });
  });

  it('gap trend: one gap more than a year earlier → 0.5 − 0.25 = 0.25', () => {
    expect(valueOf(health, 'gapTrend')).toEqual({ name: 'gapTrend', value: 0.25, weight: 0.15, raw: 1 });
  });

  it('score = 100 × (0.3×0.75 + 0.2×0.54 + 0.2×0.64706 + 0.15×0.33333 + 0.15×0.25) = 54.99 → 55.0', () => {
    expect(health.score).toBe(55);
  });

  it('gives a chain hanging on one firm a concentration of 0 (HHI 1)', () => {
    expect(herfindahl([800])).toBe(1);
    const one = chainHealthOf({
      nodeCount: 2,
      localNodeCount: 1,
      firms: [{ output: 800, chainMaster: true }],
      growth: 0,
      gapsNow: 1,
      gapsYearAgo: 1,
    });
    expect(valueOf(one, 'concentration')?.value).toBe(0);
    // 100 × (0.3×0.5 + 0.2×0 + 0.2×0.5 + 0.15×1 + 0.15×0.5) = 47.5
    expect(one.score).toBe(47.5);
  });

  it('scores the figure components 0 without published output, and caps growth at ±20%', () => {
    const empty = chainHealthOf({ nodeCount: 3, localNodeCount: 0, firms: [], growth: null, gapsNow: 3, gapsYearAgo: 3 });
    expect(empty.components.map((c) => [c.name, c.value, c.raw])).toEqual([
      ['coverage', 0, 0],
      ['concentration', 0, null],
      ['growth', 0, null],
      ['chainMaster', 0, null],
      ['gapTrend', 0.5, 0],
    ]);
    expect(empty.score).toBe(7.5);
    const boom = chainHealthOf({
      nodeCount: 1,
      localNodeCount: 1,
      firms: [{ output: 1, chainMaster: false }],
      growth: 0.9,
      gapsNow: 0,
      gapsYearAgo: 0,
    });
    expect(valueOf(boom, 'growth')?.value).toBe(1);
  });
});
