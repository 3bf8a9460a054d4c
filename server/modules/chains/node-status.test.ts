import { describe, expect, it } from 'vitest';
import { nodeStatusOf } from './node-status.js';

describe('nodeStatusOf', () => {
  it('calls a node without local firms missing (缺链)', () => {
    expect(nodeStatusOf({ enterpriseCount: 0, aboveScaleCount: 0 })).toBe('missing');
  });

  it('calls a node weak (弱链) with a single firm, even a 规上 one', () => {
    expect(nodeStatusOf({ enterpriseCount: 1, aboveScaleCount: 1 })).toBe('weak');
  });

  it('calls a node weak with many firms but none of them 规上', () => {
    expect(nodeStatusOf({ enterpriseCount: 7, aboveScaleCount: 0 })).toBe('weak');
  });

  it('calls a node ok with two firms of which one is 规上', () => {
    expect(nodeStatusOf({ enterpriseCount: 2, aboveScaleCount: 1 })).toBe('ok');
  });
});
