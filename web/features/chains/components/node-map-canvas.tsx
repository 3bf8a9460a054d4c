import { useEffect, useMemo, useRef } from 'react';
import { Graph, type EdgeData, type NodeData } from '@antv/g6';
import type { ChainEdge, ChainNode, NodeStage } from '../../../../shared/contracts/chains';
import { layoutChainMap } from '../utils/map-layout';
import { STATUS_COLORS } from '../utils/node-status';

export type NodeMapCanvasProps = {
  nodes: readonly ChainNode[];
  edges: readonly ChainEdge[];
  /** Translated stage names for the column headers (keep the object stable: a new one redraws the map). */
  stageLabels: Record<NodeStage, string>;
  /** Called when the map could not be drawn (the page keeps working without it). */
  onError: (error: unknown) => void;
};

const NODE_SIZE: [number, number] = [150, 40];
const HEADER_PREFIX = '__stage_';

/** Builds G6 data: one box per node coloured by status, its firm count as a badge, stage headers, arrows. */
function toGraphData(nodes: readonly ChainNode[], edges: readonly ChainEdge[], stageLabels: Record<NodeStage, string>) {
  const layout = layoutChainMap(nodes, edges);
  const position = new Map(layout.nodes.map((p) => [p.key, p]));
  const nodeData: NodeData[] = nodes.map((n) => ({
    id: n.key,
    style: {
      x: position.get(n.key)?.x ?? 0,
      y: position.get(n.key)?.y ?? 0,
      size: NODE_SIZE,
      radius: 6,
      fill: STATUS_COLORS[n.status],
      stroke: STATUS_COLORS[n.status],
      labelText: n.name,
      labelPlacement: 'center',
      labelFill: '#ffffff',
      labelFontSize: 13,
      labelWordWrap: true,
      labelMaxWidth: NODE_SIZE[0] - 12,
      labelMaxLines: 2,
      badges: [{ text: String(n.enterpriseCount), placement: 'right-top' }],
      badgePalette: ['#1656c2'],
      badgeFontSize: 11,
    },
  }));
  const headerData: NodeData[] = layout.headers.map((h) => ({
    id: `${HEADER_PREFIX}${h.stage}`,
    style: {
      x: h.x,
      y: h.y,
      size: [NODE_SIZE[0], 28],
      fill: '#f0f5ff',
      stroke: '#adc6ff',
      radius: 14,
      labelText: stageLabels[h.stage],
      labelPlacement: 'center',
      labelFill: '#1d39c4',
      labelFontWeight: 600,
    },
  }));
  const edgeData: EdgeData[] = edges.map((e) => ({
    id: `${e.from}->${e.to}`,
    source: e.from,
    target: e.to,
    style: { endArrow: true, stroke: '#8c8c8c', lineWidth: 1.2 },
  }));
  return { data: { nodes: [...headerData, ...nodeData], edges: edgeData }, height: layout.height };
}

/**
 * The chain map drawn with AntV G6 (this module and G6 are loaded only when a chain page opens):
 * columns upstream → midstream → downstream, arrows for "supplies", boxes in status colours.
 * Drag to pan; Ctrl + wheel to zoom; the view shrinks to fit when the map is wider than the page.
 */
export function NodeMapCanvas({ nodes, edges, stageLabels, onError }: NodeMapCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const { data, height } = useMemo(() => toGraphData(nodes, edges, stageLabels), [nodes, edges, stageLabels]);
  const canvasHeight = Math.max(200, height + 40);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let destroyed = false;
    const graph = new Graph({
      container: element,
      height: canvasHeight,
      data,
      node: { type: 'rect' },
      edge: { type: 'cubic-horizontal' },
      behaviors: ['drag-canvas', { type: 'zoom-canvas', trigger: ['Control'] }],
      autoFit: { type: 'view', options: { when: 'overflow' } },
      padding: 24,
      animation: false,
    });
    graph.render().catch((err: unknown) => {
      if (!destroyed) onError(err);
    });
    return () => {
      destroyed = true;
      graph.destroy();
    };
  }, [data, canvasHeight, onError]);

  return <div ref={container} style={{ width: '100%', height: canvasHeight }} />;
}
