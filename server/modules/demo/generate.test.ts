import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { groupBy } from '../../../shared/arrays.js';
import { checkChainEdge } from '../../../shared/chain-graph.js';
import { validateUscc } from '../../../shared/uscc.js';
import { GAP_NODES } from './demo-setup.js';
import { generateDemoData, generateReferenceData, MISSING_PERIOD, UNIT_SLIP_FACTOR, UNIT_SLIP_PERIOD } from './generate.js';
import { REFERENCE_CHAINS } from '../../db/seed/reference-data.js';

const data = generateDemoData();

function hashOf(value: unknown): string {
  return crypto.createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

describe('generateDemoData', () => {
  it('is deterministic: two runs give the same rows', () => {
    expect(hashOf(generateDemoData())).toBe(hashOf(data));
  });

  it('a different seed gives different firms', () => {
    expect(generateDemoData(7).enterprises[20]?.uscc).not.toBe(data.enterprises[20]?.uscc);
  });

  it('has about 1,400–1,700 enterprises and monthly figures from 2022-01 through 2026-10', () => {
    expect(data.enterprises.length).toBeGreaterThanOrEqual(1400);
    expect(data.enterprises.length).toBeLessThanOrEqual(1700);
    const periods = [...new Set(data.monthlyFigures.map((r) => r.period))].sort();
    expect(periods[0]).toBe('2022-01');
    expect(periods.at(-1)).toBe('2026-10');
    expect(periods).toHaveLength(58);
    expect(data.monthlyFigures.length).toBeGreaterThan(60_000);
  });

  it('gives every enterprise a valid, unique USCC whose positions 3–8 are its region code', () => {
    const codes = new Set<string>();
    for (const e of data.enterprises) {
      expect(validateUscc(e.uscc), e.uscc).toEqual({ ok: true, value: e.uscc });
      expect(e.uscc.slice(2, 8)).toBe(e.regionCode);
      codes.add(e.uscc);
    }
    expect(codes.size).toBe(data.enterprises.length);
  });

  it('marks every demo enterprise: the name ends with (示例), is unique, and is_demo is set', () => {
    for (const e of data.enterprises) {
      expect(e.name.endsWith('(示例)'), e.name).toBe(true);
      expect(e.isDemo).toBe(true);
    }
    expect(new Set(data.enterprises.map((e) => e.name)).size).toBe(data.enterprises.length);
  });

  it('includes every reference chain master as a 链主 enterprise', () => {
    const masters = new Set(data.enterprises.filter((e) => e.isChainMaster).map((e) => e.name));
    for (const chain of REFERENCE_CHAINS) for (const name of chain.chainMasters) expect(masters.has(name), name).toBe(true);
  });

  it('leaves the planned nodes without any local firm (gaps) and fills every other node', () => {
    const used = new Set(data.memberships.map((m) => `${m.chainCode}:${m.nodeKey}`));
    const empty = data.chainNodes.filter((n) => !used.has(`${n.chainCode}:${n.key}`)).map((n) => `${n.chainCode}:${n.key}`);
    const planned = Object.entries(GAP_NODES).flatMap(([chain, keys]) => keys.map((k) => `${chain}:${k}`));
    expect(empty.sort()).toEqual(planned.sort());
    expect(empty.length).toBeGreaterThanOrEqual(10);
  });

  it('puts some firms in two chains, each with exactly one primary membership', () => {
    const byFirm = groupBy(data.memberships, (m) => m.uscc);
    const twoChains = [...byFirm.values()].filter((ms) => new Set(ms.map((m) => m.chainCode)).size === 2);
    expect(twoChains.length).toBeGreaterThanOrEqual(30);
    for (const ms of byFirm.values()) expect(ms.filter((m) => m.isPrimary)).toHaveLength(1);
  });

  it('has CH15 from 2023, so 2022 lists 14 chains and 2023 lists 15', () => {
    const validIn = (year: number) => data.chains.filter((c) => c.validFromYear <= year && (c.validToYear ?? 9999) >= year).length;
    expect(data.chains.find((c) => c.code === 'CH15')?.validFromYear).toBe(2023);
    expect(validIn(2022)).toBe(14);
    expect(validIn(2023)).toBe(15);
  });

  it('keeps every edge inside its chain', () => {
    const nodes = new Map(data.chainNodes.map((n, i) => [`${n.chainCode}:${n.key}`, { id: i, chainCode: n.chainCode, key: n.key }]));
    expect(data.chainEdges.length).toBeGreaterThan(80);
    for (const e of data.chainEdges) {
      const from = nodes.get(`${e.chainCode}:${e.fromKey}`);
      const to = nodes.get(`${e.chainCode}:${e.toKey}`);
      if (!from || !to) throw new Error(`edge ${e.chainCode}:${e.fromKey}→${e.toKey} names an unknown node`);
      expect(checkChainEdge(from, to)).toEqual({ ok: true });
    }
  });

  it('has 规上 entrants and leavers every year from 2023 to 2026', () => {
    const years = groupBy(data.scaleYears, (s) => s.uscc);
    for (let y = 2023; y <= 2026; y += 1) {
      const sets = [...years.values()].map((rows) => new Set(rows.map((r) => r.year)));
      const entrants = sets.filter((s) => s.has(y) && !s.has(y - 1)).length;
      const leavers = sets.filter((s) => !s.has(y) && s.has(y - 1)).length;
      expect(entrants, `entrants ${y}`).toBeGreaterThanOrEqual(20);
      expect(leavers, `leavers ${y}`).toBeGreaterThanOrEqual(20);
    }
  });

  it('has a realistic size skew and a Spring Festival dip', () => {
    const byFirm = new Map<string, number>();
    const byPeriod = new Map<string, number>();
    for (const r of data.monthlyFigures) {
      if (r.period >= '2024-01' && r.period <= '2024-06') byFirm.set(r.uscc, (byFirm.get(r.uscc) ?? 0) + (r.grossOutput ?? 0));
      byPeriod.set(r.period, (byPeriod.get(r.period) ?? 0) + (r.grossOutput ?? 0));
    }
    const sizes = [...byFirm.values()].sort((a, b) => b - a);
    const median = sizes[Math.floor(sizes.length / 2)] ?? 1;
    expect((sizes[0] ?? 0) / median).toBeGreaterThan(100);
    // 2024: the festival fell on 10 February; 2023: on 22 January.
    const month = (p: string) => byPeriod.get(p) ?? 0;
    expect(month('2024-02')).toBeLessThan(0.8 * month('2024-03'));
    expect(month('2023-01')).toBeLessThan(0.85 * month('2023-03'));
  });

  it('plants a 10,000× unit slip and a missing month for firms in the 2026 名录', () => {
    const slip = data.anomalies.find((a) => a.kind === 'unit_slip');
    const missing = data.anomalies.find((a) => a.kind === 'missing_month');
    if (!slip || !missing) throw new Error('anomalies missing');
    const series = data.monthlyFigures.filter((r) => r.uscc === slip.uscc);
    const slipped = series.find((r) => r.period === UNIT_SLIP_PERIOD)?.grossOutput ?? 0;
    const before = series.find((r) => r.period === '2026-09')?.grossOutput ?? 1;
    expect(slipped / before).toBeGreaterThan(UNIT_SLIP_FACTOR / 2);
    const inScope2026 = (uscc: string) => data.scaleYears.some((s) => s.uscc === uscc && s.year === 2026);
    expect(inScope2026(slip.uscc)).toBe(true);
    expect(inScope2026(missing.uscc)).toBe(true);
    const periods = data.monthlyFigures.filter((r) => r.uscc === missing.uscc).map((r) => r.period);
    expect(periods).not.toContain(MISSING_PERIOD);
    expect(periods).toContain('2026-08');
    expect(periods).toContain('2026-10');
  });

  it('stores money as integer 元 and never a negative output', () => {
    const bad = data.monthlyFigures.filter(
      (r) =>
        !Number.isSafeInteger(r.grossOutput) ||
        (r.grossOutput ?? -1) < 0 ||
        !Number.isSafeInteger(r.revenue) ||
        !Number.isSafeInteger(r.profit) ||
        !Number.isSafeInteger(r.taxes),
    );
    expect(bad).toEqual([]);
  });
});

describe('generateReferenceData', () => {
  it('has the real regions and parks, the ten industries and 15 chains, without demo chain masters', () => {
    const ref = generateReferenceData({ withMasters: false });
    expect(ref.regions).toHaveLength(15);
    expect(ref.parks).toHaveLength(11);
    expect(ref.industries).toHaveLength(10);
    expect(ref.chains).toHaveLength(15);
    expect(ref.chains.every((c) => (c.chainMasters ?? []).length === 0)).toBe(true);
    expect(ref.parks.find((p) => p.shortName === '衡阳高新区')).toMatchObject({ level: 'national', areaHectares: 13735 });
  });
});
