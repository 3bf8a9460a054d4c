import type { NodeStatus } from '../../../shared/contracts/chains.js';

/** Fewer local firms than this make a node weak (弱链) even when one of them is 规上. */
export const WEAK_NODE_MIN_FIRMS = 2;

/**
 * The status of a chain node (环节) from its local firms: 缺链 'missing' when no local firm sits in
 * it; 弱链 'weak' when it has fewer than 2 firms, or none of them is in the 规上 名录 of the year
 * (the domain's "few firms, no 规上 firm"; output is not used, so the status does not move with a
 * late monthly report); 'ok' otherwise.
 */
export function nodeStatusOf(counts: { enterpriseCount: number; aboveScaleCount: number }): NodeStatus {
  if (counts.enterpriseCount === 0) return 'missing';
  if (counts.enterpriseCount < WEAK_NODE_MIN_FIRMS || counts.aboveScaleCount === 0) return 'weak';
  return 'ok';
}
