// Generation of a brief's content from the published snapshot of its month (or, for a 初步 brief,
// the live figures data staff see), through the services that answer the screens — monitoring's
// breakdowns in the caller's scope, the chains' target tracking, warnings and review items, the
// projects' and tickets' year figures — so a brief never holds a figure its author could not see.
import { pushAll } from '../../../shared/arrays.js';
import type { BriefKind, BriefSection, BriefSegment, BriefTable, BriefTemplateKey, RichText } from '../../../shared/contracts/briefs.js';
import type { MonitoringBreakdownResponse } from '../../../shared/contracts/monitoring.js';
import { isDoubleDigitGrowth } from '../../../shared/stats/growth.js';
import { parsePeriod, rangeMonths } from '../../../shared/stats/period.js';
import type { Db } from '../../db/client.js';
import type { DataScope } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { trackTarget } from '../chains/chains.tracking.js';
import { getBreakdown } from '../monitoring/monitoring.service.js';
import { projectSummaryIn } from '../projects/projects.summary.js';
import { ticketFiguresIn } from '../tickets/tickets.stats.js';
import { reviewItemsOf } from '../warnings/dispositions.service.js';
import { listWarnings } from '../warnings/warnings.service.js';
import { barChartSvg } from './briefs.charts.js';
import { growthWords, monthsLabel, pct, periodLabelOf, pp, recordFigure, snapshotFigure, yi, type FigureContext } from './briefs.format.js';
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

function sectionOf(key: BriefSection['key'], title: string, parts: Partial<BriefSection> = {}): BriefSection {
  return { key, title, paragraphs: [], tables: [], charts: [], narrative: null, ...parts };
}

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
  const investment = await investmentSection(db, scope, year, ctx, input.now, fill);
  if (investment) sections.push(investment);
  const problems = await problemsSection(db, scope, year, ctx, input.now, fill);
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

