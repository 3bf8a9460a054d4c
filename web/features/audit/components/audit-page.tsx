import { Card, Flex, Input, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { AuditItem } from '../../../../shared/contracts/audit';
import { DataTable } from '../../../components/data-table';
import { FilterSelect } from '../../../components/list-toolbar';
import { usePageParams, useSetListParam } from '../../../hooks/use-page-params';
import { fetchAllPages } from '../../../lib/all-pages';
import { formatDateTime } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { useUsers } from '../../../hooks/use-users';
import { getAudit, useAudit } from '../api/get-audit';
import {
  AUDIT_ACTION_CODES,
  AUDIT_ENTITY_CODES,
  auditActionLabel,
  auditEntityLabel,
  auditObjectHref,
  auditObjectName,
} from '../audit-labels';

const EXPORT_PAGES = 20;

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

/** A day of the range filter, kept in the address (`?from=2025-03-01`). */
function DayFilter({ param, label }: { param: 'from' | 'to'; label: string }) {
  const [searchParams] = useSearchParams();
  const setParam = useSetListParam<'from' | 'to'>();
  return (
    <Input
      type="date"
      aria-label={label}
      style={{ width: 150 }}
      value={searchParams.get(param) ?? ''}
      onChange={(e) => setParam(param, e.target.value || undefined)}
      data-testid={`audit-${param}`}
    />
  );
}

/**
 * 操作日志: who did what to which object and when (Beijing time), newest first, in words; filtered on
 * the server by user, action, object type and days; the object links to its page; export of every
 * row of the filters; the before/after values when a row is opened.
 */
export function AuditPage() {
  const t = useT();
  const { page, pageSize } = usePageParams();
  const [searchParams] = useSearchParams();
  const filter = {
    actor: searchParams.get('actor') || undefined,
    action: searchParams.get('action') || undefined,
    entity: searchParams.get('entity') || undefined,
    from: searchParams.get('from') || undefined,
    to: searchParams.get('to') || undefined,
  };
  const audit = useAudit({ page, pageSize, ...filter });
  const users = useUsers({ page: 1, pageSize: 500 });
  const filtered = Object.values(filter).some((v) => v !== undefined);
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, 'zh-CN');
  // The export holds every row of the filters, up to 10,000 (narrow the filters for more).
  const filterSelects = [
    {
      param: 'actor',
      placeholder: t('audit.filterActor'),
      options: (users.data?.items ?? []).map((u) => ({ value: u.username, label: `${u.displayName}（${u.username}）` })),
    },
    {
      param: 'action',
      placeholder: t('audit.filterAction'),
      options: AUDIT_ACTION_CODES.map((code) => ({ value: code, label: auditActionLabel(t, code) })).sort(byLabel),
    },
    {
      param: 'entity',
      placeholder: t('audit.filterEntity'),
      options: AUDIT_ENTITY_CODES.map((code) => ({ value: code, label: auditEntityLabel(t, code) })).sort(byLabel),
    },
  ];
  const loadAll = () =>
    fetchAllPages((p, size) =>
      p > EXPORT_PAGES ? Promise.resolve({ items: [], total: 0 }) : getAudit({ ...filter, page: p, pageSize: size }),
    );

  return (
    <Card title={t('audit.title')}>
      <DataTable<AuditItem>
        query={audit}
        loadAllRows={loadAll}
        toolbar={{
          filters: (
            <>
              {filterSelects.map((f) => (
                <FilterSelect
                  key={f.param}
                  param={f.param}
                  placeholder={f.placeholder}
                  width={160}
                  searchable
                  options={f.options}
                  testId={`audit-${f.param}`}
                />
              ))}
              <DayFilter param="from" label={t('audit.from')} />
              <DayFilter param="to" label={t('audit.to')} />
            </>
          ),
        }}
        columns={[
          { key: 'at', title: t('audit.at'), width: 170, excelWidth: 20, excel: (item) => formatDateTime(item.at, true) },
          { key: 'actorName', title: t('audit.actor'), dataIndex: 'actorName' },
          { key: 'action', title: t('audit.action'), excelWidth: 16, excel: (item) => auditActionLabel(t, item.action) },
          { key: 'entity', title: t('audit.entity'), excelWidth: 14, excel: (item) => auditEntityLabel(t, item.entity) },
          {
            key: 'object',
            title: t('audit.object'),
            excelWidth: 30,
            excel: (item) => auditObjectName(item),
            render: (_, item) => {
              const href = auditObjectHref(item);
              const name = auditObjectName(item);
              return href ? <Link to={href}>{name}</Link> : name;
            },
          },
          { key: 'entityId', title: t('audit.entityId'), dataIndex: 'entityId', excelOnly: true, excelWidth: 38 },
          { key: 'before', title: t('audit.before'), excelOnly: true, excelWidth: 40, excel: (item) => toJson(item.before) },
          { key: 'after', title: t('audit.after'), excelOnly: true, excelWidth: 40, excel: (item) => toJson(item.after) },
        ]}
        testId="audit-table"
        exportName={t('audit.title')}
        empty={filtered ? t('common.emptyFiltered') : t('audit.empty')}
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
