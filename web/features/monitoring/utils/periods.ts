import { MONITORING_RANGES, isStatisticalPeriod, previousPeriod, type MonitoringRange } from '../../../../shared/stats/period';

function isRange(value: string | null): value is MonitoringRange {
  return MONITORING_RANGES.some((range) => range === value);
}

/**
 * The dashboard's view from its address: `period` (undefined = the latest month with figures,
 * picked by the server) and `range` (当月 by default). Invalid values are ignored.
 */
export function dashboardViewOf(search: URLSearchParams): { period: string | undefined; range: MonitoringRange } {
  const period = search.get('period');
  const range = search.get('range');
  return { period: period !== null && isStatisticalPeriod(period) ? period : undefined, range: isRange(range) ? range : 'month' };
}

/** `count` months ending with `last`, oldest first. */
export function monthsEndingWith(last: string, count: number): string[] {
  const months = [last];
  while (months.length < count) months.unshift(previousPeriod(months[0] ?? last));
  return months;
}

/** Amounts come in 元; the formatters take 万元. */
export function yuanToWan(yuan: number): number {
  return yuan / 10_000;
}
