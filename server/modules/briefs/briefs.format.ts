// How a brief prints its figures (亿元 with 2 decimals, growth in % with 1 decimal, points with 2) and
// names its period, and the figure segments that carry each figure's definition and source.
import type { BriefFigure } from '../../../shared/contracts/briefs.js';
import { roundTo, YUAN_PER_YI } from '../../../shared/stats/growth.js';
import { parsePeriod, rangeMonths } from '../../../shared/stats/period.js';

/** 元 → 亿元 with 2 decimals (`855.04`). */
export function yi(yuan: number): string {
  return roundTo(yuan / YUAN_PER_YI, 2).toFixed(2);
}

/** A fraction as a percentage with `decimals` places (`0.0623` → `6.2`); `—` without one. */
export function pct(fraction: number | null, decimals = 1): string {
  return fraction === null ? '—' : roundTo(fraction * 100, decimals).toFixed(decimals);
}

/** Percentage points with 2 places; `—` without. */
export function pp(points: number | null): string {
  return points === null ? '—' : roundTo(points, 2).toFixed(2);
}

/** `1—6月` (the months a year-to-date brief covers; January is read as 1—2月). */
export function monthsLabel(period: string): string {
  const to = parsePeriod(rangeMonths(period, 'ytd').to).month;
  return to === 1 ? '1月' : `1—${to}月`;
}

/** `2024年1—6月`. */
export function periodLabelOf(period: string): string {
  return `${parsePeriod(period).year}年${monthsLabel(period)}`;
}

/** What every figure of one brief shares: its period, range and source note. */
export type FigureContext = { period: string; range: string; sourceNote: string };

/** A figure read from the published snapshot (or the 初步 live figures) of the brief's month. */
export function snapshotFigure(
  ctx: FigureContext,
  key: string,
  text: string,
  unit: string,
  definition: string,
  range: string = ctx.range,
): BriefFigure {
  return { key, text, unit, definition, period: ctx.period, range, source: 'snapshot', sourceNote: ctx.sourceNote };
}

/** A figure read from another module's records (projects, tickets) as they stood when the brief was generated. */
export function recordFigure(
  ctx: FigureContext,
  source: 'projects' | 'tickets',
  key: string,
  text: string,
  unit: string,
  definition: string,
  period: string,
  note: string,
): BriefFigure {
  return { key, text, unit, definition, period, range: ctx.range, source, sourceNote: note };
}

/** `增长` or `下降` and the growth's absolute value as a figure text. */
export function growthWords(yoy: number | null): { verb: string; text: string } {
  if (yoy === null) return { verb: '增长', text: '—' };
  return { verb: yoy < 0 ? '下降' : '增长', text: pct(Math.abs(yoy)) };
}
