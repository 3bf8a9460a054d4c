import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { Graph, NodeEvent, type EdgeData, type IElementEvent, type NodeData } from '@antv/g6';
import type { MapNode } from '../../../../shared/contracts/chain-map';
import { chainMapSvg, type SvgNode } from '../../../../shared/chain-map-svg';
import { GAP_COLORS } from '../utils/gap-status';

/** What the card asks of the drawn map: its picture as PNG (a data URL) and as an SVG document. */
export type ChainMapExport = { png: () => Promise<string>; svg: (title: string) => string };

export type ChainMapCanvasProps = {
  nodes: readonly MapNode[];
  edges: readonly { from: string; to: string }[];
  /** The lines of text of a node's box (name, firms, output, growth), in the user's language. */
  linesOf: (node: MapNode) => string[];
  onSelect: (key: string) => void;
  exportRef: RefObject<ChainMapExport | null>;
  /** Called when the map could not be drawn (the page keeps working without it). */
  onError: (error: unknown) => void;
};

const NODE_SIZE: [number, number] = [176, 66];

/**
 * The chain map drawn with AntV G6 and its built-in layered layout (`antv-dagre`, left to right:
 * upstream → downstream, few crossings), boxes in the gap analysis' colours. Click a box to open the
 * node; drag to pan; Ctrl + wheel to zoom.
 */
export function ChainMapCanvas({ nodes, edges, linesOf, onSelect, exportRef, onError }: ChainMapCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const data = useMemo(() => {
    const nodeData: NodeData[] = nodes.map((n) => ({
      id: n.key,
      style: {
        size: NODE_SIZE,
        radius: 6,
        fill: GAP_COLORS[n.status],
        stroke: GAP_COLORS[n.status],
        cursor: 'pointer',
        labelText: linesOf(n).join('\n'),
        labelPlacement: 'center',
        labelFill: '#ffffff',
        labelFontSize: 12,
        labelLineHeight: 16,
        labelMaxWidth: NODE_SIZE[0] - 8,
      },
    }));
    const edgeData: EdgeData[] = edges.map((e) => ({
      id: `${e.from}->${e.to}`,
      source: e.from,
      target: e.to,
      style: { endArrow: true, stroke: '#8c8c8c', lineWidth: 1.2 },
    }));
    return { nodes: nodeData, edges: edgeData };
  }, [nodes, edges, linesOf]);
  // The layered layout stacks a rank's nodes in a column; a stage's nodes mostly share a rank, so the
  // fullest stage sets the height (the view still shrinks to fit when a rank is fuller).
  const fullest = Math.max(
    1,
    ...(['upstream', 'midstream', 'downstream'] as const).map((stage) => nodes.filter((n) => n.stage === stage).length),
  );
  const height = Math.max(260, Math.min(900, fullest * (NODE_SIZE[1] + 20) + 96));

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let destroyed = false;
    const graph = new Graph({
      container: element,
      height,
      data,
      node: { type: 'rect' },
      edge: { type: 'cubic-horizontal' },
      layout: { type: 'antv-dagre', rankdir: 'LR', nodesep: 16, ranksep: 56 },
      behaviors: ['drag-canvas', { type: 'zoom-canvas', trigger: ['Control'] }],
      autoFit: { type: 'view', options: { when: 'overflow' } },
      padding: 24,
      animation: false,
    });
    graph.on(NodeEvent.CLICK, (event: IElementEvent) => onSelect(String(event.target.id)));
    exportRef.current = {
      png: () => graph.toDataURL({ mode: 'overall', type: 'image/png' }),
      svg: (title) => {
        const laidOut: SvgNode[] = nodes.map((n) => {
          const [x = 0, y = 0] = graph.getElementPosition(n.key);
          return { key: n.key, x, y, width: NODE_SIZE[0], height: NODE_SIZE[1], color: GAP_COLORS[n.status], lines: linesOf(n) };
        });
        return chainMapSvg(laidOut, edges, title);
      },
    };
    graph.render().catch((err: unknown) => {
      if (!destroyed) onError(err);
    });
    return () => {
      destroyed = true;
      exportRef.current = null;
      graph.destroy();
    };
  }, [data, height, nodes, edges, linesOf, onSelect, exportRef, onError]);

  return <div ref={container} style={{ width: '100%', height }} />;
}
