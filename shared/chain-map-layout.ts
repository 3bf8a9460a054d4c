// A layered layout of a chain map for the places without G6 (the server's map image in the 五单一图谱
// workbook): upstream → midstream → downstream from left to right; inside a stage, a node fed by
// another node of the same stage stands one column further right (longest path), so every edge
// points right; in a column, nodes are ordered by the mean row of the nodes feeding them (one
// barycentre sweep, which keeps crossings few on maps of a few dozen nodes).
import { NODE_STAGES, type NodeStage } from './contracts/chains.js';

export type LayoutNode = { key: string; stage: NodeStage };
export type LayoutEdge = { from: string; to: string };
export type Placed = { key: string; x: number; y: number };

export const LAYOUT_NODE = { width: 176, height: 66, columnGap: 80, rowGap: 24 } as const;

/** Each node's column: its stage's first column plus its longest chain of same-stage suppliers. */
function columnsOf(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Map<string, number> {
  const stageOf = new Map(nodes.map((n) => [n.key, n.stage]));
  const depth = new Map(nodes.map((n) => [n.key, 0]));
  // Edges never make a cycle (chain-nodes.service refuses one), so |nodes| rounds settle the depths;
  // the bound also stops on bad data.
  for (let round = 0; round < nodes.length; round += 1) {
    let changed = false;
    for (const e of edges) {
      if (stageOf.get(e.from) === undefined || stageOf.get(e.from) !== stageOf.get(e.to)) continue;
      const next = (depth.get(e.from) ?? 0) + 1;
      if (next > (depth.get(e.to) ?? 0)) {
        depth.set(e.to, next);
        changed = true;
      }
    }
    if (!changed) break;
  }
  let start = 0;
  const columns = new Map<string, number>();
  for (const stage of NODE_STAGES) {
    let width = 0;
    for (const n of nodes) {
      if (n.stage !== stage) continue;
      const d = depth.get(n.key) ?? 0;
      columns.set(n.key, start + d);
      width = Math.max(width, d + 1);
    }
    start += width;
  }
  return columns;
}

/** Positions (box centres) of the nodes, columns left to right, rows top to bottom. */
export function layeredLayout(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Placed[] {
  const columns = columnsOf(nodes, edges);
  const count = nodes.reduce((max, n) => Math.max(max, (columns.get(n.key) ?? 0) + 1), 0);
  const row = new Map<string, number>();
  const placed: Placed[] = [];
  for (let column = 0; column < count; column += 1) {
    const here = nodes.filter((n) => columns.get(n.key) === column);
    const weight = (key: string): number => {
      const rows = edges.filter((e) => e.to === key && row.has(e.from)).map((e) => row.get(e.from) ?? 0);
      return rows.length === 0 ? Number.MAX_SAFE_INTEGER : rows.reduce((a, b) => a + b, 0) / rows.length;
    };
    const ordered = here.map((n, i) => ({ n, i, w: weight(n.key) })).sort((a, b) => a.w - b.w || a.i - b.i);
    ordered.forEach(({ n }, i) => {
      row.set(n.key, i);
      placed.push({
        key: n.key,
        x: column * (LAYOUT_NODE.width + LAYOUT_NODE.columnGap) + LAYOUT_NODE.width / 2,
        y: i * (LAYOUT_NODE.height + LAYOUT_NODE.rowGap) + LAYOUT_NODE.height / 2 + 24,
      });
    });
  }
  return placed;
}
