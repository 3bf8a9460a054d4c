// Each scoring rule on hand-made numbers.
import type { ScoringRule } from '../../../shared/contracts/assessment.js';
import { describe, expect, it } from 'vitest';
import { rankShares, rankWithinGroups, scoreIndicator, shareOf, totalOf } from './assessment.scoring.js';

describe('linear', () => {
  const rule = { kind: 'linear', floor: 0, target: 0.1 } as const;
  it('gives nothing at the floor, full marks at the target, proportion between, clamped outside', () => {
    expect(scoreIndicator(rule, 20, [0, 0.05, 0.1, 0.2, -0.03, null])).toEqual([0, 10, 20, 20, 0, 0]);
  });
  it('rewards lower values when the target is below the floor', () => {
    expect(shareOf({ kind: 'linear', floor: 10, target: 2 }, 6)).toBe(0.5);
  });
});

describe('rank', () => {
  it('gives the best full marks and rank r of n (n − r + 1) / n, ties sharing the better rank', () => {
    expect(rankShares([3, 1, 3, 2])).toEqual([1, 0.25, 1, 0.5]);
    expect(scoreIndicator({ kind: 'rank' }, 10, [5, 9, null])).toEqual([5, 10, 0]);
  });
});

describe('threshold', () => {
  it('gives the share of the highest step reached', () => {
    const rule: ScoringRule = {
      kind: 'threshold',
      steps: [
        { atLeast: 0.8, share: 0.6 },
        { atLeast: 0.9, share: 1 },
      ],
    };
    expect(scoreIndicator(rule, 15, [0.95, 0.9, 0.85, 0.5, null])).toEqual([15, 15, 9, 0, 0]);
  });
});

describe('totals and ranks', () => {
  it('adds bonuses, subtracts deductions, zeroes a veto', () => {
    expect(totalOf({ indicatorScores: [20, 10.5], bonus: 2, deduction: 3, vetoed: false })).toEqual({ indicatorTotal: 30.5, total: 29.5 });
    expect(totalOf({ indicatorScores: [20], bonus: 0, deduction: 30, vetoed: false }).total).toBe(0);
    expect(totalOf({ indicatorScores: [20], bonus: 5, deduction: 0, vetoed: true })).toEqual({ indicatorTotal: 20, total: 0 });
  });
  it('ranks within each group, a vetoed object last', () => {
    const ranks = rankWithinGroups([
      { group: 'national', total: 80, vetoed: false },
      { group: 'provincial', total: 70, vetoed: false },
      { group: 'provincial', total: 90, vetoed: false },
      { group: 'national', total: 90, vetoed: false },
      { group: 'provincial', total: 0, vetoed: true },
      { group: 'provincial', total: 70, vetoed: false },
    ]);
    expect(ranks).toEqual([2, 2, 1, 1, 4, 2]);
  });
});
