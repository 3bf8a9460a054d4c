import { Card, Flex, Table, Typography, type TableColumnsType } from 'antd';
import type { AuditItem } from '../../../../shared/contracts/audit';
import { ErrorAlert } from '../../../components/error-alert';
import { ExportExcelButton, type ExcelCell, type ExcelColumn } from '../../../components/export-excel-button';
import { pagePagination, usePageParams } from '../../../hooks/use-page-params';
import { formatDateStamp, formatDateTime } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { useAudit } from '../api/get-audit';

type ExportKey = 'at' | 'actorName' | 'action' | 'entity' | 'entityId' | 'before' | 'after';

function toJson(value: unknown): string {
  return value === null || value === undefined ? '' : JSON.stringify(value, null, 2);
}

function ChangeDetails({ item }: { item: AuditItem }) {
  const t = useT();
  const blocks = [
    { key: 'before', title: t('audit.before'), text: toJson(item.before) },
    { key: 'after', title: t('audit.after'), text: toJson(item.after) },
  ].filter((block) => block.text);
  return (
    <Flex gap={16} wrap>
      {blocks.map((block) => (
        <div key={block.key} style={{ flex: '1 1 320px', minWidth: 0 }}>
          <Typography.Text strong>{block.title}</Typography.Text>
          <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{block.text}</pre>
        </div>
      ))}
    </Flex>
  );
}

/** 操作日志: who changed what and when (Beijing time), newest first, with the before/after values. */
export function AuditPage() {
  const t = useT();
  const { page, pageSize, update } = usePageParams();
  const audit = useAudit({ page, pageSize });
  const rows = audit.data?.items ?? [];

  const columns: TableColumnsType<AuditItem> = [
    { key: 'at', title: t('audit.at'), width: 180, render: (_, item) => formatDateTime(item.at, true) },
    { key: 'actorName', title: t('audit.actor'), dataIndex: 'actorName' },
    { key: 'action', title: t('audit.action'), dataIndex: 'action' },
    { key: 'entity', title: t('audit.entity'), dataIndex: 'entity' },
    { key: 'entityId', title: t('audit.entityId'), dataIndex: 'entityId', ellipsis: true },
  ];

  const exportColumns: ExcelColumn<ExportKey>[] = [
    { key: 'at', title: t('audit.at'), width: 20 },
    { key: 'actorName', title: t('audit.actor') },
    { key: 'action', title: t('audit.action'), width: 20 },
    { key: 'entity', title: t('audit.entity') },
    { key: 'entityId', title: t('audit.entityId'), width: 38 },
    { key: 'before', title: t('audit.before'), width: 40 },
    { key: 'after', title: t('audit.after'), width: 40 },
  ];
  const exportRows = rows.map((item): Record<ExportKey, ExcelCell> => ({
    at: formatDateTime(item.at, true),
    actorName: item.actorName,
    action: item.action,
    entity: item.entity,
    entityId: item.entityId,
    before: toJson(item.before),
    after: toJson(item.after),
  }));

  return (
    <Card
      title={t('audit.title')}
      extra={
        <ExportExcelButton
          fileName={`${t('audit.title')}-${formatDateStamp()}`}
          sheetName={t('audit.title')}
          columns={exportColumns}
          rows={exportRows}
        />
      }
    >
      {audit.error ? <ErrorAlert error={audit.error} onRetry={() => void audit.refetch()} /> : null}
      <Table<AuditItem>
        rowKey="id"
        data-testid="audit-table"
        columns={columns}
        dataSource={rows}
        loading={audit.isFetching}
        locale={{ emptyText: t('audit.empty') }}
        expandable={{
          expandedRowRender: (item) => <ChangeDetails item={item} />,
          rowExpandable: (item) => Boolean(toJson(item.before) || toJson(item.after)),
        }}
        pagination={pagePagination({ page, pageSize, update }, audit.data?.total ?? 0, (total) => t('common.total', { total }))}
      />
    </Card>
  );
}
