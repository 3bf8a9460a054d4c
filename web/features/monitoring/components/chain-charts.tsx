import { Card, Col, Row } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import type { MonitoringChainsResponse } from '../../../../shared/contracts/monitoring';
import { useLocale, useT } from '../../../lib/i18n';
import type { Locale } from '../../../../shared/i18n/index';
import { EChart } from '../../../components/echart';
import { FigureMeta } from './figure-meta';
import { formatFixed, yuanToYi, growthToPercent, roundPp } from '../../../lib/format';

type Bar = { name: string; value: number | null };

/** A bar's value as its chart shows it: `digits` decimals always (5.96, 2.00, 0.30), never "-0". */
function barValue(value: unknown, locale: Locale, digits: number): string {
  return typeof value === 'number' ? formatFixed(value, locale, digits) : '—';
}

// Horizontal bars, largest on top (ECharts draws the first category at the bottom).
function barOption(bars: Bar[], unit: string, digits: number, locale: Locale): EChartsCoreOption {
  const sorted = [...bars].sort((a, b) => (a.value ?? -Infinity) - (b.value ?? -Infinity));
  return {
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => `${barValue(value, locale, digits)} ${unit}` },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: sorted.map((bar) => bar.name) },
    series: [
      {
        type: 'bar',
        data: sorted.map((bar) => bar.value),
        label: { show: true, position: 'right', formatter: ({ value }: { value: unknown }) => barValue(value, locale, digits) },
      },
    ],
  };
}

/** Chains ranked by output and by growth, and each chain's 拉动 in percentage points. */
export function ChainCharts({ data }: { data: MonitoringChainsResponse }) {
  const t = useT();
  const { locale } = useLocale();
  const height = Math.max(200, data.chains.length * 28 + 40);
  const meta = (unit: string) => <FigureMeta period={data.period} range={data.range} unit={unit} asOf={data.asOf} />;
  const charts = [
    {
      key: 'output',
      title: t('monitoring.byOutput'),
      unit: t('monitoring.unitYi'),
      digits: 2,
      bars: data.chains.map((chain) => ({ name: chain.name, value: yuanToYi(chain.output) })),
    },
    {
      key: 'growth',
      title: t('monitoring.byGrowth'),
      unit: '%',
      digits: 1,
      bars: data.chains.map((chain) => ({ name: chain.name, value: growthToPercent(chain.yoy) })),
    },
    {
      key: 'contribution',
      title: t('monitoring.contribution'),
      unit: t('monitoring.unitPp'),
      digits: 2,
      bars: data.chains.map((chain) => ({ name: chain.name, value: roundPp(chain.contributionPp) })),
    },
  ];
  return (
    <Row gutter={[16, 16]}>
      {charts.map((chart) => (
        <Col key={chart.key} xs={24} xl={8}>
          <Card title={chart.title} size="small">
            <EChart option={barOption(chart.bars, chart.unit, chart.digits, locale)} height={height} testId={`chart-${chart.key}`} />
            {meta(chart.unit)}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
