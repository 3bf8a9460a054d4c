import { Card } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { ErrorAlert } from '../../../components/error-alert';
import { ExportExcelButton, type ExcelCell, type ExcelColumn } from '../../../components/export-excel-button';
import { formatDateStamp, growthToPercent, yuanToYi } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { useMonitoringTrend } from '../api/get-monitoring-trend';
import { EChart } from '../../../components/echart';
import { FigureMeta } from './figure-meta';

const TREND_MONTHS = 24;

type ExportKey = 'period' | 'output' | 'outputPrevYear' | 'yoy';

/** Total chain output of each of the 24 months up to the chosen one (当月; 1–2月 as one), with its comparable growth. */
export function TrendChart({ period, height }: { period: string; height?: number }) {
  const t = useT();
  const trend = useMonitoringTrend(period, TREND_MONTHS);
  const points = trend.data?.points ?? [];
  // January and February are published together: one 1–2月 point.
  const labelOf = (point: (typeof points)[number]) =>
    point.janFeb ? t('monitoring.trendJanFeb', { year: point.period.slice(0, 4) }) : point.period;
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
      { name: outputName, type: 'bar', data: points.map((p) => (p.output === null ? null : yuanToYi(p.output))) },
      { name: growthName, type: 'line', yAxisIndex: 1, data: points.map((p) => growthToPercent(p.yoy)), smooth: true, connectNulls: false },
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
          columns={exportColumns}
          rows={exportRows}
          disabled={points.length === 0}
        />
      }
    >
      {trend.error ? <ErrorAlert error={trend.error} onRetry={() => void trend.refetch()} /> : null}
      <EChart option={option} height={height} testId="chart-trend" />
      <FigureMeta period={period} range="month" unit={t('monitoring.trendUnit')} asOf={trend.data?.asOf ?? null} />
    </Card>
  );
}
