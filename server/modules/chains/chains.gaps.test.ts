import { describe, expect, it } from 'vitest';
import { DEFAULT_GAP_THRESHOLDS } from '../../../shared/contracts/chain-map.js';
import { analyseGaps, type GapFirmInput, type GapNodeInput } from './chains.gaps.js';

// A hand-made chain: 矿石 → 冶炼 → 零件 → 整机 → 服务, and 冶炼 → 回收. Thresholds: 2 firms, 2%, 30%.
const node = (key: string, stage: GapNodeInput['stage'], enterpriseCount: number, aboveScaleCount: number): GapNodeInput => ({
  key,
  name: key,
  stage,
  enterpriseCount,
  aboveScaleCount,
});
const nodes = [
  node('ore', 'upstream', 0, 0),
  node('smelt', 'midstream', 1, 1),
  node('parts', 'midstream', 2, 2),
  node('assembly', 'downstream', 3, 2),
  node('service', 'downstream', 2, 0),
  node('recycle', 'downstream', 2, 2),
];
const edges = [
  { from: 'ore', to: 'smelt' },
  { from: 'smelt', to: 'parts' },
  { from: 'parts', to: 'assembly' },
  { from: 'assembly', to: 'service' },
  { from: 'smelt', to: 'recycle' },
];
const firm = (nodeKey: string, name: string, output: number, base: number | null, aboveScale = true): GapFirmInput => ({
  nodeKey,
  uscc: `U-${name}`,
  name,
  aboveScale,
  chainMaster: false,
  output,
  base,
});
// Chain output (each firm once): 100 + 324 + 50 + 500 + 0 + 26 + 0 + 0 + 10 + 0 = 1010.
const firms = [
  firm('smelt', '甲冶炼', 100, 100),
  firm('parts', '乙零件', 324, 500),
  firm('parts', '丙零件', 50, null),
  firm('assembly', '丁整机', 500, 400),
  firm('assembly', '戊整机', 0, null, false),
  firm('assembly', '己整机', 26, 20),
  firm('service', '庚服务', 0, null, false),
  firm('service', '辛服务', 0, null, false),
  firm('recycle', '壬回收', 10, 10),
  firm('recycle', '癸回收', 0, null),
];

const result = analyseGaps({ nodes, edges, firms, thresholds: DEFAULT_GAP_THRESHOLDS });
const byKey = (key: string) => {
  const found = result.find((n) => n.key === key);
  if (!found) throw new Error(`no node ${key}`);
  return found;
};

describe('analyseGaps on a hand-made chain', () => {
  it('calls a node without local firms 缺链 with 补链', () => {
    expect(byKey('ore')).toMatchObject({ status: 'missing', action: 'fill', reasons: [{ code: 'no_firm' }], output: 0 });
  });

  it('calls a node 断链 when its single firm feeds a local node, naming the firm (稳链)', () => {
    expect(byKey('smelt')).toMatchObject({
      status: 'fragile',
      action: 'secure',
      reasons: [{ code: 'single_supplier', params: { firm: '甲冶炼' } }],
    });
  });

  it('calls a node 断链 when its comparable output fell sharply: 乙 324 against 500 = −35.2% (丙 has no base)', () => {
    const parts = byKey('parts');
    expect(parts.status).toBe('fragile');
    expect(parts.output).toBe(374);
    expect(parts.growth).toBeCloseTo(-0.352, 6);
    expect(parts.reasons).toEqual([{ code: 'output_drop', params: { rate: 35.2, threshold: 30 } }]);
  });

  it('calls a node 弱链 without a 规上 firm, also naming its 0% share of the chain (强链)', () => {
    expect(byKey('service')).toMatchObject({
      status: 'weak',
      action: 'grow',
      reasons: [{ code: 'no_above_scale' }, { code: 'small_share', params: { share: 0, threshold: 2 } }],
    });
  });

  it('calls a node 弱链 when its output is under 2% of the chain: 10 of 1010 = 0.99%', () => {
    const recycle = byKey('recycle');
    expect(recycle.status).toBe('weak');
    expect(recycle.outputShare).toBeCloseTo(10 / 1010, 9);
    expect(recycle.reasons).toEqual([{ code: 'small_share', params: { share: 0.99, threshold: 2 } }]);
  });

  it('calls a node 强链 otherwise (延链): 526 of 1010, growth 526/420 − 1 = +25.2%, firms by output', () => {
    const assembly = byKey('assembly');
    expect(assembly).toMatchObject({
      status: 'strong',
      action: 'extend',
      output: 526,
      reasons: [{ code: 'strong', params: { count: 3, aboveScale: 2 } }],
    });
    expect(assembly.growth).toBeCloseTo(526 / 420 - 1, 9);
    expect(assembly.firms.map((f) => [f.name, f.growth])).toEqual([
      ['丁整机', 0.25],
      ['己整机', 26 / 20 - 1],
      ['戊整机', null],
    ]);
  });

  it('calls a single firm 弱链 (fewer than 2 firms), not 断链, when it feeds no local node', () => {
    const [alone] = analyseGaps({
      nodes: [node('a', 'upstream', 1, 1), node('b', 'downstream', 0, 0)],
      edges: [{ from: 'a', to: 'b' }],
      firms: [firm('a', '子', 100, 90)],
      thresholds: DEFAULT_GAP_THRESHOLDS,
    });
    expect(alone).toMatchObject({ status: 'weak', reasons: [{ code: 'few_firms', params: { count: 1, min: 2 } }] });
  });

  it('follows the thresholds: with at least 1 firm and a 40% drop limit the fragile parts node is strong', () => {
    const relaxed = analyseGaps({ nodes, edges, firms, thresholds: { minFirms: 1, minOutputShare: 0, sharpDrop: 0.4 } });
    expect(relaxed.find((n) => n.key === 'parts')?.status).toBe('strong');
  });
});
