import { Card, Flex, Typography } from 'antd';
import type { AuditItem } from '../../../../shared/contracts/audit';
import { DataTable } from '../../../components/data-table';
import { usePageParams } from '../../../hooks/use-page-params';
import { formatDateTime } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { useAudit } from '../api/get-audit';

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
  const { page, pageSize } = usePageParams();
  const audit = useAudit({ page, pageSize });

  return (
    <Card title={t('audit.title')}>
      <DataTable<AuditItem>
        query={audit}
        columns={[
          { key: 'at', title: t('audit.at'), width: 180, excelWidth: 20, excel: (item) => formatDateTime(item.at, true) },
          { key: 'actorName', title: t('audit.actor'), dataIndex: 'actorName' },
          { key: 'action', title: t('audit.action'), dataIndex: 'action', excelWidth: 20 },
          { key: 'entity', title: t('audit.entity'), dataIndex: 'entity' },
          { key: 'entityId', title: t('audit.entityId'), dataIndex: 'entityId', ellipsis: true, excelWidth: 38 },
          { key: 'before', title: t('audit.before'), excelOnly: true, excelWidth: 40, excel: (item) => toJson(item.before) },
          { key: 'after', title: t('audit.after'), excelOnly: true, excelWidth: 40, excel: (item) => toJson(item.after) },
        ]}
        testId="audit-table"
        exportName={t('audit.title')}
        empty={t('audit.empty')}
        paging="server"
        tableProps={{
          expandable: {
            expandedRowRender: (item) => <ChangeDetails item={item} />,
            rowExpandable: (item) => Boolean(toJson(item.before) || toJson(item.after)),
          },
        }}
      />
    </Card>
  );
}
