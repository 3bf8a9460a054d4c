// Rules of a chain map (产业链图谱): nodes joined by "feeds" edges, one graph per chain.

export type GraphNode = { id: number; chainCode: string; key: string };

export type EdgeCheck = { ok: true } | { ok: false; reason: 'other_chain' | 'self' | 'duplicate'; message: string };

/**
 * Whether a "feeds" edge from → to may be added to a chain map: both nodes must belong to the same
 * chain (a chain's map never points into another chain; cross-chain supply is expressed by a firm
 * being a member of both chains), a node does not feed itself, and an edge is stored once.
 * The database enforces the first two as well (composite foreign keys and a check constraint).
 */
export function checkChainEdge(
  from: GraphNode,
  to: GraphNode,
  existing: readonly { fromNodeId: number; toNodeId: number }[] = [],
): EdgeCheck {
  if (from.chainCode !== to.chainCode) {
    return {
      ok: false,
      reason: 'other_chain',
      message: `环节 ${from.chainCode}:${from.key} 与 ${to.chainCode}:${to.key} 不属于同一条产业链，不能连线 (nodes of different chains cannot be linked)`,
    };
  }
  if (from.id === to.id) {
    return { ok: false, reason: 'self', message: `环节 ${from.key} 不能指向自身 (a node cannot feed itself)` };
  }
  if (existing.some((e) => e.fromNodeId === from.id && e.toNodeId === to.id)) {
    return { ok: false, reason: 'duplicate', message: `连线 ${from.key} → ${to.key} 已存在 (this edge already exists)` };
  }
  return { ok: true };
}
