import { Flex, Table, Typography, type TableColumnsType } from 'antd';
import type { FigureIssue } from '../../../../shared/contracts/figures';
import { ExportExcelButton, type ExcelCell, type ExcelColumn } from '../../../components/export-excel-button';
import { formatDateStamp } from '../../../lib/format';
import { useT } from '../../../lib/i18n';

type ExportKey = 'row' | 'column' | 'value' | 'reason';

/** The row errors (or warnings) of an import: row, column, cell and reason; exports to Excel. */
export function IssuesTable({ issues, kind, title }: { issues: readonly FigureIssue[]; kind: 'errors' | 'warnings'; title: string }) {
  const t = useT();
  const sheet = t(kind === 'errors' ? 'figures.import.errorsSheet' : 'figures.import.warningsSheet');
  const rows = issues.map((issue, index) => ({ ...issue, key: index }));
  const columns: TableColumnsType<(typeof rows)[number]> = [
    { key: 'row', title: t('figures.import.col.row'), dataIndex: 'row', width: 80, render: (row: number | null) => row ?? '—' },
    { key: 'column', title: t('figures.import.col.column'), dataIndex: 'column', width: 220 },
    { key: 'value', title: t('figures.import.col.value'), dataIndex: 'value', width: 180, render: (value: string | null) => value ?? '' },
    { key: 'reason', title: t('figures.import.col.reason'), dataIndex: 'reason' },
  ];
  const exportColumns: ExcelColumn<ExportKey>[] = [
    { key: 'row', title: t('figures.import.col.row'), width: 8 },
    { key: 'column', title: t('figures.import.col.column'), width: 28 },
    { key: 'value', title: t('figures.import.col.value'), width: 24 },
    { key: 'reason', title: t('figures.import.col.reason'), width: 80 },
  ];
  const exportRows = issues.map((i): Record<ExportKey, ExcelCell> => ({ row: i.row, column: i.column, value: i.value, reason: i.reason }));
  return (
    <Flex vertical gap={8} data-testid={`figures-${kind}`}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text strong type={kind === 'errors' ? 'danger' : 'warning'}>
          {title}
        </Typography.Text>
        <ExportExcelButton fileName={`${sheet}-${formatDateStamp()}`} sheetName={sheet} columns={exportColumns} rows={exportRows} />
      </Flex>
      <Table
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
      />
    </Flex>
  );
}
