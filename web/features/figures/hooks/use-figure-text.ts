import type { FigureField } from '../../../../shared/contracts/figures';
import { formatNumber, formatWanKwhNumber, formatWanNumber, kwhToWanKwh, yuanToWan } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';

/**
 * A value as the tables show it, as on the firm's page: money in 万元 and 用电量 in 万千瓦时 with two decimals,
 * employees in persons. `exact`: every stored digit in the same units (four decimals: 1 元 = 0.0001万元, 1 kWh =
 * 0.0001万千瓦时), for a revision's before and after, where a correction of a few 元 must still show.
 */
export function useFigureText(exact = false) {
  const { locale } = useLocale();
  return (field: FigureField, value: number | null) => {
    if (value === null) return '—';
    if (field === 'employees') return formatNumber(value, locale, 0);
    if (exact) return formatNumber(field === 'electricityKwh' ? kwhToWanKwh(value) : yuanToWan(value), locale, 4);
    return field === 'electricityKwh' ? formatWanKwhNumber(value, locale) : formatWanNumber(value, locale);
  };
}
