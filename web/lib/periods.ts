import { MONITORING_RANGES, currentPeriod, isStatisticalPeriod, previousPeriod, type MonitoringRange } from '../../shared/stats/period';

function isRange(value: string | null): value is MonitoringRange {
  return MONITORING_RANGES.some((range) => range === value);
}

/**
 * The dashboard's view from its address: `period` (undefined = the latest month with figures,
 * picked by the server) and `range` (累计 `ytd` by default, as in the API contract and the CLI, so
 * every client opens on the same figures). Invalid values are ignored.
 */
export function dashboardViewOf(search: URLSearchParams): { period: string | undefined; range: MonitoringRange } {
  const period = search.get('period');
  const range = search.get('range');
  return { period: period !== null && isStatisticalPeriod(period) ? janFebOf(period) : undefined, range: isRange(range) ? range : 'ytd' };
}

/**
 * January as its 1–2月 period (February of the year) once February is not in the future: the
 * statistics never show January alone (a firm reporting 1–2月 together stores January as 0).
 */
export function janFebOf(period: string): string {
  if (!period.endsWith('-01')) return period;
  const february = `${period.slice(0, 4)}-02`;
  return february <= currentPeriod() ? february : period;
}

/** The months a month picker offers, newest first: January folded into its 1–2月 (February) once that exists. */
export function pickableMonths(last: string, count: number): string[] {
  return [...new Set(monthsEndingWith(last, count).map(janFebOf))].reverse();
}

/** `count` months ending with `last`, oldest first. */
export function monthsEndingWith(last: string, count: number): string[] {
  const months = [last];
  while (months.length < count) months.unshift(previousPeriod(months[0] ?? last));
  return months;
}
