import { NODE_STAGES, type ChainEdge, type NodeStage } from '../../../../shared/contracts/chains';

export type LayoutNode = { key: string; stage: NodeStage; sortOrder: number };
export type PlacedNode = { key: string; column: number; row: number; x: number; y: number };
export type StageHeader = { stage: NodeStage; x: number; y: number };
export type MapLayout = { nodes: PlacedNode[]; headers: StageHeader[]; width: number; height: number };

export const COLUMN_WIDTH = 200;
export const ROW_HEIGHT = 64;
const HEADER_Y = 0;
const FIRST_ROW_Y = 56;

/**
 * Places a chain map in columns, upstream on the left and downstream on the right. Each stage gets
 * as many columns as its longest run of edges inside the stage, so every edge points right (or
 * down a column when a stage's nodes feed each other in a loop that the server refuses anyway).
 * Inside a column nodes are ordered by the mean row of their suppliers (fewer crossings), then by
 * their sort order; columns are centred vertically.
 */
export function layoutChainMap(nodes: readonly LayoutNode[], edges: readonly ChainEdge[]): MapLayout {
  const stageOf = new Map(nodes.map((n) => [n.key, n.stage]));
  const suppliers = new Map<string, string[]>(nodes.map((n) => [n.key, []]));
  for (const edge of edges) suppliers.get(edge.to)?.push(edge.from);

  // Depth inside the stage: the longest chain of same-stage suppliers (bounded, so a cycle cannot hang).
  const depth = new Map<string, number>(nodes.map((n) => [n.key, 0]));
  for (let pass = 0; pass < nodes.length; pass += 1) {
    let changed = false;
    for (const node of nodes) {
      for (const from of suppliers.get(node.key) ?? []) {
        if (stageOf.get(from) !== node.stage) continue;
        const next = (depth.get(from) ?? 0) + 1;
        if (next > (depth.get(node.key) ?? 0) && next < nodes.length) {
          depth.set(node.key, next);
          changed = true;
        }
      }
    }
    if (!changed) break;
  }

  const columnOf = new Map<string, number>();
  const headers: StageHeader[] = [];
  let offset = 0;
  for (const stage of NODE_STAGES) {
    const inStage = nodes.filter((n) => n.stage === stage);
    if (inStage.length === 0) continue;
    const width = Math.max(...inStage.map((n) => depth.get(n.key) ?? 0)) + 1;
    for (const n of inStage) columnOf.set(n.key, offset + (depth.get(n.key) ?? 0));
    headers.push({ stage, x: (offset + (width - 1) / 2) * COLUMN_WIDTH, y: HEADER_Y });
    offset += width;
  }

  const rowOf = new Map<string, number>();
  const columns: LayoutNode[][] = Array.from({ length: offset }, () => []);
  for (const n of nodes) columns[columnOf.get(n.key) ?? 0]?.push(n);
  for (const column of columns) {
    const weight = (n: LayoutNode) => {
      const rows = (suppliers.get(n.key) ?? []).map((s) => rowOf.get(s)).filter((r): r is number => r !== undefined);
      return rows.length === 0 ? Number.POSITIVE_INFINITY : rows.reduce((a, b) => a + b, 0) / rows.length;
    };
    const ordered = [...column].sort((a, b) => {
      const wa = weight(a);
      const wb = weight(b);
      if (wa !== wb && Number.isFinite(wa) && Number.isFinite(wb)) return wa - wb;
      return a.sortOrder - b.sortOrder || a.key.localeCompare(b.key);
    });
    ordered.forEach((n, index) => rowOf.set(n.key, index));
  }

  const tallest = Math.max(0, ...columns.map((c) => c.length));
  const placed = nodes.map((n): PlacedNode => {
    const column = columnOf.get(n.key) ?? 0;
    const row = rowOf.get(n.key) ?? 0;
    const size = columns[column]?.length ?? 1;
    return { key: n.key, column, row, x: column * COLUMN_WIDTH, y: FIRST_ROW_Y + (row + (tallest - size) / 2) * ROW_HEIGHT };
  });
  return { nodes: placed, headers, width: Math.max(1, offset) * COLUMN_WIDTH, height: FIRST_ROW_Y + tallest * ROW_HEIGHT };
}
