// Generation of a brief's content from the published snapshot of its month (or, for a 初步 brief,
// the live figures data staff see), through the services that answer the screens — monitoring's
// breakdowns in the caller's scope, the chains' target tracking, warnings and review items, the
// projects' and tickets' year figures — so a brief never holds a figure its author could not see.
import { pushAll } from '../../../shared/arrays.js';
import type { BriefKind, BriefSection, BriefSegment, BriefTable, BriefTemplateKey } from '../../../shared/contracts/briefs.js';
import type { MonitoringBreakdownResponse } from '../../../shared/contracts/monitoring.js';
import { isDoubleDigitGrowth } from '../../../shared/stats/growth.js';
import { parsePeriod } from '../../../shared/stats/period.js';
import type { Db } from '../../db/client.js';
import type { DataScope } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { getBreakdown } from '../monitoring/monitoring.service.js';
import { barChartSvg } from './briefs.charts.js';
import { growthWords, monthsLabel, pct, periodLabelOf, pp, snapshotFigure, yi, type FigureContext } from './briefs.format.js';
import {
  focusNarrative,
  investmentSection,
  problemsSection,
  sectionOf,
  targetsSection,
  warningsSection,
  type FillTemplate,
} from './briefs.sections.js';
import { fillTemplate, type Fill } from './briefs.templates.js';

export type BriefContent = {
  title: string;
  periodLabel: string;
  rangeName: string;
  lead: BriefSegment[];
  sections: BriefSection[];
  asOf: string;
  publicationNote: string;
};

export type GenerateInput = {
  period: string;
  kind: BriefKind;
  chainCode: string | null;
  regionCode: string | null;
  rangeName: string;
  cityName: string;
  preliminary: boolean;
  snapshot: { id: number; publishedAt: string | null } | null;
  templates: Record<BriefTemplateKey, string>;
  /** When the brief is generated (ISO): the as-of of the project and ticket figures. */
  now: string;
};

const DEF = {
  output: '规上工业总产值（当年价），产业链企业去重合计',
  growth: '同口径同比增速：可比企业本期产值 ÷ 其上年同期产值 − 1（名义增速）',
  doubleDigit: '同口径同比增速 ≥ 10.0% 的产业链条数',
  enterprises: '纳入统计的规上企业户数（去重）',
  contribution: '拉动：该部分产值增量 ÷ 合计上年同期产值 × 100（百分点）',
};

type Part = MonitoringBreakdownResponse['rows'][number];

const byOutput = (a: Part, b: Part) => b.output - a.output || a.code.localeCompare(b.code);

function partsTable(key: string, title: string, label: string, rows: Part[]): BriefTable {
  return {
    key,
    title,
    unitNote: '单位：亿元，%，百分点，家',
    columns: ['排名', label, '产值（亿元）', '同比增长（%）', '拉动（百分点）', '企业数（家）'],
    rows: rows.map((r, i) => [String(i + 1), r.name, yi(r.output), pct(r.yoy), pp(r.contributionPp), String(r.enterpriseCount)]),
  };
}

