// 产业链缺口分析: the status of every node (环节) of a chain for a month, its suggested action and the
// reason in words. Pure: chains.map.ts loads the nodes, edges and firms (figures of published months
// only) and localises the reasons.
//
// Rules, in order (the first that holds decides):
// 1. 缺链 'missing' (补链): no local firm has a membership in the node this year → "本地无企业".
// 2. 断链 'fragile' (稳链):
//    a. the node feeds (has an edge to) a node with local firms through exactly one local firm
//       → "仅1家供应商：XX公司";
//    b. or its comparable YTD output fell by `sharpDrop` or more year on year (firms with a base
//       only, as the monitoring engine compares) → "产值同比下降35.2%".
// 3. 弱链 'weak' (强链): no firm in the year's 规上 名录; fewer than `minFirms` firms; or its YTD
//    output below `minOutputShare` of the chain's (each firm counted once) → every reason that holds.
// 4. otherwise 强 'strong' (延链: extend the chain from a strong link).
// Firm counts are the count-only node status of node-status.ts (same `minFirms`), so a node the
// chain page calls 缺链 is 缺链 here too.
import { groupBy } from '../../../shared/arrays.js';
import { GAP_ACTIONS, type GapAction, type GapStatus, type GapThresholds } from '../../../shared/contracts/chain-map.js';
import type { NodeStage } from '../../../shared/contracts/chains.js';
import { growthRate } from '../../../shared/stats/growth.js';
import { nodeStatusOf } from './node-status.js';

export type GapNodeInput = { key: string; name: string; stage: NodeStage; enterpriseCount: number; aboveScaleCount: number };

/** A local firm of a node with its YTD output and comparable base (null: no base, left out of growth). */
export type GapFirmInput = {
  nodeKey: string;
  uscc: string;
  name: string;
  aboveScale: boolean;
  chainMaster: boolean;
  output: number;
  base: number | null;
};

export type GapReasonCode = 'no_firm' | 'single_supplier' | 'output_drop' | 'no_above_scale' | 'few_firms' | 'small_share' | 'strong';
export type GapReasonParams = Record<string, string | number>;
export type GapReasonOf = { code: GapReasonCode; params: GapReasonParams };

export type GapNode = GapNodeInput & {
  status: GapStatus;
  action: GapAction;
  reasons: GapReasonOf[];
  output: number;
  growth: number | null;
  outputShare: number | null;
  firms: (Omit<GapFirmInput, 'nodeKey' | 'base'> & { growth: number | null })[];
};

/** Comparable growth of a set of firms: Σ output / Σ base − 1 over the firms with a base; null without one. */
export function comparableGrowth(firms: readonly { output: number; base: number | null }[]): number | null {
  let output = 0;
  let base = 0;
  for (const firm of firms) {
    if (firm.base === null) continue;
    output += firm.output;
    base += firm.base;
  }
  return growthRate(output, base);
}

/** Each firm once (a firm in two nodes of the chain counts once in the chain's output). */
export function distinctFirms<F extends { uscc: string }>(firms: readonly F[]): F[] {
  const seen = new Map<string, F>();
  for (const firm of firms) if (!seen.has(firm.uscc)) seen.set(firm.uscc, firm);
  return [...seen.values()];
}

const percent = (rate: number) => Math.round(rate * 1000) / 10;
/** A share in percent with two decimals, so 1.96% never reads as the 2% threshold it is below. */
const sharePercent = (rate: number) => Math.round(rate * 10000) / 100;

/** The gap analysis of one chain (rules above). Nodes keep their order. */
export function analyseGaps(input: {
  nodes: readonly GapNodeInput[];
  edges: readonly { from: string; to: string }[];
  firms: readonly GapFirmInput[];
  thresholds: GapThresholds;
}): GapNode[] {
  const { thresholds } = input;
  const firmsOf = groupBy(input.firms, (firm) => firm.nodeKey);
  const chainOutput = distinctFirms(input.firms).reduce((sum, firm) => sum + firm.output, 0);
  const localKeys = new Set(input.nodes.filter((n) => n.enterpriseCount > 0).map((n) => n.key));

  return input.nodes.map((node) => {
    const firms = firmsOf.get(node.key) ?? [];
    const output = firms.reduce((sum, firm) => sum + firm.output, 0);
    const growth = comparableGrowth(firms);
    const outputShare = chainOutput > 0 ? output / chainOutput : null;
    const feedsLocal = input.edges.some((e) => e.from === node.key && e.to !== node.key && localKeys.has(e.to));
    const reasons = reasonsOf(node, { firms, growth, outputShare, feedsLocal, thresholds });
    const status = statusOfReasons(reasons);
    return {
      ...node,
      status,
      action: GAP_ACTIONS[status],
      reasons,
      output,
      growth,
      outputShare,
      firms: firms
        .map(({ nodeKey: _key, base, ...firm }) => ({ ...firm, growth: base === null ? null : growthRate(firm.output, base) }))
        .sort((a, b) => b.output - a.output || a.uscc.localeCompare(b.uscc)),
    };
  });
}

const STATUS_OF_REASON: Record<GapReasonCode, GapStatus> = {
  no_firm: 'missing',
  single_supplier: 'fragile',
  output_drop: 'fragile',
  no_above_scale: 'weak',
  few_firms: 'weak',
  small_share: 'weak',
  strong: 'strong',
};

function statusOfReasons(reasons: readonly GapReasonOf[]): GapStatus {
  const first = reasons[0];
  return first === undefined ? 'strong' : STATUS_OF_REASON[first.code];
}

/** The reasons of the node's status only (the worst status that holds), in the rules' order. */
function reasonsOf(
  node: GapNodeInput,
  facts: { firms: GapFirmInput[]; growth: number | null; outputShare: number | null; feedsLocal: boolean; thresholds: GapThresholds },
): GapReasonOf[] {
  const { thresholds } = facts;
  if (nodeStatusOf(node, thresholds.minFirms) === 'missing') return [{ code: 'no_firm', params: {} }];
  const fragile: GapReasonOf[] = [];
  const only = facts.firms[0];
  if (node.enterpriseCount === 1 && facts.feedsLocal) {
    fragile.push({ code: 'single_supplier', params: { firm: only?.name ?? '' } });
  }
  if (facts.growth !== null && facts.growth <= -thresholds.sharpDrop) {
    fragile.push({ code: 'output_drop', params: { rate: percent(-facts.growth), threshold: percent(thresholds.sharpDrop) } });
  }
  if (fragile.length > 0) return fragile;
  const weak: GapReasonOf[] = [];
  if (node.aboveScaleCount === 0) weak.push({ code: 'no_above_scale', params: {} });
  if (node.enterpriseCount < thresholds.minFirms)
    weak.push({ code: 'few_firms', params: { count: node.enterpriseCount, min: thresholds.minFirms } });
  if (facts.outputShare !== null && facts.outputShare < thresholds.minOutputShare) {
    weak.push({
      code: 'small_share',
      params: { share: sharePercent(facts.outputShare), threshold: sharePercent(thresholds.minOutputShare) },
    });
  }
  if (weak.length > 0) return weak;
  return [{ code: 'strong', params: { count: node.enterpriseCount, aboveScale: node.aboveScaleCount } }];
}
