import type { DataColumn } from '../../../components/data-table';
import { formatWan, formatYi, yuanToWan, yuanToYi } from '../../../lib/format';
import type { Locale } from '../../../../shared/i18n/index';

/**
 * A right-aligned amount column: shown in 万元 or 亿元, exported as the number in that unit (its Excel
 * header, `excelTitle`, names the unit).
 */
export function moneyColumn<T>(
  key: string,
  title: string,
  amount: (row: T) => number | null,
  options: { unit: 'wan' | 'yi'; locale: Locale; excelTitle?: string },
): DataColumn<T> {
  const wan = options.unit === 'wan';
  return {
    key,
    title,
    excelTitle: options.excelTitle,
    align: 'right',
    excel: (row) => (wan ? yuanToWan(amount(row)) : yuanToYi(amount(row))),
    render: (_, row) => (wan ? formatWan(amount(row), options.locale) : formatYi(amount(row), options.locale)),
  };
}
