import { FullscreenExitOutlined, FullscreenOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, Grid, Row, Segmented, Space, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { MONITORING_RANGES, parsePeriod, type MonitoringRange } from '../../../../shared/stats/period';
import { ErrorAlert } from '../../../components/error-alert';
import { Deferred } from '../../../components/deferred';
import { PageSpinner } from '../../../components/page-spinner';
import { paths } from '../../../config/paths';
import { useT } from '../../../lib/i18n';
import { useFullscreen } from '../../../hooks/use-fullscreen';
import { useMonitoringChains } from '../../../hooks/use-monitoring-chains';
import { MonthPicker } from '../../../components/month-picker';
import { dashboardViewOf } from '../../../lib/periods';
import { AreaBreakdowns } from './area-breakdowns';
import { ChainCharts } from './chain-charts';
import { DrillDown } from './drill-down';
import { HeadlineCards } from './headline-cards';
import { periodRangeLabel } from '../../../lib/period-labels';
import { PublicationBanner } from './publication-banner';
import { TrendChart } from './trend-chart';

/** The ranking's and the trend's height on a wide screen: with the headline they fill a 1440×900 screen. */
const FIRST_SCREEN_CHART_HEIGHT = 300;

/** 大屏: the cockpit alone on the command room's display, scrolling inside. */
const BIG_SCREEN_STYLE = { background: '#f5f5f5', padding: 24, overflowY: 'auto' } as const;

/**
 * 驾驶舱: the chains' output and comparable growth for a month (当月) or the year to date (累计),
 * with rankings, contributions, county and park views, a 24-month trend and a chain → node → firm
 * drill-down. Month and range live in the address, so a view can be shared. Without a month in the
 * address it opens on the latest published month (the server picks it); the picker offers published
 * months only, but to data staff, who may pick a month not published yet (each listed with its status),
 * shown as 初步数据 with its coverage and what was held back as suspect. The first screen holds the
 * headline, the chain ranking and the trend; the long tables follow. 大屏 shows it full screen.
 */
export function LeaderDashboard() {
  const t = useT();
  const [searchParams, setSearchParams] = useSearchParams();
  const { period: askedPeriod, range } = dashboardViewOf(searchParams);
  const chains = useMonitoringChains(askedPeriod, range);
  const wide = Grid.useBreakpoint().xl === true;
  const { ref: screenRef, active: bigScreen, toggle: toggleBigScreen, supported: bigScreenSupported } = useFullscreen<HTMLDivElement>();
  const data = chains.data;
  const period = askedPeriod ?? data?.period;

  const setParam = (key: 'period' | 'range', value: string) =>
    setSearchParams(
      (current) => {
        const params = new URLSearchParams(current);
        params.set(key, value);
        return params;
      },
      { replace: true },
    );

  // Published months only, but for data staff (every month, with its status).
  const label = period === undefined ? '' : periodRangeLabel(t, period, range);
  // Firms that reported for the period; none means the month's figures have not been imported yet.
  const hasData = data !== undefined && data.total.enterpriseCount > data.total.notReportedCount;

  return (
    <Flex vertical gap={16} data-testid="leader-dashboard" ref={screenRef} style={bigScreen ? BIG_SCREEN_STYLE : undefined}>
      <Card size="small">
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {label === '' ? t('monitoring.title') : `${t('monitoring.title')} · ${label}`}
          </Typography.Title>
          <Space wrap>
            <MonthPicker
              value={period}
              onChange={(value) => setParam('period', value)}
              label={t('monitoring.period')}
              testId="dashboard-period"
            />
            <Segmented<MonitoringRange>
              value={range}
              options={MONITORING_RANGES.map((value) => ({ value, label: t(`monitoring.range.${value}`) }))}
              onChange={(value) => setParam('range', value)}
              data-testid="dashboard-range"
            />
            <Link to={paths.chainHealth.getHref()}>{t('chains.health.link')}</Link>
            {bigScreenSupported ? (
              <Button
                size="small"
                icon={bigScreen ? <FullscreenExitOutlined /> : <FullscreenOutlined />}
                onClick={toggleBigScreen}
                data-testid="dashboard-big-screen"
              >
                {bigScreen ? t('monitoring.exitBigScreen') : t('monitoring.bigScreen')}
              </Button>
            ) : null}
          </Space>
        </Flex>
        {period !== undefined && parsePeriod(period).month <= 2 ? (
          <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('monitoring.janNote')} />
        ) : null}
      </Card>
      {data ? <PublicationBanner publication={data.publication} period={data.period} /> : null}
      {chains.error ? <ErrorAlert error={chains.error} onRetry={() => void chains.refetch()} /> : null}
      {chains.isPending ? <PageSpinner /> : null}
      {data && !hasData ? (
        <Card>
          <Empty description={t('monitoring.empty', { period: label })} data-testid="dashboard-empty">
            <Link to={paths.figures.getHref()}>
              <Button type="primary">{t('monitoring.goFigures')}</Button>
            </Link>
          </Empty>
        </Card>
      ) : null}
      {data && hasData ? (
        <>
          <HeadlineCards data={data} />
          {/* The first screen (1440×900): the headline, the chain ranking and the trend side by side. A scope of one
              chain (链长, 链办) has its figures in the headline cards: no ranking of one bar, the trend takes the row. */}
          <Row gutter={[16, 16]}>
            {data.chains.length > 1 ? (
              <Col xs={24} xl={12}>
                <ChainCharts data={data} height={wide ? FIRST_SCREEN_CHART_HEIGHT : undefined} />
              </Col>
            ) : null}
            <Col xs={24} xl={data.chains.length > 1 ? 12 : 24}>
              <TrendChart period={data.period} height={FIRST_SCREEN_CHART_HEIGHT} />
            </Col>
          </Row>
          {/* Below the first screen: drawn once the headline and the charts are up. */}
          <Deferred fallback={<PageSpinner />}>
            <DrillDown
              key={`${data.period}-${data.range}`}
              period={data.period}
              range={data.range}
              chains={data.chains}
              asOf={data.asOf}
              title={`${t('monitoring.drill')} · ${t('monitoring.drillHint')}`}
              exportName={t('monitoring.chain')}
            />
            <AreaBreakdowns key={`areas-${data.period}-${data.range}`} period={data.period} range={data.range} />
          </Deferred>
        </>
      ) : null}
      {period === undefined || (data && hasData) ? null : (
        <Deferred>
          <TrendChart period={period} />
        </Deferred>
      )}
    </Flex>
  );
}
