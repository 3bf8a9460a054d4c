import { describe, expect, it } from 'vitest';
import { layoutChainMap, type LayoutNode } from './map-layout';

const node = (key: string, stage: LayoutNode['stage'], sortOrder = 0): LayoutNode => ({ key, stage, sortOrder });

describe('layoutChainMap', () => {
  it('puts upstream, midstream and downstream in columns from left to right', () => {
    const layout = layoutChainMap(
      [node('cu', 'upstream'), node('xfmr', 'midstream'), node('uhv', 'downstream')],
      [
        { from: 'cu', to: 'xfmr' },
        { from: 'xfmr', to: 'uhv' },
      ],
    );
    expect(layout.nodes.map((n) => [n.key, n.column])).toEqual([
      ['cu', 0],
      ['xfmr', 1],
      ['uhv', 2],
    ]);
    expect(layout.headers.map((h) => h.stage)).toEqual(['upstream', 'midstream', 'downstream']);
  });

  it('gives a stage a second column when its nodes feed each other, so every edge points right', () => {
    const layout = layoutChainMap(
      [node('ore', 'upstream'), node('cu', 'midstream'), node('cuproc', 'midstream'), node('wire', 'downstream')],
      [
        { from: 'ore', to: 'cu' },
        { from: 'cu', to: 'cuproc' },
        { from: 'cuproc', to: 'wire' },
      ],
    );
    const column = Object.fromEntries(layout.nodes.map((n) => [n.key, n.column]));
    expect(column).toEqual({ ore: 0, cu: 1, cuproc: 2, wire: 3 });
    expect(layout.headers.find((h) => h.stage === 'midstream')?.x).toBe(1.5 * 200);
  });

  it('orders a column by the rows of the suppliers to avoid crossings', () => {
    const layout = layoutChainMap(
      [node('a', 'upstream', 1), node('b', 'upstream', 2), node('fromB', 'midstream', 1), node('fromA', 'midstream', 2)],
      [
        { from: 'a', to: 'fromA' },
        { from: 'b', to: 'fromB' },
      ],
    );
    const row = Object.fromEntries(layout.nodes.map((n) => [n.key, n.row]));
    expect(row).toEqual({ a: 0, b: 1, fromA: 0, fromB: 1 });
  });

  it('skips an empty stage and survives a cycle', () => {
    const layout = layoutChainMap(
      [node('x', 'midstream'), node('y', 'midstream')],
      [
        { from: 'x', to: 'y' },
        { from: 'y', to: 'x' },
      ],
    );
    expect(layout.headers.map((h) => h.stage)).toEqual(['midstream']);
    expect(layout.nodes).toHaveLength(2);
  });
});
