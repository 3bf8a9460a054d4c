// Sets every demo firm's Jan–Jun 2024 output and, for firms with a comparable base, its Jan–Jun
// 2023 output, in integer 元, so that the published figures come out exactly:
//   • Σ over chain c's firms in the 2024 名录 = demoH1_2024.outputYi of c (each chain exact);
//   • two-chain firms sum to Σ chains − 855.04亿, so the deduplicated total is 85,504,000,000 元;
//   • on the comparable basis, Σ 2024 / Σ 2023 over c's firms that have a full 2023 base = 1 + yoy.
import type { DemoFirm, FirmAnchor } from './demo-types.js';
import { DEDUPLICATED_H1_2024 } from './demo-setup.js';
import { reportsFullH1, scaleYearsOf } from './lifecycle.js';
import { createRandom } from './prng.js';
import { REFERENCE_CHAINS } from '../../db/seed/reference-data.js';

/** Chain targets in 元 from chains.json. */
export function chainTargets(): { code: string; output: number; growth: number }[] {
  return REFERENCE_CHAINS.map((c) => ({ code: c.code, output: Math.round(c.demoH1_2024.outputYi * 1e8), growth: c.demoH1_2024.yoy }));
}

/** Element `i` of a list the caller built to have it (a missing element is a generator bug). */
export function at<T>(items: readonly T[], i: number): T {
  const item = items[i];
  if (item === undefined) throw new Error(`index ${i} out of range`);
  return item;
}

const sumOf = (values: readonly number[]) => values.reduce((s, x) => s + x, 0);

/**
 * Splits an integer total into integers proportional to `parts` (which should sum to about the
 * total); the rounding remainder goes to the largest part, so the sum is exact.
 */
export function allocateExactly(total: number, parts: readonly number[]): number[] {
  const sum = parts.reduce((s, x) => s + x, 0);
  const values = parts.map((x) => Math.floor((x * total) / sum));
  let largest = 0;
  values.forEach((v, i) => {
    if (v > at(values, largest)) largest = i;
  });
  values[largest] = at(values, largest) + total - sumOf(values);
  return values;
}

/** A firm in the 2024 chain scope: in the 2024 名录 with at least one chain membership. */
function inScope2024(firm: DemoFirm): boolean {
  return firm.memberships.length > 0 && scaleYearsOf(firm.lifecycle).includes(2024);
}

/** Jan–Jun 2024 output of every firm; virtual (below the line, never counted) for firms outside the 2024 scope. */
function allocateOutputs(firms: readonly DemoFirm[]): number[] {
  const targets = chainTargets();
  const output = firms.map((f) => (f.size === 'other' ? Math.round(f.minimum + f.weight * 1.5e6) : Math.round(f.minimum)));
  const overlap = firms.flatMap((f, i) => (f.size === 'overlap' ? [i] : []));
  const overlapTotal = sumOf(targets.map((t) => t.output)) - DEDUPLICATED_H1_2024;
  const overlapValues = allocateExactly(
    overlapTotal,
    overlap.map((i) => at(firms, i).weight),
  );
  overlap.forEach((i, k) => (output[i] = at(overlapValues, k)));

  for (const target of targets) {
    const inChain = (f: DemoFirm) => f.memberships.some((m) => m.chainCode === target.code);
    const overlapInChain = sumOf(overlap.filter((i) => inChain(at(firms, i))).map((i) => at(output, i)));
    const singles = firms.flatMap((f, i) => (f.size !== 'overlap' && inChain(f) && inScope2024(f) ? [i] : []));
    const rest = target.output - overlapInChain;
    const masterParts = singles.map((i) => (at(firms, i).size === 'master' ? at(firms, i).weight * rest : 0));
    const floors = singles.map((i) => (at(firms, i).size === 'master' ? 0 : at(firms, i).minimum));
    const pool = rest - sumOf(masterParts) - sumOf(floors);
    if (pool <= 0) throw new Error(`chain ${target.code}: its firms' minimum output exceeds the target`);
    const weights = singles.map((i) => (at(firms, i).size === 'regular' ? at(firms, i).weight : 0));
    const weightSum = sumOf(weights);
    const parts = singles.map((_, k) => at(masterParts, k) + at(floors, k) + (pool * at(weights, k)) / weightSum);
    const values = allocateExactly(rest, parts);
    singles.forEach((i, k) => (output[i] = at(values, k)));
  }
  return output;
}

/**
 * Jan–Jun 2023 bases. Two-chain firms grow about the mean of their two chains, 2024 entrants that
 * reported below scale grow 22–55%; the other firms of each chain share what remains of the base
 * that makes the chain's comparable growth exactly its target, each with its own noise.
 */
function allocateBases(seed: number, firms: readonly DemoFirm[], output: readonly number[]): (number | null)[] {
  const random = createRandom(seed, 'bases');
  const targets = chainTargets();
  const growthOf = new Map(targets.map((t) => [t.code, t.growth]));
  const base: (number | null)[] = firms.map(() => null);
  const hasBase = (f: DemoFirm) => inScope2024(f) && reportsFullH1(f.lifecycle, 2023);
  const fixed = new Set<number>();
  firms.forEach((f, i) => {
    if (!hasBase(f)) return;
    let growth: number | null = null;
    if (f.size === 'overlap') {
      growth = sumOf(f.memberships.map((m) => growthOf.get(m.chainCode) ?? 0)) / 2 + random.range(-0.04, 0.04);
    } else if (f.lifecycle.kind === 'entrant' && f.lifecycle.year === 2024) {
      growth = random.range(0.22, 0.55);
    }
    if (growth !== null) {
      base[i] = Math.round(at(output, i) / (1 + growth));
      fixed.add(i);
    }
  });
  for (const target of targets) {
    const members = firms.flatMap((f, i) => (hasBase(f) && f.memberships.some((m) => m.chainCode === target.code) ? [i] : []));
    const need = Math.round(sumOf(members.map((i) => at(output, i))) / (1 + target.growth));
    const flexible = members.filter((i) => !fixed.has(i));
    const flexibleBase = need - sumOf(members.filter((i) => fixed.has(i)).map((i) => base[i] ?? 0));
    const flexibleGrowth = sumOf(flexible.map((i) => at(output, i))) / flexibleBase - 1;
    if (!(flexibleGrowth > -0.3 && flexibleGrowth < 0.6)) {
      throw new Error(`chain ${target.code}: implausible growth ${flexibleGrowth} left for its single-chain firms`);
    }
    const raw = flexible.map((i) => {
      const noise = at(firms, i).size === 'master' ? random.range(-0.02, 0.02) : random.range(-0.12, 0.12);
      return at(output, i) / Math.max(0.5, 1 + flexibleGrowth + noise);
    });
    const values = allocateExactly(flexibleBase, raw);
    flexible.forEach((i, k) => (base[i] = at(values, k)));
  }
  return base;
}

/** The calibrated Jan–Jun 2024 and Jan–Jun 2023 totals of every firm (same order as `firms`). */
export function calibrate(seed: number, firms: readonly DemoFirm[]): FirmAnchor[] {
  const output = allocateOutputs(firms);
  const base = allocateBases(seed, firms, output);
  return firms.map((f, i) => ({ h1Of2024: at(output, i), h1Of2023: base[i] ?? null, inScope2024: inScope2024(f) }));
}
