// The pure maths of a run: each indicator's score from its rule, totals with bonuses, deductions and
// vetoes, and the ranking. The rules are described at the top of assessment.service.ts.
import type { ScoringRule } from '../../../shared/contracts/assessment.js';

/** A score to 2 decimals (what the tables show and the runs store). */
export function roundScore(value: number): number {
  return Math.round(value * 100) / 100;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/**
 * The share (0–1) of an indicator's weight one value earns under a `linear` or `threshold` rule;
 * null values (no data) earn nothing. A linear rule whose target is below its floor rewards lower values.
 */
export function shareOf(rule: Exclude<ScoringRule, { kind: 'rank' }>, value: number | null): number {
  if (value === null) return 0;
  if (rule.kind === 'linear') return clamp01((value - rule.floor) / (rule.target - rule.floor));
  let share = 0;
  for (const step of rule.steps) if (value >= step.atLeast && step.share > share) share = step.share;
  return share;
}

/**
 * Rank-based shares of a set of values: the best (highest) gets 1; the object ranked r of n gets
 * (n − r + 1) / n, tied values sharing the better rank; a null value (no data) gets 0.
 */
export function rankShares(values: readonly (number | null)[]): number[] {
  const present = values.filter((v): v is number => v !== null);
  const n = present.length;
  return values.map((v) => {
    if (v === null) return 0;
    const rank = 1 + present.filter((other) => other > v).length;
    return (n - rank + 1) / n;
  });
}

/** Scores of one indicator over all objects (weight × share, 2 decimals). */
export function scoreIndicator(rule: ScoringRule, weight: number, values: readonly (number | null)[]): number[] {
  const shares = rule.kind === 'rank' ? rankShares(values) : values.map((v) => shareOf(rule, v));
  return shares.map((s) => roundScore(weight * s));
}

/** An object's totals: indicators + bonus − deduction (never below 0); a veto makes the total 0. */
export function totalOf(input: { indicatorScores: readonly number[]; bonus: number; deduction: number; vetoed: boolean }): {
  indicatorTotal: number;
  total: number;
} {
  const indicatorTotal = roundScore(input.indicatorScores.reduce((s, x) => s + x, 0));
  const total = input.vetoed ? 0 : roundScore(Math.max(0, indicatorTotal + input.bonus - input.deduction));
  return { indicatorTotal, total };
}

/**
 * Competition ranks (1, 2, 2, 4) by total, highest first, within each group (parks: national and
 * provincial apart); a vetoed object ranks after every object that was not.
 */
export function rankWithinGroups(objects: readonly { group: string; total: number; vetoed: boolean }[]): number[] {
  const better = (a: { total: number; vetoed: boolean }, b: { total: number; vetoed: boolean }) =>
    a.vetoed !== b.vetoed ? !a.vetoed : a.total > b.total;
  return objects.map((o) => 1 + objects.filter((other) => other.group === o.group && better(other, o)).length);
}
