import type { FigureField } from '../../../../shared/contracts/figures';
import { formatNumber, yuanToWan } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';

/** A value as the tables show it: money in 万元, electricity in kWh, employees in persons. */
export function useFigureText() {
  const { locale } = useLocale();
  return (field: FigureField, value: number | null) => {
    if (value === null) return '—';
    if (field === 'electricityKwh' || field === 'employees') return formatNumber(value, locale, 0);
    return formatNumber(yuanToWan(value), locale, 4);
  };
}
