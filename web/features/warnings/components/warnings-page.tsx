import { useState } from 'react';
import { Alert, Button, Card, Empty, Select, Tabs, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { WARNING_KINDS, type WarningItem, type WarningKind } from '../../../../shared/contracts/warnings';
import { isDataStaffUser } from '../../../../shared/publication/workflow';
import { isStatisticalPeriod } from '../../../../shared/stats/period';
import { CodeName } from '../../../components/code-name';
import { useReferenceNames } from '../../../hooks/use-enterprise-options';
import { DataTable } from '../../../components/data-table';
import { usePageParams, useSetListParam } from '../../../hooks/use-page-params';
import { paths } from '../../../config/paths';
import { formatDateTime, formatNumber, formatWan } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { useMe } from '../../../hooks/use-me';
import { useMonitoringChains } from '../../../hooks/use-monitoring-chains';
import { monthLabel } from '../../../lib/period-labels';
import { janFebOf } from '../../../lib/periods';
import { MonthPicker } from '../../../components/month-picker';
import { DispositionCell } from './disposition-cell';
import { fetchAllPages } from '../../../lib/all-pages';
import { getWarnings, useWarnings } from '../../../hooks/use-warnings';
import { explainWarning } from '../utils/explain';
import { WarningSettingsModal } from './warning-settings-modal';

function isKind(value: string | null): value is WarningKind {
  return WARNING_KINDS.some((kind) => kind === value);
}

/**
 * 预警: the firms with two months' falling output, a missing report, below-scale revenue or a
 * suspected unit slip, for a month over the user's scope. Month, kind, chain and search live in the
 * address so a list can be shared (the dashboard's card links here with its month).
 */
export function WarningsPage() {
  const t = useT();
  const { locale } = useLocale();
  const me = useMe();
  const isAdmin = me.data?.user.role === 'admin';
  // Data staff (admin, 链办, 统计审核员) record how each warning was dealt with.
  const user = me.data?.user;
  const dataStaff = user !== undefined && isDataStaffUser(user);
  const [searchParams] = useSearchParams();
  const periodParam = searchParams.get('period');
  const askedPeriod = periodParam !== null && isStatisticalPeriod(periodParam) ? janFebOf(periodParam) : undefined;
  const kindParam = searchParams.get('kind');
  const kind = isKind(kindParam) ? kindParam : undefined;
  const chain = searchParams.get('chain') ?? undefined;
  const q = searchParams.get('q') ?? undefined;
  const { page, pageSize } = usePageParams();
  const setParam = useSetListParam<'period' | 'kind' | 'chain' | 'q'>();
  const [settingsOpen, setSettingsOpen] = useState(false);

  const warnings = useWarnings({ period: askedPeriod, kind, chain, q, page, pageSize });
  const data = warnings.data;
  const period = askedPeriod ?? data?.period;
  const chains = useMonitoringChains(period, 'month');

  // Published months only, but for data staff (every month, with its status).
  const label = period === undefined ? '' : monthLabel(t, period);
  const settings = data?.settings;
  const explain = (item: WarningItem) => (settings ? explainWarning(item, settings, t, locale) : '');

  // The table shows a page; the export has every firm of the list as filtered (month, chain, search, kind).
  const loadAll = () => fetchAllPages((p, size) => getWarnings({ period: period ?? askedPeriod, kind, chain, q, page: p, pageSize: size }));

  const names = useReferenceNames();
  const separator = t('common.listSeparator');
  const count = (k: WarningKind | 'total') => (data ? formatNumber(data.counts[k === 'total' ? 'total' : k], locale) : '…');
  const tabs = [
    { key: 'all', label: `${t('warnings.kind.all')} (${count('total')})` },
    ...WARNING_KINDS.map((k) => ({
      key: k,
      label: <span data-testid={`warnings-tab-${k}`}>{`${t(`warnings.kind.${k}`)} (${count(k)})`}</span>,
    })),
  ];

  return (
    <Card
      title={label === '' ? t('warnings.title') : `${t('warnings.title')} · ${label}`}
      extra={
        isAdmin ? (
          <Button onClick={() => setSettingsOpen(true)} data-testid="warnings-settings-open">
            {t('warnings.settings.open')}
          </Button>
        ) : null
      }
    >
      <DataTable<WarningItem>
        rowKey={(item) => `${item.kind}-${item.uscc}`}
        query={warnings}
        columns={[
          {
            key: 'kind',
            title: t('warnings.col.kind'),
            width: 130,
            excelWidth: 14,
            excel: (item) => t(`warnings.kind.${item.kind}`),
            tag: (item) => (item.kind === 'not_reported' ? 'orange' : 'red'),
          },
          {
            key: 'name',
            title: t('warnings.col.name'),
            excelWidth: 30,
            excel: (item) => item.name,
            render: (_, item) => (
              <Link to={paths.enterprise.getHref(item.uscc)} data-testid={`warning-firm-${item.uscc}`}>
                {item.name}
              </Link>
            ),
          },
          { key: 'uscc', title: t('warnings.col.uscc'), dataIndex: 'uscc', width: 190, excelWidth: 22 },
          {
            key: 'region',
            title: t('warnings.col.region'),
            excelOnly: true,
            excelWidth: 24,
            excel: (item) => names.region(item.regionCode) ?? item.regionCode,
          },
          { key: 'regionCode', title: t('enterprises.regionCode'), dataIndex: 'regionCode', excelOnly: true, excelWidth: 10 },
          {
            key: 'chains',
            title: t('warnings.col.chains'),
            width: 160,
            excelWidth: 30,
            excel: (item) => item.chainCodes.map((code) => names.chain(code) ?? code).join(separator),
            list: (item) => item.chainCodes.map((code) => <CodeName key={code} code={code} name={names.chain(code)} />),
          },
          {
            key: 'chainCodes',
            title: t('common.chainCodes'),
            excelOnly: true,
            excelWidth: 14,
            excel: (item) => item.chainCodes.join(separator),
          },
          { key: 'park', title: t('warnings.col.park'), width: 160, excelWidth: 24, excel: (item) => item.parkName },
          {
            key: 'explain',
            title: t('warnings.col.explain'),
            excelTitle: `${t('warnings.col.explain')}（${label}）`,
            excelWidth: 80,
            excel: explain,
            render: (_, item) => <span data-testid="warning-explain">{explain(item)}</span>,
          },
          {
            key: 'disposition',
            title: t('warnings.col.disposition'),
            width: 170,
            excelWidth: 14,
            excel: (item) => t(`periods.disposition.${item.disposition?.status ?? 'pending'}`),
            render: (_, item) => <DispositionCell item={item} period={data?.period ?? ''} canEdit={dataStaff} />,
          },
        ]}
        testId="warnings-table"
        exportName={`${t('warnings.title')}-${period ?? ''}`}
        sheetName={t('warnings.title')}
        exportHeading={{ title: t('warnings.title'), period: label || null, unit: t('figures.unit.wan') }}
        loadAllRows={loadAll}
        paging="server"
        empty={
          <Empty description={t('warnings.empty', { period: label })} data-testid="warnings-empty">
            <Link to={paths.figures.getHref()}>
              <Button>{t('warnings.goFigures')}</Button>
            </Link>
          </Empty>
        }
        toolbar={{
          search: { placeholder: t('warnings.search'), width: 240, testId: 'warnings-search' },
          filters: (
            <>
              <MonthPicker
                value={period}
                onChange={(value) => setParam('period', value)}
                label={t('warnings.period')}
                testId="warnings-period"
              />
              <Select
                value={chain ?? ''}
                style={{ width: 200 }}
                options={[
                  { value: '', label: t('warnings.allChains') },
                  ...(chains.data?.chains ?? []).map((c) => ({ value: c.code, label: c.name })),
                ]}
                onChange={(value: string) => setParam('chain', value)}
                data-testid="warnings-chain"
              />
            </>
          ),
        }}
        aboveTable={
          <>
            {settings ? (
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-testid="warnings-rules">
                {t('warnings.rules', {
                  drop: `${formatNumber(settings.dropThreshold * 100, locale)}%`,
                  months: settings.dropMonths,
                  day: settings.reportDeadlineDay,
                  line: formatWan(settings.belowScaleRevenue, locale),
                  factor: formatNumber(settings.unitSlipFactor, locale),
                })}
              </Typography.Paragraph>
            ) : null}
            {data && !data.deadlinePassed ? (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 12 }}
                title={t('warnings.deadlinePending', { period: label, dueDate: data.dueDate })}
                data-testid="warnings-deadline"
              />
            ) : null}
            <Tabs
              activeKey={kind ?? 'all'}
              items={tabs}
              onChange={(key) => setParam('kind', key === 'all' ? undefined : key)}
              data-testid="warnings-tabs"
            />
          </>
        }
      />
      {data ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="figure-meta">
          {t('warnings.meta', { period: label, asOf: formatDateTime(data.asOf) })}
        </Typography.Text>
      ) : null}
      {settingsOpen && settings ? <WarningSettingsModal onClose={() => setSettingsOpen(false)} /> : null}
    </Card>
  );
}
