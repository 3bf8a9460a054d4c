import { Card, Col, Row } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import type { MonitoringChainsResponse } from '../../../../shared/contracts/monitoring';
import { useT } from '../../../lib/i18n';
import { EChart } from '../../../components/echart';
import { FigureMeta } from './figure-meta';
import { yuanToYi, growthToPercent, roundPp } from '../../../lib/format';

type Bar = { name: string; value: number | null };

// Horizontal bars, largest on top (ECharts draws the first category at the bottom).
function barOption(bars: Bar[], unit: string): EChartsCoreOption {
  const sorted = [...bars].sort((a, b) => (a.value ?? -Infinity) - (b.value ?? -Infinity));
  return {
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => `${String(value)} ${unit}` },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: sorted.map((bar) => bar.name) },
    series: [{ type: 'bar', data: sorted.map((bar) => bar.value), label: { show: true, position: 'right' } }],
  };
}

/** Chains ranked by output and by growth, and each chain's 拉动 in percentage points. */
export function ChainCharts({ data }: { data: MonitoringChainsResponse }) {
  const t = useT();
  const height = Math.max(200, data.chains.length * 28 + 40);
  const meta = (unit: string) => <FigureMeta period={data.period} range={data.range} unit={unit} asOf={data.asOf} />;
  const charts = [
    {
      key: 'output',
      title: t('monitoring.byOutput'),
      unit: t('monitoring.unitYi'),
      bars: data.chains.map((chain) => ({ name: chain.name, value: yuanToYi(chain.output) })),
    },
    {
      key: 'growth',
      title: t('monitoring.byGrowth'),
      unit: '%',
      bars: data.chains.map((chain) => ({ name: chain.name, value: growthToPercent(chain.yoy) })),
    },
    {
      key: 'contribution',
      title: t('monitoring.contribution'),
      unit: t('monitoring.unitPp'),
      bars: data.chains.map((chain) => ({ name: chain.name, value: roundPp(chain.contributionPp) })),
    },
  ];
  return (
    <Row gutter={[16, 16]}>
      {charts.map((chart) => (
        <Col key={chart.key} xs={24} xl={8}>
          <Card title={chart.title} size="small">
            <EChart option={barOption(chart.bars, chart.unit)} height={height} testId={`chart-${chart.key}`} />
            {meta(chart.unit)}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
