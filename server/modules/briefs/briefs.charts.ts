// The brief's charts, rendered by the server: ECharts in server-side rendering mode gives SVG (the
// web preview shows it as is), and the documents take it as PNG (briefs.docx.ts rasterises it).
import * as echarts from 'echarts';

/** Fonts named for the SVG: the rasteriser and the browser pick the first one installed. */
export const CHART_FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', SimHei, sans-serif";

export const CHART_SIZE = { width: 640, height: 360 } as const;

/** A horizontal bar chart (one bar per label, best at the top) of `values` in `unit`. */
export function barChartSvg(input: { title: string; labels: string[]; values: (number | null)[]; unit: string }): string {
  const height = Math.max(CHART_SIZE.height, 60 + input.labels.length * 24);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_SIZE.width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: CHART_FONT },
      title: { text: input.title, left: 'center', textStyle: { fontSize: 14, fontFamily: CHART_FONT } },
      grid: { left: 130, right: 60, top: 40, bottom: 30 },
      xAxis: { type: 'value', name: input.unit, axisLabel: { fontFamily: CHART_FONT } },
      yAxis: { type: 'category', data: [...input.labels].reverse(), axisLabel: { fontFamily: CHART_FONT, fontSize: 11 } },
      series: [
        {
          type: 'bar',
          data: [...input.values].reverse(),
          itemStyle: { color: '#1f5fa8' },
          label: { show: true, position: 'right', fontFamily: CHART_FONT, fontSize: 10 },
        },
      ],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
