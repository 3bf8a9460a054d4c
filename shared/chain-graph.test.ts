import { describe, expect, it } from 'vitest';
import { checkChainEdge } from './chain-graph.js';

const cu = { id: 1, chainCode: 'CH02', key: 'cu' };
const xfmr = { id: 2, chainCode: 'CH02', key: 'xfmr' };
const cuproc = { id: 30, chainCode: 'CH04', key: 'cuproc' };

describe('checkChainEdge', () => {
  it('accepts an edge inside one chain', () => {
    expect(checkChainEdge(cu, xfmr)).toEqual({ ok: true });
  });

  it('refuses an edge into another chain, naming both nodes', () => {
    const result = checkChainEdge(cu, cuproc);
    expect(result).toMatchObject({ ok: false, reason: 'other_chain' });
    if (!result.ok) expect(result.message).toContain('CH02:cu 与 CH04:cuproc');
  });

  it('refuses a self-loop and a duplicate', () => {
    expect(checkChainEdge(cu, cu)).toMatchObject({ ok: false, reason: 'self' });
    expect(checkChainEdge(cu, xfmr, [{ fromNodeId: 1, toNodeId: 2 }])).toMatchObject({ ok: false, reason: 'duplicate' });
  });
});