/** The brief's content (rules above); the caller has checked the scope and the month. */
export async function generateBriefContent(db: Db, actor: Actor, input: GenerateInput): Promise<BriefContent> {
  const { period, kind } = input;
  const periodLabel = periodLabelOf(period);
  const chain = input.chainCode ?? undefined;
  const region = input.regionCode ?? undefined;
  const breakdown = (by: 'chain' | 'region' | 'park' | 'node') => getBreakdown(db, actor, { period, range: 'ytd', by, chain, region });
  const main = await breakdown(kind === 'chain' ? 'node' : 'chain');
  const publication = main.publication;
  const sourceNote = input.preliminary
    ? `初步数据（${period} 未发布），截至 ${main.asOf ?? input.now}`
    : `${period} 发布快照 #${input.snapshot?.id ?? ''}${input.snapshot?.publishedAt ? `（发布于 ${input.snapshot.publishedAt.slice(0, 10)}）` : ''}`;
  const rows = [...main.rows].sort(byOutput);
  const rangeWords = kind === 'chain' ? input.rangeName : `${kind === 'city' ? '全市' : input.rangeName}${rows.length}条产业链`;
  const ctx: FigureContext = { period: periodLabel, range: `${rangeWords}规上企业`, sourceNote };
  const fill = (key: BriefTemplateKey, values: Record<string, Fill>) => fillTemplate(key, input.templates[key], values);
  const total = main.total;
  const growth = growthWords(total.yoy);
  const doubleDigit = rows.filter((r) => isDoubleDigitGrowth(r.comparableOutput, r.outputPrevYear)).length;
  const leadValues: Record<string, Fill> = {
    period: monthsLabel(period),
    range: rangeWords,
    output: snapshotFigure(ctx, 'total_output', yi(total.output), '亿元', DEF.output),
    growthVerb: growth.verb,
    growth: snapshotFigure(ctx, 'total_growth', growth.text, '%', DEF.growth),
    doubleDigit: snapshotFigure(ctx, 'double_digit', String(doubleDigit), '条', DEF.doubleDigit),
    enterprises: snapshotFigure(ctx, 'enterprises', String(total.enterpriseCount), '家', DEF.enterprises),
  };
  const lead = fill(kind === 'chain' ? 'chainOpening' : 'opening', leadValues);

  const sections: BriefSection[] = [overviewSection(ctx, total)];
  sections.push(partsSection(kind === 'chain' ? 'node' : 'chain', rows, ctx, fill));
  pushAll(sections, await areasSections(kind, breakdown, ctx, fill));
  const targets = kind === 'region' ? null : await targetsSection(db, period, kind === 'chain' && chain ? [chain] : rows, ctx, fill);
  if (targets) sections.push(targets);
  sections.push(await warningsSection(db, actor, input, ctx, fill));
  const scope: DataScope =
    kind === 'city' ? { all: true } : { all: false, kind: kind === 'chain' ? 'chain' : 'region', refs: [chain ?? region ?? ''] };
  const year = parsePeriod(period).year;
  const records = { db, scope, year, ctx, now: input.now, fill };
  const investment = await investmentSection(records);
  if (investment) sections.push(investment);
  const problems = await problemsSection(records);
  if (problems) sections.push(problems);
  sections.push(sectionOf('focus', '下月工作重点', { narrative: focusNarrative(rows, kind) }));

  const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  sections.forEach((s, i) => (s.title = `${numerals[i] ?? String(i + 1)}、${s.title}`));
  const prefix = input.preliminary ? '（初步）' : '';
  const rangeTitle = kind === 'city' ? input.cityName : input.rangeName;
  return {
    title: `${rangeTitle}产业链运行月报${prefix}（${periodLabel}）`,
    periodLabel,
    rangeName: input.rangeName,
    lead,
    sections,
    asOf: main.asOf ?? input.now,
    publicationNote: input.preliminary
      ? `初步数据：${period} 尚未发布，数字可能变动，不得对外引用（数据截至 ${main.asOf ?? input.now}）`
      : `数据来源：${sourceNote}；口径：规上工业，同口径（可比企业）名义增速；报送 ${publication.coverage.reported}/${publication.coverage.expected} 户`,
  };
}

function overviewSection(ctx: FigureContext, total: MonitoringBreakdownResponse['total']): BriefSection {
  const paragraph: BriefSegment[] = [
    { text: '纳入统计的规上企业' },
    { figure: snapshotFigure(ctx, 'overview.enterprises', String(total.enterpriseCount), '家', DEF.enterprises) },
    { text: '，上年同期可比产值' },
    { figure: snapshotFigure(ctx, 'overview.prev_year', yi(total.outputPrevYear), '亿元', '可比企业上年同期规上工业总产值') },
    { text: '；未报送企业' },
    { figure: snapshotFigure(ctx, 'overview.not_reported', String(total.notReportedCount), '家', '纳入统计但本期未报送产值的企业') },
    { text: '，因缺少上年同期数未计入增速的企业' },
    {
      figure: snapshotFigure(
        ctx,
        'overview.excluded',
        String(total.excludedFromGrowth),
        '家',
        '有本期产值、缺少上年同期数的企业（不计入增速）',
      ),
    },
    { text: '。' },
  ];
  return sectionOf('overview', '总体运行情况', { paragraphs: [paragraph] });
}

