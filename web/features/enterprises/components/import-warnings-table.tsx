import type { ImportRemovalWarning } from '../../../../shared/contracts/enterprises';
import { DataTable } from '../../../components/data-table';
import { formatWan, yuanToWan } from '../../../lib/format';
import { useLocale, useT, type Translate } from '../../../lib/i18n';

function whatOf(t: Translate, w: ImportRemovalWarning): string {
  return w.kind === 'scaleYear'
    ? t('enterprises.import.warning.scaleYear', { year: w.year })
    : t('enterprises.import.warning.membership', { node: `${w.chainCode ?? ''}:${w.nodeKey ?? ''}`, year: w.year });
}

/** The removals of an import that take figures out of the statistics: firm, what, years, months and output (万元), exportable. */
export function ImportWarningsTable({ warnings, fileName }: { warnings: ImportRemovalWarning[]; fileName: string }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <DataTable<ImportRemovalWarning>
      rows={warnings}
      paging="client"
      empty={null}
      columns={[
        { key: 'firm', title: t('enterprises.import.warning.firm'), render: (_, w) => `${w.name}（${w.uscc}）` },
        { key: 'uscc', title: t('enterprises.uscc'), dataIndex: 'uscc', excelOnly: true, excelWidth: 22 },
        { key: 'name', title: t('enterprises.name'), dataIndex: 'name', excelOnly: true, excelWidth: 30 },
        { key: 'what', title: t('enterprises.import.warning.what'), excelWidth: 24, excel: (w) => whatOf(t, w) },
        {
          key: 'years',
          title: t('enterprises.import.warning.years'),
          excelWidth: 14,
          excel: (w) => w.years.join(', '),
          render: (_, w) => w.years.join(t('common.listSeparator')),
        },
        { key: 'months', title: t('enterprises.import.warning.months'), dataIndex: 'months', align: 'right', excelWidth: 8 },
        {
          key: 'output',
          title: t('enterprises.import.warning.output'),
          align: 'right',
          excel: (w) => yuanToWan(w.output),
          render: (_, w) => formatWan(w.output, locale),
        },
      ]}
      rowKey={(w) => `${w.uscc}-${w.kind}-${w.year}-${w.chainCode ?? ''}-${w.nodeKey ?? ''}`}
      exportName={[fileName, t('enterprises.import.warningsSheet')]}
      testId="import-warnings"
      tableProps={{ size: 'small' }}
    />
  );
}
