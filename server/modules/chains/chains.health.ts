// 产业链健康指数 (0–100): the weighted sum of five components, each a value from 0 (worst) to 1 (best),
// × 100, rounded to one decimal. The formula, as the health page shows it:
//
//   coverage      0.30  local nodes (≥ 1 local firm) ÷ all nodes
//   concentration 0.20  1 − HHI, HHI = Σ (firm's YTD output ÷ chain's YTD output)² over the chain's firms
//                       (each firm once): a chain hanging on one firm has HHI 1, value 0
//   growth        0.20  comparable YTD growth g mapped linearly: −20% or worse → 0, 0% → 0.5, +20% or better → 1
//   chainMaster   0.15  output share of 链主 firms s ÷ 30%, at most 1 (a chain whose 链主 make 30% scores full)
//   gapTrend      0.15  change d in the number of gap nodes (缺链 or 弱链 by firm counts) against a year
//                       earlier: 0.5 − 0.25·d, within 0–1 (two gaps closed → 1; two opened → 0)
//
// Without published output (nothing published, or no figures) the figure components have raw null and
// value 0: a chain without figures cannot show health it has not reported.
import { HEALTH_COMPONENTS, type ChainHealth } from '../../../shared/contracts/chain-map.js';

export const HEALTH_WEIGHTS: Record<(typeof HEALTH_COMPONENTS)[number], number> = {
  coverage: 0.3,
  concentration: 0.2,
  growth: 0.2,
  chainMaster: 0.15,
  gapTrend: 0.15,
};

/** The growth that maps to 0 and to 1 (±20%). */
const GROWTH_SPAN = 0.2;
/** The 链主 output share that scores full (30%). */
const CHAIN_MASTER_FULL_SHARE = 0.3;
/** What one gap node more (or fewer) than a year earlier moves the gap-trend value. */
const GAP_STEP = 0.25;

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const round = (x: number, decimals: number) => Math.round(x * 10 ** decimals) / 10 ** decimals;

export type HealthInput = {
  nodeCount: number;
  localNodeCount: number;
  /** The chain's firms, each once, with YTD output (元) and whether it is a 链主. */
  firms: readonly { output: number; chainMaster: boolean }[];
  /** Comparable YTD growth of the chain, null without a base. */
  growth: number | null;
  gapsNow: number;
  gapsYearAgo: number;
};

/** Herfindahl–Hirschman index of output shares (0–1), null when the chain has no output. */
export function herfindahl(outputs: readonly number[]): number | null {
  const total = outputs.reduce((sum, o) => sum + o, 0);
  if (total <= 0) return null;
  return outputs.reduce((sum, o) => sum + (o / total) ** 2, 0);
}

/** The health index of a chain with its components (formula above). */
export function chainHealthOf(input: HealthInput): ChainHealth {
  const total = input.firms.reduce((sum, f) => sum + f.output, 0);
  const coverage = input.nodeCount > 0 ? input.localNodeCount / input.nodeCount : null;
  const hhi = herfindahl(input.firms.map((f) => f.output));
  const masterShare = total > 0 ? input.firms.filter((f) => f.chainMaster).reduce((sum, f) => sum + f.output, 0) / total : null;
  const gapChange = input.gapsNow - input.gapsYearAgo;
  const parts = {
    coverage: { raw: coverage, value: coverage ?? 0 },
    concentration: { raw: hhi, value: hhi === null ? 0 : 1 - hhi },
    growth: { raw: input.growth, value: input.growth === null ? 0 : clamp01(0.5 + input.growth / (2 * GROWTH_SPAN)) },
    chainMaster: { raw: masterShare, value: masterShare === null ? 0 : clamp01(masterShare / CHAIN_MASTER_FULL_SHARE) },
    gapTrend: { raw: gapChange, value: clamp01(0.5 - GAP_STEP * gapChange) },
  };
  const components = HEALTH_COMPONENTS.map((name) => ({
    name,
    value: round(parts[name].value, 4),
    weight: HEALTH_WEIGHTS[name],
    raw: parts[name].raw === null ? null : round(parts[name].raw, 4),
  }));
  const score = round(100 * HEALTH_COMPONENTS.reduce((sum, name) => sum + HEALTH_WEIGHTS[name] * parts[name].value, 0), 1);
  return { score, components };
}
