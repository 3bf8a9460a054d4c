import { useState } from 'react';
import { Card, Segmented } from 'antd';
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

type RankBy = 'output' | 'growth' | 'contribution';
const RANK_BY: readonly RankBy[] = ['output', 'growth', 'contribution'];

/**
 * The chains ranked by output, by growth or by 拉动 (percentage points), one at a time in one card so
 * the ranking shares the first screen with the headline and the trend. `height`: the chart's height
 * (on a phone the bars get their natural height, 28 px each).
 */
export function ChainCharts({ data, height }: { data: MonitoringChainsResponse; height?: number }) {
  const t = useT();
  const [rankBy, setRankBy] = useState<RankBy>('output');
  const natural = Math.max(200, data.chains.length * 28 + 40);
  const charts: Record<RankBy, { title: string; unit: string; bars: Bar[] }> = {
    output: {
      title: t('monitoring.byOutput'),
      unit: t('monitoring.unitYi'),
      bars: data.chains.map((chain) => ({ name: chain.name, value: yuanToYi(chain.output) })),
    },
    growth: {
      title: t('monitoring.byGrowth'),
      unit: '%',
      bars: data.chains.map((chain) => ({ name: chain.name, value: growthToPercent(chain.yoy) })),
    },
    contribution: {
      title: t('monitoring.contribution'),
      unit: t('monitoring.unitPp'),
      bars: data.chains.map((chain) => ({ name: chain.name, value: roundPp(chain.contributionPp) })),
    },
  };
  const chart = charts[rankBy];
  return (
    <Card
      title={chart.title}
      size="small"
      data-testid="chain-ranking"
      extra={
        <Segmented<RankBy>
          size="small"
          value={rankBy}
          options={RANK_BY.map((value) => ({ value, label: t(`monitoring.rankBy.${value}`) }))}
          onChange={setRankBy}
          data-testid="chain-ranking-by"
        />
      }
    >
      <EChart option={barOption(chart.bars, chart.unit)} height={height ?? natural} testId={`chart-${rankBy}`} />
      <FigureMeta period={data.period} range={data.range} unit={chart.unit} asOf={data.asOf} />
    </Card>
  );
}
