import { describe, expect, it } from 'vitest';
import { layeredLayout } from './chain-map-layout.js';

describe('layeredLayout', () => {
  // cu, si upstream; core feeds xfmr inside midstream; grid downstream. Boxes 176 wide, columns 256 apart, rows 90.
  const nodes = [
    { key: 'grid', stage: 'downstream' as const },
    { key: 'xfmr', stage: 'midstream' as const },
    { key: 'core', stage: 'midstream' as const },
    { key: 'si', stage: 'upstream' as const },
    { key: 'cu', stage: 'upstream' as const },
  ];
  const edges = [
    { from: 'si', to: 'core' },
    { from: 'cu', to: 'xfmr' },
    { from: 'core', to: 'xfmr' },
    { from: 'xfmr', to: 'grid' },
  ];
  const at = new Map(layeredLayout(nodes, edges).map((p) => [p.key, p]));

  it('puts upstream left of midstream left of downstream, a same-stage customer one column further', () => {
    expect([at.get('si')?.x, at.get('cu')?.x]).toEqual([88, 88]);
    expect(at.get('core')?.x).toBe(88 + 256);
    expect(at.get('xfmr')?.x).toBe(88 + 2 * 256);
    expect(at.get('grid')?.x).toBe(88 + 3 * 256);
  });

  it('keeps the input order in the first column and orders later columns by their suppliers', () => {
    // si is first in the input, so row 0 (y 57); cu row 1 (y 147).
    expect([at.get('si')?.y, at.get('cu')?.y]).toEqual([57, 147]);
    expect(at.get('core')?.y).toBe(57);
  });
});
