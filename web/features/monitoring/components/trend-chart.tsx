import { Card, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { ErrorAlert } from '../../../components/error-alert';
import { ExportExcelButton, type ExcelCell, type ExcelColumn } from '../../../components/export-excel-button';
import { formatDateStamp, formatFixed, growthToPercent, yuanToYi } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { periodLabel } from '../../../lib/period-labels';
import { useMonitoringTrend } from '../api/get-monitoring-trend';
import { EChart } from '../../../components/echart';
import { FigureMeta } from './figure-meta';

const TREND_MONTHS = 24;
/** The combined 1–2月 bar: lighter than the single months, so it does not read as one month's output. */
const JAN_FEB_COLOR = '#9fb8e8';

type ExportKey = 'period' | 'output' | 'outputPrevYear' | 'yoy';

/** Total chain output of each of the 24 months up to the chosen one (当月; 1–2月 as one), with its comparable growth. */
export function TrendChart({ period, height }: { period: string; height?: number }) {
  const t = useT();
  const { locale } = useLocale();
  // Output in 亿元 with two decimals, growth with one: the tooltip says 12.0, never 12.
  const shown = (digits: number) => (value: unknown) => (typeof value === 'number' ? formatFixed(value, locale, digits) : '—');
  const trend = useMonitoringTrend(period, TREND_MONTHS);
  const points = trend.data?.points ?? [];
  // January and February are reported together: one 1–2月 bar holding both months (its height is two months'
  // output, so it is named 1–2月合计, drawn lighter and explained under the chart; never halved into two bars).
  const labelOf = (point: (typeof points)[number]) =>
    point.janFeb ? t('monitoring.trendJanFebTotal', { year: point.period.slice(0, 4) }) : periodLabel(t, point.period, 'month');
  const hasJanFeb = points.some((p) => p.janFeb);
  const outputName = `${t('monitoring.output')}`;
  const growthName = `${t('monitoring.growth')} (%)`;
  const option: EChartsCoreOption = {
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'category', data: points.map(labelOf) },
    yAxis: [
      { type: 'value', name: t('monitoring.unitYi') },
      { type: 'value', name: '%', splitLine: { show: false } },
    ],
    series: [
      {
        name: outputName,
        type: 'bar',
        tooltip: { valueFormatter: shown(2) },
        data: points.map((p) => {
          const value = p.output === null ? null : yuanToYi(p.output);
          return p.janFeb ? { value, itemStyle: { color: JAN_FEB_COLOR } } : value;
        }),
      },
      {
        name: growthName,
        type: 'line',
        tooltip: { valueFormatter: shown(1) },
        yAxisIndex: 1,
        data: points.map((p) => growthToPercent(p.yoy)),
        smooth: true,
        connectNulls: false,
      },
    ],
  };
  const exportColumns: ExcelColumn<ExportKey>[] = [
    { key: 'period', title: t('monitoring.period'), width: 12 },
    { key: 'output', title: t('monitoring.output') },
    { key: 'outputPrevYear', title: t('monitoring.outputPrev') },
    { key: 'yoy', title: growthName },
  ];
  const exportRows = points.map((p): Record<ExportKey, ExcelCell> => ({
    period: labelOf(p),
    output: p.output === null ? null : yuanToYi(p.output),
    outputPrevYear: p.outputPrevYear === null ? null : yuanToYi(p.outputPrevYear),
    yoy: growthToPercent(p.yoy),
  }));
  return (
    <Card
      title={t('monitoring.trend')}
      size="small"
      loading={trend.isPending}
      extra={
        <ExportExcelButton
          fileName={`${t('monitoring.trend')}-${period}-${formatDateStamp()}`}
          sheetName={t('monitoring.trendSheet')}
          title={t('monitoring.trend')}
          period={periodLabel(t, period, 'month')}
          unit={t('monitoring.trendUnit')}
          columns={exportColumns}
          rows={exportRows}
          disabled={points.length === 0}
        />
      }
    >
      {trend.error ? <ErrorAlert error={trend.error} onRetry={() => void trend.refetch()} /> : null}
      <EChart option={option} height={height} testId="chart-trend" />
      {hasJanFeb ? (
        <Typography.Text type="secondary" data-testid="trend-janfeb-note">
          {t('monitoring.trendJanFebNote')}
        </Typography.Text>
      ) : null}
      <FigureMeta period={period} range="month" unit={t('monitoring.trendUnit')} asOf={trend.data?.asOf ?? null} />
    </Card>
  );
}
