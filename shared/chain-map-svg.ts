// The chain map as a standalone SVG file, drawn from laid-out node positions: the web's from G6's
// layout (the canvas renderer has no SVG output), the server's (五单一图谱 workbook) from
// chain-map-layout.ts. The map needs no more than boxes, text and arrows.
import { minMax } from './arrays.js';
import type { GapStatus } from './contracts/chain-map.js';

/** Colours of the gap analysis' statuses (map, legend, tags): 缺链 red, 断链 purple, 弱链 orange, 强链 green. */
export const GAP_COLORS = {
  missing: '#cf1322',
  fragile: '#722ed1',
  weak: '#d46b08',
  strong: '#389e0d',
} as const satisfies Record<GapStatus, string>;

export type SvgNode = { key: string; x: number; y: number; width: number; height: number; color: string; lines: string[] };
export type SvgEdge = { from: string; to: string };

const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c);

/** An SVG document of the laid-out map: a box per node in its status colour with its lines of text, an arrow per edge. */
export function chainMapSvg(nodes: readonly SvgNode[], edges: readonly SvgEdge[], title: string): string {
  const margin = 24;
  const xs = minMax([0, ...nodes.flatMap((n) => [n.x - n.width / 2, n.x + n.width / 2])]) ?? { min: 0, max: 0 };
  const ys = minMax([0, ...nodes.flatMap((n) => [n.y - n.height / 2, n.y + n.height / 2])]) ?? { min: 0, max: 0 };
  const minX = xs.min - margin;
  const minY = ys.min - margin - 24;
  const maxX = xs.max + margin;
  const maxY = ys.max + margin;
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const lines = edges.flatMap((e) => {
    const from = byKey.get(e.from);
    const to = byKey.get(e.to);
    if (!from || !to) return [];
    const x1 = from.x + from.width / 2;
    const x2 = to.x - to.width / 2;
    const mid = (x1 + x2) / 2;
    return [
      `<path d="M${x1},${from.y} C${mid},${from.y} ${mid},${to.y} ${x2},${to.y}" fill="none" stroke="#8c8c8c" stroke-width="1.2" marker-end="url(#arrow)"/>`,
    ];
  });
  const boxes = nodes.map((n) => {
    const top = n.y - n.height / 2;
    const text = n.lines
      .map(
        (line, i) =>
          `<text x="${n.x}" y="${top + 18 + i * 16}" text-anchor="middle" font-size="${i === 0 ? 13 : 11}" fill="#ffffff">${escapeXml(line)}</text>`,
      )
      .join('');
    return `<rect x="${n.x - n.width / 2}" y="${top}" width="${n.width}" height="${n.height}" rx="6" fill="${n.color}"/>${text}`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${minX} ${minY} ${maxX - minX} ${maxY - minY}" width="${maxX - minX}" height="${maxY - minY}" font-family="Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#8c8c8c"/></marker></defs>',
    `<rect x="${minX}" y="${minY}" width="${maxX - minX}" height="${maxY - minY}" fill="#ffffff"/>`,
    `<text x="${minX + margin}" y="${minY + 22}" font-size="15" font-weight="600" fill="#000000">${escapeXml(title)}</text>`,
    ...lines,
    ...boxes,
    '</svg>',
  ].join('\n');
}
