import { describe, expect, it } from 'vitest';
import { chainMapSvg } from './chain-map-svg.js';

describe('chainMapSvg', () => {
  const svg = chainMapSvg(
    [
      { key: 'a', x: 100, y: 50, width: 176, height: 66, color: '#cf1322', lines: ['铜材 <上游>', '企业 0 · 规上 0'] },
      { key: 'b', x: 400, y: 50, width: 176, height: 66, color: '#389e0d', lines: ['变压器 & 电抗器'] },
    ],
    [
      { from: 'a', to: 'b' },
      { from: 'a', to: 'gone' },
    ],
    '输变电装备产业链 · 2026-09',
  );

  it('draws a box in its status colour per node and an arrow per edge between drawn nodes', () => {
    expect(svg.match(/<rect x="12" y="17" width="176" height="66" rx="6" fill="#cf1322"\/>/g)).toHaveLength(1);
    expect(svg.match(/fill="#389e0d"/g)).toHaveLength(1);
    // From a's right side (100 + 88 = 188) to b's left side (400 − 88 = 312), at y 50.
    expect(svg).toContain('<path d="M188,50 C250,50 250,50 312,50"');
    expect(svg.match(/<path d="M[0-9.]+,[0-9.]+ C/g)).toHaveLength(1);
  });

  it('escapes the text of names and the title', () => {
    expect(svg).toContain('铜材 &lt;上游&gt;');
    expect(svg).toContain('变压器 &amp; 电抗器');
    expect(svg).toContain('输变电装备产业链 · 2026-09');
  });
});
