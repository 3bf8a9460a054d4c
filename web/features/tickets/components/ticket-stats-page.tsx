import { useState } from 'react';
import { Card, Col, InputNumber, Row, Space, Statistic, Table, Tabs, type TableColumnsType } from 'antd';
import type { TicketStatsRow } from '../../../../shared/contracts/tickets';
import { ErrorAlert } from '../../../components/error-alert';
import { ExportExcelButton, type ExcelCell, type ExcelColumn } from '../../../components/export-excel-button';
import { currentYear } from '../../../lib/current-year';
import { formatDateStamp, formatNumber, formatPercent } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { useTicketStats } from '../api/get-ticket-stats';

type Breakdown = 'byUnit' | 'byChain' | 'byCategory' | 'byMonth';
type ExportKey = 'rank' | 'label' | 'received' | 'closed' | 'onTimeRate' | 'avgWorkingDays' | 'satisfaction' | 'open' | 'overdue';
const BREAKDOWNS: readonly Breakdown[] = ['byUnit', 'byChain', 'byCategory', 'byMonth'];

/** 问题交办 statistics of a year: the head figures, the department league table, by chain, category and month; each exportable. */
export function TicketStatsPage() {
  const t = useT();
  const { locale } = useLocale();
  const [year, setYear] = useState(currentYear());
  const stats = useTicketStats(year);
  const d = stats.data;
  const label = (b: Breakdown, r: TicketStatsRow) => (b === 'byCategory' ? t(`tickets.category.${r.key as 'other'}`) : r.label); // byCategory keys are TICKET_CATEGORIES

  const columns = (b: Breakdown): TableColumnsType<TicketStatsRow> => [
    ...(b === 'byUnit'
      ? [{ key: 'rank', title: t('tickets.stats.rank'), width: 60, render: (_: unknown, __: TicketStatsRow, i: number) => i + 1 }]
      : []),
    { key: 'label', title: t(`tickets.stats.${b}`), render: (_, r) => label(b, r) },
    { key: 'received', title: t('tickets.stats.received'), dataIndex: 'received', align: 'right' },
    { key: 'closed', title: t('tickets.stats.closed'), dataIndex: 'closed', align: 'right' },
    { key: 'onTimeRate', title: t('tickets.stats.onTimeRate'), align: 'right', render: (_, r) => formatPercent(r.onTimeRate, locale) },
    {
      key: 'avgWorkingDays',
      title: t('tickets.stats.avgWorkingDays'),
      align: 'right',
      render: (_, r) => formatNumber(r.avgWorkingDays, locale, 1),
    },
    {
      key: 'satisfaction',
      title: t('tickets.stats.satisfaction'),
      align: 'right',
      render: (_, r) => formatPercent(r.satisfaction, locale),
    },
    { key: 'open', title: t('tickets.stats.open'), dataIndex: 'open', align: 'right' },
    { key: 'overdue', title: t('tickets.stats.overdue'), dataIndex: 'overdue', align: 'right' },
  ];
  const exportColumns: ExcelColumn<ExportKey>[] = (
    ['rank', 'label', 'received', 'closed', 'onTimeRate', 'avgWorkingDays', 'satisfaction', 'open', 'overdue'] as const
  ).map((key) => ({ key, title: key === 'rank' ? t('tickets.stats.rank') : key === 'label' ? '' : t(`tickets.stats.${key}`) }));
  const exportRows = (b: Breakdown): Record<ExportKey, ExcelCell>[] =>
    (d?.[b] ?? []).map((r, i) => ({
      rank: i + 1,
      label: label(b, r),
      received: r.received,
      closed: r.closed,
      onTimeRate: r.onTimeRate,
      avgWorkingDays: r.avgWorkingDays,
      satisfaction: r.satisfaction,
      open: r.open,
      overdue: r.overdue,
    }));

  /** The year's figures over the breakdowns: received and closed counts, then rates and the average. */
  const kpis = [
    { key: 'received', span: 4, value: d?.received ?? 0, testId: 'ticket-stats-received' },
    { key: 'closed', span: 4, value: d?.closed ?? 0, testId: 'ticket-stats-closed' },
    { key: 'onTimeRate', span: 5, value: formatPercent(d?.onTimeRate, locale), testId: 'ticket-stats-on-time' },
    { key: 'avgWorkingDays', span: 5, value: formatNumber(d?.avgWorkingDays, locale, 1), testId: undefined },
    { key: 'satisfaction', span: 5, value: formatPercent(d?.satisfaction, locale), testId: 'ticket-stats-satisfaction' },
  ] as const;

  return (
    <Card
      title={t('tickets.stats.title')}
      extra={<InputNumber min={2000} max={2100} value={year} onChange={(v) => v !== null && setYear(v)} data-testid="ticket-stats-year" />}
    >
      {stats.error ? <ErrorAlert error={stats.error} onRetry={() => void stats.refetch()} /> : null}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {kpis.map((k) => (
          <Col key={k.key} span={k.span}>
            <Statistic title={t(`tickets.stats.${k.key}`)} value={k.value} data-testid={k.testId} />
          </Col>
        ))}
      </Row>
      <Tabs
        items={BREAKDOWNS.map((b) => ({
          key: b,
          label: t(`tickets.stats.tab.${b}`),
          children: (
            <Space direction="vertical" style={{ width: '100%' }}>
              <ExportExcelButton
                fileName={`${t('tickets.stats.title')}-${t(`tickets.stats.tab.${b}`)}-${year}-${formatDateStamp()}`}
                sheetName={t(`tickets.stats.tab.${b}`)}
                columns={exportColumns.map((c) => (c.key === 'label' ? { ...c, title: t(`tickets.stats.${b}`) } : c))}
                rows={exportRows(b)}
              />
              <Table<TicketStatsRow>
                rowKey="key"
                size="small"
                data-testid={`ticket-stats-${b}`}
                columns={columns(b)}
                dataSource={d?.[b] ?? []}
                loading={stats.isFetching}
                pagination={false}
                locale={{ emptyText: t('tickets.stats.empty') }}
              />
            </Space>
          ),
        }))}
      />
    </Card>
  );
}
