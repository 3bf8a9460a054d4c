import type { NodeStatus } from '../../../shared/contracts/chains.js';

/** Fewer local firms than this make a node weak (弱链) even when one of them is 规上 (the gap analysis' default `minFirms`). */
export const WEAK_NODE_MIN_FIRMS = 2;

/**
 * The status of a chain node (环节) from its local firms: 缺链 'missing' when no local firm sits in
 * it; 弱链 'weak' when it has fewer than `minFirms` firms, or none of them is in the 规上 名录 of the year
 * (the domain's "few firms, no 规上 firm"; output is not used, so the status does not move with a
 * late monthly report); 'ok' otherwise.
 *
 * This is the first, count-only stage of the gap analysis (chains.gaps.ts), which adds the figures
 * of published months: its 'missing' is this 'missing'; this 'weak' becomes 弱链 or, for a single
 * firm feeding local nodes, 断链 'fragile'; this 'ok' becomes 'strong', or 弱链 by a small output share,
 * or 断链 by a sharp fall of output.
 */
export function nodeStatusOf(counts: { enterpriseCount: number; aboveScaleCount: number }, minFirms = WEAK_NODE_MIN_FIRMS): NodeStatus {
  if (counts.enterpriseCount === 0) return 'missing';
  if (counts.enterpriseCount < minFirms || counts.aboveScaleCount === 0) return 'weak';
  return 'ok';
}