function partsSection(
  by: 'chain' | 'node',
  rows: Part[],
  ctx: FigureContext,
  fill: (key: BriefTemplateKey, values: Record<string, Fill>) => BriefSegment[],
): BriefSection {
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
  fill: (key: BriefTemplateKey, values: Record<string, Fill>) => BriefSegment[],
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

async function targetsSection(
  db: Db,
  period: string,
  chains: (Part | string)[],
  ctx: FigureContext,
  fill: (key: BriefTemplateKey, values: Record<string, Fill>) => BriefSegment[],
): Promise<BriefSection | null> {
  const tracked = [];
  for (const c of chains) {
    if (typeof c === 'string') continue;
    const t = await trackTarget(db, c.code, period, c.output);
    if (t.outputTarget !== null && t.outputTarget > 0) tracked.push({ part: c, t });
  }
  if (tracked.length === 0) return null;
  const month = parsePeriod(rangeMonths(period, 'ytd').to).month;
  const timeShare = month / 12;
  const sumTarget = tracked.reduce((s, x) => s + (x.t.outputTarget ?? 0), 0);
  const sumYtd = tracked.reduce((s, x) => s + x.t.ytd, 0);
  const ahead = tracked.filter((x) => (x.t.completion ?? 0) >= timeShare).length;
  const year = parsePeriod(period).year;
  const paragraph = fill('targetsIntro', {
    year: String(year),
    withTarget: snapshotFigure(ctx, 'targets.count', String(tracked.length), '条', `设定${year}年产值目标的产业链条数`),
    completion: snapshotFigure(ctx, 'targets.completion', pct(sumYtd / sumTarget), '%', '累计产值 ÷ 年度产值目标（设定目标的产业链合计）'),
    timeShare: snapshotFigure(ctx, 'targets.time_share', pct(timeShare), '%', '时序进度：已过月数 ÷ 12'),
    ahead: snapshotFigure(ctx, 'targets.ahead', String(ahead), '条', '完成率不低于时序进度的产业链条数'),
  });
  return sectionOf('targets', '目标完成情况', {
    paragraphs: [paragraph],
    tables: [
      {
        key: 'targets',
        title: `产业链${year}年产值目标完成情况（${ctx.period}）`,
        unitNote: '单位：亿元，%',
        columns: ['产业链', '年度目标（亿元）', '累计完成（亿元）', '完成率（%）', '全年预计（亿元）', '预计完成率（%）'],
        rows: tracked.map(({ part, t }) => [
          part.name,
          yi(t.outputTarget ?? 0),
          yi(t.ytd),
          pct(t.completion),
          t.projection === null ? '—' : yi(t.projection),
          pct(t.projectedCompletion),
        ]),
      },
    ],
  });
}

async function warningsSection(
  db: Db,
  actor: Actor,
  input: GenerateInput,
  ctx: FigureContext,
  fill: (key: BriefTemplateKey, values: Record<string, Fill>) => BriefSegment[],
): Promise<BriefSection> {
  const warnings = await listWarnings(db, actor, {
    period: input.period,
    chain: input.chainCode ?? undefined,
    region: input.regionCode ?? undefined,
    page: 1,
    pageSize: 1,
  });
  const items = (await reviewItemsOf(db, input.period)).filter(
    (i) =>
      (input.chainCode === null || i.chainCodes.includes(input.chainCode)) &&
      (input.regionCode === null || i.regionCode === input.regionCode),
  );
  const settled = items.filter((i) => i.status !== 'pending' && i.status !== 'assigned').length;
  const c = warnings.counts;
  const f = (key: string, n: number, unit: string, definition: string) =>
    snapshotFigure(ctx, `warnings.${key}`, String(n), unit, definition);
  const paragraph = fill('warningsIntro', {
    total: f('total', c.total, '条', '本期预警条数（产值大幅下降、未报、低于规上标准、疑似单位错误）'),
    drops: f('drops', c.output_drop, '条', '连续月份产值同比降幅超过阈值的企业'),
    notReported: f('not_reported', c.not_reported, '条', '报送截止日后仍未报送的企业'),
    belowScale: f('below_scale', c.below_scale, '条', '年化营业收入低于规上标准的企业'),
    unitSlips: f('unit_slips', c.unit_slip, '条', '产值偏离近12个月中位数、疑似计量单位错误的企业'),
    reviewItems: f('review_items', items.length, '项', '本月数据审核事项（疑似单位错误、产值大幅下降）'),
    reviewSettled: f('review_settled', settled, '项', '已核实属实或已更正的审核事项'),
  });
  return sectionOf('warnings', '预警与数据审核情况', {
    paragraphs: [paragraph],
    tables: [
      {
        key: 'warnings',
        title: `预警与审核事项（${ctx.period}）`,
        unitNote: '单位：条，项',
        columns: ['类别', '数量'],
        rows: [
          ['产值大幅下降', String(c.output_drop)],
          ['未按期报送', String(c.not_reported)],
          ['疑似低于规上标准', String(c.below_scale)],
          ['疑似计量单位错误', String(c.unit_slip)],
          ['数据审核事项', String(items.length)],
          ['其中已处理', String(settled)],
        ],
      },
    ],
  });
}

async function investmentSection(
  db: Db,
  scope: DataScope,
  year: number,
  ctx: FigureContext,
  now: string,
  fill: (key: BriefTemplateKey, values: Record<string, Fill>) => BriefSegment[],
): Promise<BriefSection | null> {
  const s = await projectSummaryIn(db, scope, year);
  if (s.signed.count === 0 && s.majorNew.count === 0) return null;
  const note = `项目库，截至 ${now.slice(0, 10)}`;
  const f = (key: string, text: string, unit: string, definition: string) =>
    recordFigure(ctx, 'projects', `projects.${key}`, text, unit, definition, `${year}年`, note);
  const paragraph = fill('investmentIntro', {
    year: String(year),
    signed: f('signed', String(s.signed.count), '个', '当年签约的招商项目个数'),
    signedAmount: f('signed_amount', yi(s.signed.amount), '亿元', '当年签约项目的签约额合计'),
    major: f('major', String(s.majorNew.count), '个', '当年首次列入重大项目清单的项目个数'),
    majorInvestment: f('major_investment', yi(s.majorNew.totalInvestment), '亿元', '新列重大项目的计划总投资'),
  });
  return sectionOf('investment', '投资与重大项目推进情况', {
    paragraphs: [paragraph],
    tables: [
      {
        key: 'projects',
        title: `招商项目与重大项目（${year}年，截至 ${now.slice(0, 10)}）`,
        unitNote: '单位：个，亿元，%',
        columns: ['指标', '数值'],
        rows: [
          ['签约项目（个）', String(s.signed.count)],
          ['签约额（亿元）', yi(s.signed.amount)],
          ['新列重大项目（个）', String(s.majorNew.count)],
          ['重大项目总投资（亿元）', yi(s.majorNew.totalInvestment)],
          ['履约率（%）', pct(s.rates.performance)],
          ['开工率（%）', pct(s.rates.started)],
          ['投产率（%）', pct(s.rates.inProduction)],
          ['资金到位率（%）', pct(s.rates.fundsArrived)],
          ['年度投资完成率（%）', pct(s.rates.annualInvestment)],
        ],
      },
    ],
  });
}

async function problemsSection(
  db: Db,
  scope: DataScope,
  year: number,
  ctx: FigureContext,
  now: string,
  fill: (key: BriefTemplateKey, values: Record<string, Fill>) => BriefSegment[],
): Promise<BriefSection | null> {
  const t = await ticketFiguresIn(db, scope, year);
  if (t.received === 0) return null;
  const note = `企业诉求台账，截至 ${now.slice(0, 10)}`;
  const f = (key: string, text: string, unit: string, definition: string) =>
    recordFigure(ctx, 'tickets', `tickets.${key}`, text, unit, definition, `${year}年`, note);
  const paragraph = fill('problemsIntro', {
    year: String(year),
    received: f('received', String(t.received), '件', '当年受理的企业诉求件数'),
    closed: f('closed', String(t.closed), '件', '当年办结的诉求件数'),
    onTime: f('on_time', pct(t.onTimeRate), '%', '办结诉求中在期限内答复的比例'),
  });
  return sectionOf('problems', '问题办理情况', {
    paragraphs: [paragraph],
    tables: [
      {
        key: 'tickets',
        title: `企业诉求办理（${year}年，截至 ${now.slice(0, 10)}）`,
        unitNote: '单位：件，%，工作日',
        columns: ['指标', '数值'],
        rows: [
          ['受理（件）', String(t.received)],
          ['办结（件）', String(t.closed)],
          ['按期办结率（%）', pct(t.onTimeRate)],
          ['平均办理工作日', t.avgWorkingDays === null ? '—' : t.avgWorkingDays.toFixed(1)],
          ['满意率（%）', pct(t.satisfaction)],
        ],
      },
    ],
  });
}

/** A starting text for 下月工作重点 (the author rewrites it): the chains or nodes growing slowest. */
function focusNarrative(rows: Part[], kind: BriefKind): RichText {
  const slow = rows.filter((r) => r.yoy !== null && r.yoy < 0).map((r) => r.name);
  const noun = kind === 'chain' ? '环节' : '产业链';
  return [
    {
      kind: 'bullet',
      runs: [
        {
          text:
            slow.length > 0
              ? `紧盯${slow.slice(0, 5).join('、')}等产值下降的${noun}，逐企分析原因，落实帮扶措施。`
              : `巩固各${noun}增长态势，跟踪重点企业生产经营情况。`,
        },
      ],
    },
    { kind: 'bullet', runs: [{ text: '加快重大项目建设进度，推动签约项目早开工、早投产。' }] },
    { kind: 'bullet', runs: [{ text: '督促企业按期报送月度数据，及时核实处理预警与审核事项。' }] },
  ];
}
