import { useState, type ReactNode } from 'react';
import { Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { MonitoringEnterpriseItem } from '../../../../shared/contracts/monitoring';
import type { MonitoringRange } from '../../../../shared/stats/period';
import { ErrorAlert } from '../../../components/error-alert';
import { ExportExcelButton, type ExcelCell, type ExcelColumn } from '../../../components/export-excel-button';
import { paths } from '../../../config/paths';
import { formatDateStamp, formatGrowth, formatYiNumber, growthToPercent, yuanToYi } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { fetchAllPages } from '../../../lib/all-pages';
import { getMonitoringEnterprises, useMonitoringEnterprises } from '../api/get-monitoring-enterprises';
import { periodLabel } from '../../../lib/period-labels';
import { FigureMeta } from './figure-meta';
import { PanelCard } from './panel-card';

type ExportKey = 'rank' | 'uscc' | 'name' | 'output' | 'outputPrevYear' | 'yoy';

/** Firms of a chain (or one of its nodes) ranked by output, each linking to its page; the shown page exports to Excel. */
export function EnterpriseRanking({
  period,
  range,
  chain,
  node,
  region,
  park,
  title,
  extra,
  testId = 'ranking',
}: {
  period: string;
  range: MonitoringRange;
  chain: string;
  node?: number;
  /** Only the firms of one county or one park (the county and park drill-downs). */
  region?: string;
  park?: number;
  title: ReactNode;
  extra?: ReactNode;
  /** Prefix of the test ids (`<testId>-table`, `<testId>-firm-<uscc>`). */
  testId?: string;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const query = useMonitoringEnterprises({ period, range, chain, node, region, park, page, pageSize });
  const items = query.data?.items ?? [];
  const yoyText = (item: MonitoringEnterpriseItem) =>
    item.yoyMissingReason ? t(`monitoring.yoyMissing.${item.yoyMissingReason}`) : formatGrowth(item.yoy, locale);
  const columns: TableColumnsType<MonitoringEnterpriseItem> = [
    { key: 'rank', title: t('monitoring.rank'), dataIndex: 'rank', width: 70 },
    {
      key: 'name',
      title: t('monitoring.enterprise'),
      render: (_, item) => (
        <Link to={paths.enterprise.getHref(item.uscc)} data-testid={`${testId}-firm-${item.uscc}`}>
          {item.name}
        </Link>
      ),
    },
    { key: 'output', title: t('monitoring.output'), align: 'right', render: (_, item) => formatYiNumber(item.output, locale) },
    {
      key: 'prev',
      title: t('monitoring.outputPrev'),
      align: 'right',
      render: (_, item) => (item.outputPrevYear === null ? '—' : formatYiNumber(item.outputPrevYear, locale)),
    },
    { key: 'yoy', title: t('monitoring.growth'), align: 'right', render: (_, item) => yoyText(item) },
  ];
  const exportColumns: ExcelColumn<ExportKey>[] = [
    { key: 'rank', title: t('monitoring.rank'), width: 8 },
    { key: 'uscc', title: 'USCC', width: 22 },
    { key: 'name', title: t('monitoring.enterprise'), width: 30 },
    { key: 'output', title: t('monitoring.output') },
    { key: 'outputPrevYear', title: t('monitoring.outputPrev') },
    { key: 'yoy', title: `${t('monitoring.growth')} (%)` },
  ];
  const exportRow = (item: MonitoringEnterpriseItem): Record<ExportKey, ExcelCell> => ({
    rank: item.rank,
    uscc: item.uscc,
    name: item.name,
    output: yuanToYi(item.output),
    outputPrevYear: item.outputPrevYear === null ? null : yuanToYi(item.outputPrevYear),
    yoy: item.yoyMissingReason ? t(`monitoring.yoyMissing.${item.yoyMissingReason}`) : growthToPercent(item.yoy),
  });
  // The table shows a page; the export has every firm of the ranking.
  const loadAll = async () =>
    (await fetchAllPages((p, size) => getMonitoringEnterprises({ period, range, chain, node, region, park, page: p, pageSize: size }))).map(
      exportRow,
    );
  const sheet = `${chain}-${t('monitoring.enterprise')}`;
  return (
    <PanelCard
      title={title}
      tools={
        <>
          {extra}
          <ExportExcelButton
            fileName={`${sheet}-${periodLabel(t, period, range)}-${formatDateStamp()}`}
            sheetName={sheet}
            columns={exportColumns}
            rows={items.map(exportRow)}
            loadRows={loadAll}
            disabled={items.length === 0}
          />
        </>
      }
    >
      {query.error ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      <Table<MonitoringEnterpriseItem>
        rowKey="uscc"
        size="small"
        data-testid={`${testId}-table`}
        columns={columns}
        dataSource={items}
        loading={query.isFetching}
        pagination={{
          current: page,
          pageSize,
          total: query.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (nextPage, nextSize) => {
            setPage(nextSize === pageSize ? nextPage : 1);
            setPageSize(nextSize);
          },
        }}
      />
      <FigureMeta period={period} range={range} unit={t('monitoring.unitYi')} asOf={query.data?.asOf ?? null} />
    </PanelCard>
  );
}
