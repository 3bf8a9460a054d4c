import { Table, type TableColumnsType } from 'antd';
import type { ImportRemovalWarning } from '../../../../shared/contracts/enterprises';
import { ExportExcelButton, type ExcelCell, type ExcelColumn } from '../../../components/export-excel-button';
import { formatDateStamp, formatWan, yuanToWan } from '../../../lib/format';
import { useLocale, useT, type Translate } from '../../../lib/i18n';

/** Amounts come in 元; the formatters take 万元. */

type ExportKey = 'uscc' | 'name' | 'what' | 'years' | 'months' | 'output';

function whatOf(t: Translate, w: ImportRemovalWarning): string {
  return w.kind === 'scaleYear'
    ? t('enterprises.import.warning.scaleYear', { year: w.year })
    : t('enterprises.import.warning.membership', { node: `${w.chainCode ?? ''}:${w.nodeKey ?? ''}`, year: w.year });
}

/** The removals of an import that take figures out of the statistics: firm, what, years, months and output (万元), exportable. */
export function ImportWarningsTable({ warnings, fileName }: { warnings: ImportRemovalWarning[]; fileName: string }) {
  const t = useT();
  const { locale } = useLocale();
  const columns: TableColumnsType<ImportRemovalWarning> = [
    { key: 'firm', title: t('enterprises.import.warning.firm'), render: (_, w) => `${w.name}（${w.uscc}）` },
    { key: 'what', title: t('enterprises.import.warning.what'), render: (_, w) => whatOf(t, w) },
    { key: 'years', title: t('enterprises.import.warning.years'), render: (_, w) => w.years.join(t('common.listSeparator')) },
    { key: 'months', title: t('enterprises.import.warning.months'), dataIndex: 'months', align: 'right' },
    { key: 'output', title: t('enterprises.import.warning.output'), align: 'right', render: (_, w) => formatWan(w.output, locale) },
  ];
  const exportColumns: ExcelColumn<ExportKey>[] = [
    { key: 'uscc', title: t('enterprises.uscc'), width: 22 },
    { key: 'name', title: t('enterprises.name'), width: 30 },
    { key: 'what', title: t('enterprises.import.warning.what'), width: 24 },
    { key: 'years', title: t('enterprises.import.warning.years'), width: 14 },
    { key: 'months', title: t('enterprises.import.warning.months'), width: 8 },
    { key: 'output', title: t('enterprises.import.warning.output'), width: 16 },
  ];
  const exportRows = warnings.map((w): Record<ExportKey, ExcelCell> => ({
    uscc: w.uscc,
    name: w.name,
    what: whatOf(t, w),
    years: w.years.join(', '),
    months: w.months,
    output: yuanToWan(w.output),
  }));
  return (
    <>
      <div style={{ textAlign: 'right', marginBottom: 8 }}>
        <ExportExcelButton
          fileName={`${fileName}-${t('enterprises.import.warningsSheet')}-${formatDateStamp()}`}
          sheetName={t('enterprises.import.warningsSheet')}
          columns={exportColumns}
          rows={exportRows}
        />
      </div>
      <Table<ImportRemovalWarning>
        rowKey={(w) => `${w.uscc}-${w.kind}-${w.year}-${w.chainCode ?? ''}-${w.nodeKey ?? ''}`}
        size="small"
        data-testid="import-warnings"
        columns={columns}
        dataSource={warnings}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
      />
    </>
  );
}
