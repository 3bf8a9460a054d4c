import { Flex, Typography } from 'antd';
import type { FigureIssue } from '../../../../shared/contracts/figures';
import { DataTable } from '../../../components/data-table';
import { useT } from '../../../lib/i18n';

/** The row errors (or warnings) of an import: row, column, cell and reason; exports to Excel. */
export function IssuesTable({ issues, kind, title }: { issues: readonly FigureIssue[]; kind: 'errors' | 'warnings'; title: string }) {
  const t = useT();
  const sheet = t(kind === 'errors' ? 'figures.import.errorsSheet' : 'figures.import.warningsSheet');
  const rows = issues.map((issue, index) => ({ ...issue, key: index }));
  return (
    <Flex vertical gap={8} data-testid={`figures-${kind}`}>
      <Typography.Text strong type={kind === 'errors' ? 'danger' : 'warning'}>
        {title}
      </Typography.Text>
      <DataTable<(typeof rows)[number]>
        rows={rows}
        columns={[
          { key: 'row', title: t('figures.import.col.row'), width: 80, excelWidth: 8, excel: (issue) => issue.row },
          { key: 'column', title: t('figures.import.col.column'), dataIndex: 'column', width: 220, excelWidth: 28 },
          { key: 'value', title: t('figures.import.col.value'), width: 180, excelWidth: 24, excel: (issue) => issue.value },
          { key: 'reason', title: t('figures.import.col.reason'), dataIndex: 'reason', excelWidth: 80 },
        ]}
        rowKey="key"
        empty={null}
        exportName={sheet}
        paging="client"
        tableProps={{ size: 'small' }}
      />
    </Flex>
  );
}
