import type { Locale } from '../../../../shared/i18n/index';
import type { DataColumn } from '../../../components/data-table';
import { formatAmount, formatGrowth, yuanToWan } from '../../../lib/format';
import type { Translate } from '../../../lib/i18n';

/** The output (元, shown in 亿元/万元, exported in 万元) and growth columns of the chain workspace's tables. */
export function outputColumns<T extends { output: number; growth?: number | null }>(
  t: Translate,
  locale: Locale,
  withGrowth = true,
): DataColumn<T>[] {
  const output: DataColumn<T> = {
    key: 'output',
    title: t('chains.gapMap.output'),
    align: 'right',
    render: (_, row) => formatAmount(row.output, locale),
    excelTitle: t('chains.gapMap.outputWan'),
    excel: (row) => yuanToWan(row.output),
  };
  if (!withGrowth) return [output];
  return [
    output,
    {
      key: 'growth',
      title: t('chains.gapMap.growth'),
      align: 'right',
      render: (_, row) => formatGrowth(row.growth, locale),
      excel: (row) => row.growth ?? null,
    },
  ];
}
