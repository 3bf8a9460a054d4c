import { useState } from 'react';
import { Card, Segmented } from 'antd';
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

type RankBy = 'output' | 'growth' | 'contribution';
const RANK_BY: readonly RankBy[] = ['output', 'growth', 'contribution'];

/**
 * The chains ranked by output, by growth or by 拉动 (percentage points), one at a time in one card so
 * the ranking shares the first screen with the headline and the trend. `height`: the chart's height
 * (on a phone the bars get their natural height, 28 px each).
 */
export function ChainCharts({ data, height }: { data: MonitoringChainsResponse; height?: number }) {
  const t = useT();
  const { locale } = useLocale();
  const [rankBy, setRankBy] = useState<RankBy>('output');
  const natural = Math.max(200, data.chains.length * 28 + 40);
  const charts: Record<RankBy, { title: string; unit: string; digits: number; bars: Bar[] }> = {
    output: {
      title: t('monitoring.byOutput'),
      unit: t('monitoring.unitYi'),
      digits: 2,
      bars: data.chains.map((chain) => ({ name: chain.name, value: yuanToYi(chain.output) })),
    },
    growth: {
      title: t('monitoring.byGrowth'),
      unit: '%',
      digits: 1,
      bars: data.chains.map((chain) => ({ name: chain.name, value: growthToPercent(chain.yoy) })),
    },
    contribution: {
      title: t('monitoring.contribution'),
      unit: t('monitoring.unitPp'),
      digits: 2,
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
      <EChart option={barOption(chart.bars, chart.unit, chart.digits, locale)} height={height ?? natural} testId={`chart-${rankBy}`} />
      <FigureMeta period={data.period} range={data.range} unit={chart.unit} asOf={data.asOf} />
    </Card>
  );
}
