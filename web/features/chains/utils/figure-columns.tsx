import type { Locale } from '../../../../shared/i18n/index';
import type { DataColumn } from '../../../components/data-table';
import { formatGrowth, formatWanNumber, growthToPercent, yuanToWan } from '../../../lib/format';
import type { Translate } from '../../../lib/i18n';

/** The output (元, shown and exported in 万元: one unit for the whole column) and growth columns of the chain workspace's tables. */
export function outputColumns<T extends { output: number; growth?: number | null }>(
  t: Translate,
  locale: Locale,
  withGrowth = true,
): DataColumn<T>[] {
  const output: DataColumn<T> = {
    key: 'output',
    title: t('chains.gapMap.outputWan'),
    align: 'right',
    render: (_, row) => formatWanNumber(row.output, locale),
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
      excelTitle: `${t('chains.gapMap.growth')} (%)`,
      excel: (row) => growthToPercent(row.growth ?? null),
    },
  ];
}