function partsSection(by: 'chain' | 'node', rows: Part[], ctx: FigureContext, fill: FillTemplate): BriefSection {
  const noun = by === 'chain' ? '产业链' : '环节';
  const withGrowth = rows.filter((r) => r.yoy !== null);
  const top = withGrowth.reduce<Part | null>((best, r) => (best === null || (r.yoy ?? 0) > (best.yoy ?? 0) ? r : best), null);
  const unit = by === 'chain' ? '条' : '个';
  const intro = fill('chainsIntro', {
    dimension: noun,
    count: snapshotFigure(ctx, `${by}.count`, String(rows.length), unit, `纳入统计的${noun}个数`),
    up: snapshotFigure(ctx, `${by}.up`, String(rows.filter((r) => (r.yoy ?? 0) > 0).length), unit, `产值同比增长的${noun}个数`),
    down: snapshotFigure(ctx, `${by}.down`, String(rows.filter((r) => (r.yoy ?? 0) < 0).length), unit, `产值同比下降的${noun}个数`),
    top: top?.name ?? '—',
    topGrowth: snapshotFigure(ctx, `${by}.top_growth`, pct(top?.yoy ?? null), '%', DEF.growth, top?.name ?? ctx.range),
  });
  const lines = rows.map((r, i) => {
    const g = growthWords(r.yoy);
    return fill('chainLine', {
      rank: String(i + 1),
      chain: r.name,
      output: snapshotFigure(ctx, `${by}.${r.code}.output`, yi(r.output), '亿元', DEF.output, r.name),
      growthVerb: g.verb,
      growth: snapshotFigure(ctx, `${by}.${r.code}.growth`, g.text, '%', DEF.growth, r.name),
      contribution: snapshotFigure(ctx, `${by}.${r.code}.contribution`, pp(r.contributionPp), '个百分点', DEF.contribution, r.name),
    });
  });
  const byGrowth = [...withGrowth].sort((a, b) => (b.yoy ?? 0) - (a.yoy ?? 0));
  return sectionOf('chains', by === 'chain' ? '分产业链运行情况' : '分环节运行情况', {
    paragraphs: [intro, ...lines],
    tables: [partsTable(`${by}s`, `各${noun}主要指标（${ctx.period}）`, noun, rows)],
    charts: [
      {
        key: `${by}s_growth`,
        title: `各${noun}产值同比增速（%）`,
        svg: barChartSvg({
          title: `各${noun}产值同比增速（%，${ctx.period}）`,
          labels: byGrowth.map((r) => r.name),
          values: byGrowth.map((r) => Number(pct(r.yoy))),
          unit: '%',
        }),
      },
    ],
  });
}

async function areasSections(
  kind: BriefKind,
  breakdown: (by: 'region' | 'park') => Promise<MonitoringBreakdownResponse>,
  ctx: FigureContext,
  fill: FillTemplate,
): Promise<BriefSection[]> {
  const dims: ('region' | 'park')[] = kind === 'city' ? ['region', 'park'] : kind === 'chain' ? ['region'] : ['park'];
  const section = sectionOf(
    'areas',
    kind === 'region' ? '分园区运行情况' : kind === 'chain' ? '分县市区运行情况' : '分县市区和园区运行情况',
  );
  for (const by of dims) {
    const rows = [...(await breakdown(by)).rows].sort(byOutput);
    if (rows.length === 0) continue;
    const noun = by === 'region' ? '县市区' : '园区';
    const top = rows[0];
    section.paragraphs.push(
      fill('areasIntro', {
        count: snapshotFigure(ctx, `${by}.count`, String(rows.length), '个', `有产业链企业的${noun}个数`),
        areaKind: noun,
        up: snapshotFigure(ctx, `${by}.up`, String(rows.filter((r) => (r.yoy ?? 0) > 0).length), '个', `产值同比增长的${noun}个数`),
        top: top?.name ?? '—',
        topOutput: snapshotFigure(ctx, `${by}.top_output`, yi(top?.output ?? 0), '亿元', DEF.output, top?.name ?? ctx.range),
      }),
    );
    section.tables.push(partsTable(`${by}s`, `各${noun}产业链主要指标（${ctx.period}）`, noun, rows));
    if (by === 'region') {
      section.charts.push({
        key: 'regions_output',
        title: `各${noun}产业链产值（亿元）`,
        svg: barChartSvg({
          title: `各${noun}产业链产值（亿元，${ctx.period}）`,
          labels: rows.map((r) => r.name),
          values: rows.map((r) => Number(yi(r.output))),
          unit: '亿元',
        }),
      });
    }
  }
  return section.tables.length === 0 ? [] : [section];
}
