// The method and source figures of an indicator in words: what the results table shows beside every score.
import type { IndicatorResult, ScoringRule, SourceFigures } from '../../../../shared/contracts/assessment';
import type { Locale } from '../../../../shared/i18n';
import { formatDateTime, formatNumber, formatPercent, formatWan } from '../../../lib/format';
import type { Translate } from '../../../lib/i18n';

/** A value on its unit's scale: a rate as a percentage, a count or score as a number. */
export function formatSourceValue(value: number | null, unit: string, locale: Locale): string {
  return unit === 'rate' ? formatPercent(value, locale) : formatNumber(value, locale);
}

/** The numbers sources put behind a value; money ones are 元 (shown in 万元). A key a new source adds shows as it is. */
const DETAIL_KEYS = ['output', 'comparableOutput', 'outputPrevYear', 'target', 'signedAmount', 'signed', 'received', 'closed'] as const;
const MONEY_KEYS: readonly string[] = ['output', 'comparableOutput', 'outputPrevYear', 'target', 'signedAmount'];

function detailLabel(key: string, t: Translate): string {
  const known = DETAIL_KEYS.find((k) => k === key);
  return known === undefined ? key : t(`assessment.detail.${known}`);
}

function detailValue(key: string, value: number | string | null, locale: Locale): string {
  if (typeof value !== 'number') return value ?? '—';
  return MONEY_KEYS.includes(key) ? formatWan(value, locale) : formatNumber(value, locale);
}

/** The scoring rule in words (assessment.service.ts states the rules). */
export function describeRule(rule: ScoringRule, weight: number, unit: string, t: Translate, locale: Locale): string {
  const v = (x: number) => formatSourceValue(x, unit, locale);
  if (rule.kind === 'linear') return t('assessment.rule.linear', { weight, floor: v(rule.floor), target: v(rule.target) });
  if (rule.kind === 'rank') return t('assessment.rule.rank', { weight });
  const steps = rule.steps.map((s) => t('assessment.rule.step', { atLeast: v(s.atLeast), points: formatNumber(weight * s.share, locale) }));
  return t('assessment.rule.threshold', { steps: steps.join(t('common.listSeparator')) });
}

/** The figures an indicator was scored on: value, period, as-of, publication status, the numbers behind it, evidence. */
export function describeFigures(figures: SourceFigures, t: Translate, locale: Locale): string {
  const parts = [
    `${t('assessment.figures.value')} ${formatSourceValue(figures.value, figures.unit, locale)}`,
    figures.period === null ? null : `${t('assessment.figures.period')} ${figures.period}`,
    `${t('assessment.figures.status')} ${t(`assessment.status.${figures.status}`)}`,
    figures.asOf === null ? null : `${t('assessment.figures.asOf')} ${formatDateTime(figures.asOf)}`,
    ...Object.entries(figures.detail).map(([key, value]) => `${detailLabel(key, t)} ${detailValue(key, value, locale)}`),
    figures.evidence === null ? null : `${t('assessment.figures.evidence')} ${figures.evidence}`,
  ];
  return parts.filter((p) => p !== null).join('；');
}

/** Method and figures of one scored indicator, as one line (the tooltip, the Excel cell). */
export function explainIndicator(indicator: IndicatorResult, t: Translate, locale: Locale): string {
  return `${describeRule(indicator.rule, indicator.weight, indicator.figures.unit, t, locale)}｜${describeFigures(indicator.figures, t, locale)}`;
}
