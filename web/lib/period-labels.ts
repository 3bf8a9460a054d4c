import { parsePeriod, type MonitoringRange } from '../../shared/stats/period';
import type { Locale } from '../../shared/i18n/index';
import { formatNumber } from './format';
import type { Translate } from './i18n';

/** "2024年6月" (当月), "2024年1–6月" (累计); January and February, either range, are "2024年1–2月" (see rangeMonths). */
export function periodLabel(t: Translate, period: string, range: MonitoringRange): string {
  const { year, month } = parsePeriod(period);
  if (month <= 2) return t('monitoring.periodLabel.janFeb', { year });
  if (range === 'month') return t('monitoring.periodLabel.month', { year, month });
  return t('monitoring.periodLabel.ytd', { year, month });
}

/** One calendar month, "2024年1月", where a month stands alone (预警 are per month, 1 and 2 each). */
export function monthLabel(t: Translate, period: string): string {
  const { year, month } = parsePeriod(period);
  return t('monitoring.periodLabel.month', { year, month });
}

/** The period with its range ("2024年6月 当月", "2024年1–6月 累计"); 1–2月 needs no range word. */
export function periodRangeLabel(t: Translate, period: string, range: MonitoringRange): string {
  const label = periodLabel(t, period, range);
  return parsePeriod(period).month <= 2 ? label : `${label} ${t(`monitoring.range.${range}`)}`;
}

/** A month's coverage as the screens say it, "已报 1,234 / 1,500 家": firms that reported of those expected to. */
export function coverageLabel(t: Translate, coverage: { reported: number; expected: number }, locale: Locale): string {
  return t('periods.coverage', {
    reported: formatNumber(coverage.reported, locale, 0),
    expected: formatNumber(coverage.expected, locale, 0),
  });
}
