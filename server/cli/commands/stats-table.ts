// The readable form of `stats chains`: a fixed-width table in 亿元 with growth in percent, labelled
// with its basis, period, range, unit and as-of time, for an operator's terminal.
import type { MonitoringChainsResponse } from '../../../shared/contracts/monitoring.js';
import { formatGrowthText, formatPpText, formatYiText } from '../../../shared/stats/growth.js';
import { parsePeriod, STATISTICS_TIME_ZONE } from '../../../shared/stats/period.js';

/** Terminal columns a string takes: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return width;
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

function rangeLabel(period: string, range: MonitoringChainsResponse['range']): string {
  const { year, month } = parsePeriod(period);
  // January and February are one period (shared/stats/period.ts rangeMonths).
  if (month <= 2) return `${year}年1–2月 (January–February together)`;
  return range === 'ytd' ? `${year}年1–${month}月累计 (year to date)` : `${year}年${month}月当月 (month)`;
}

function asOfLabel(asOf: string | null): string {
  if (asOf === null) return '无数据 (no data)';
  const local = new Date(asOf).toLocaleString('sv-SE', { timeZone: STATISTICS_TIME_ZONE, hour12: false });
  return `${local.slice(0, 16)} 北京时间 (Beijing time)`;
}

const COLUMNS = [
  { title: '代码', align: 'left' },
  { title: '产业链 (chain)', align: 'left' },
  { title: '产值(亿元)', align: 'right' },
  { title: '同比(同口径)', align: 'right' },
  { title: '拉动(百分点)', align: 'right' },
  { title: '企业数', align: 'right' },
  { title: '不计增速', align: 'right' },
  { title: '发布口径同比', align: 'right' },
] as const;

/** The lines of the table: header lines, one line per chain, the deduplicated total and the sum of chains. */
export function formatChainsTable(answer: MonitoringChainsResponse): string[] {
  const body = answer.chains.map((c) => [
    c.code,
    c.name,
    formatYiText(c.output),
    formatGrowthText(c.yoy),
    formatPpText(c.contributionPp).replace('pp', ''),
    String(c.enterpriseCount),
    String(c.excludedFromGrowth),
    formatGrowthText(c.publishedYoy),
  ]);
  const t = answer.total;
  const footer = [
    [
      '合计',
      '去重 (deduplicated)',
      formatYiText(t.output),
      formatGrowthText(t.yoy),
      '',
      String(t.enterpriseCount),
      String(t.excludedFromGrowth),
      formatGrowthText(t.publishedYoy),
    ],
    ['', '各链加总 (sum of chains)', formatYiText(t.chainSum.output), '', '', String(t.chainSum.enterpriseCount), '', ''],
  ];
  const rows = [COLUMNS.map((c) => c.title), ...body, ...footer];
  const widths = COLUMNS.map((_, i) => rows.reduce((widest, r) => Math.max(widest, displayWidth(r[i] ?? '')), 0));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => pad(cell, widths[i] ?? 0, COLUMNS[i]?.align ?? 'left'))
      .join('  ')
      .trimEnd();
  const rule = '-'.repeat(widths.reduce((s, w) => s + w, 0) + 2 * (widths.length - 1));
  return [
    `产业链规上工业总产值 (gross output of above-scale chain enterprises) · ${rangeLabel(answer.period, answer.range)} · 期间 (period) ${answer.period}`,
    `同口径 (comparable basis) · 单位 (unit) 亿元 (100 million yuan) · 数据截至 (as of) ${asOfLabel(answer.asOf)}`,
    '',
    line(COLUMNS.map((c) => c.title)),
    rule,
    ...body.map(line),
    rule,
    ...footer.map(line),
    '',
    `两位数增长产业链 (chains growing ≥ 10.0%): ${answer.doubleDigitCount}`,
    '同比为工业总产值名义增速，非统计部门发布的规模工业增加值增速 (nominal gross-output growth, not the official value-added growth).',
    "不计增速 = 无上年同期基数、未计入增速的企业数；发布口径同比 = 本期产值 ÷ 上年同期发布口径产值 − 1 (excluded: firms without a prior-year base; published: output over last year's published scope).",
  ];
}
