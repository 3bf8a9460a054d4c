// The sections of a brief read from other modules: target completion (chains.tracking), warnings
// and review items, investment and major projects (projects), problems handled (tickets), and the
// starting text of 下月工作重点. A section without data returns null and is left out of the brief.
import type { BriefKind, BriefSection, BriefSegment, BriefTable, BriefTemplateKey, RichText } from '../../../shared/contracts/briefs.js';
import type { MonitoringBreakdownResponse } from '../../../shared/contracts/monitoring.js';
import { parsePeriod, rangeMonths } from '../../../shared/stats/period.js';
import type { Db } from '../../db/client.js';
import type { DataScope } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { trackTarget } from '../chains/chains.tracking.js';
import { projectSummaryIn } from '../projects/projects.summary.js';
import { ticketFiguresIn } from '../tickets/tickets.stats.js';
import { reviewItemsOf } from '../warnings/dispositions.service.js';
import { listWarnings } from '../warnings/warnings.service.js';
import { pct, recordFigure, snapshotFigure, yi, type FigureContext } from './briefs.format.js';
import type { Fill } from './briefs.templates.js';

type Part = MonitoringBreakdownResponse['rows'][number];

/** Fills a template by key with the brief's texts in force. */
export type FillTemplate = (key: BriefTemplateKey, values: Record<string, Fill>) => BriefSegment[];

/** What the warnings section reads: the month and the chain or county a brief covers. */
export type SectionRange = { period: string; chainCode: string | null; regionCode: string | null };

/** A section with nothing yet but its key and title. */
export function sectionOf(key: BriefSection['key'], title: string, parts: Partial<BriefSection> = {}): BriefSection {
  return { key, title, paragraphs: [], tables: [], charts: [], narrative: null, ...parts };
}

/** What a section read from a module's records (projects, tickets) reads: the brief's scope and year, as it stands `now`. */
export type RecordSectionInput = { db: Db; scope: DataScope; year: number; ctx: FigureContext; now: string; fill: FillTemplate };

/**
 * A section of one paragraph and one table of figures by name (`columns` 指标 | 数值 unless given):
 * the warnings, investment and problems sections.
 */
function indicatorSection(
  key: BriefSection['key'],
  title: string,
  paragraph: BriefSegment[],
  table: Omit<BriefTable, 'columns'> & { columns?: BriefTable['columns'] },
): BriefSection {
  return sectionOf(key, title, { paragraphs: [paragraph], tables: [{ columns: ['指标', '数值'], ...table }] });
}

/**
 * The maker of a section's figures read from a module's records (`ledger`: 项目库, 企业诉求台账) as they
 * stand `now`, for the brief's `year`: keys `source.key`, the source note naming the ledger and the day.
 */
function recordFigures(ctx: FigureContext, source: 'projects' | 'tickets', ledger: string, year: number, now: string) {
  const note = `${ledger}，截至 ${now.slice(0, 10)}`;
  return (key: string, text: string, unit: string, definition: string) =>
    recordFigure(ctx, source, `${source}.${key}`, text, unit, definition, `${year}年`, note);
}

export async function targetsSection(
  db: Db,
  period: string,
  chains: (Part | string)[],
  ctx: FigureContext,
  fill: FillTemplate,
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

export async function warningsSection(
  db: Db,
  actor: Actor,
  input: SectionRange,
  ctx: FigureContext,
  fill: FillTemplate,
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
  return indicatorSection('warnings', '预警与数据审核情况', paragraph, {
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
  });
}

export async function investmentSection({ db, scope, year, ctx, now, fill }: RecordSectionInput): Promise<BriefSection | null> {
  const s = await projectSummaryIn(db, scope, year);
  if (s.signed.count === 0 && s.majorNew.count === 0) return null;
  const f = recordFigures(ctx, 'projects', '项目库', year, now);
  const paragraph = fill('investmentIntro', {
    year: String(year),
    signed: f('signed', String(s.signed.count), '个', '当年签约的招商项目个数'),
    signedAmount: f('signed_amount', yi(s.signed.amount), '亿元', '当年签约项目的签约额合计'),
    major: f('major', String(s.majorNew.count), '个', '当年首次列入重大项目清单的项目个数'),
    majorInvestment: f('major_investment', yi(s.majorNew.totalInvestment), '亿元', '新列重大项目的计划总投资'),
  });
  return indicatorSection('investment', '投资与重大项目推进情况', paragraph, {
    key: 'projects',
    title: `招商项目与重大项目（${year}年，截至 ${now.slice(0, 10)}）`,
    unitNote: '单位：个，亿元，%',
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
  });
}

export async function problemsSection({ db, scope, year, ctx, now, fill }: RecordSectionInput): Promise<BriefSection | null> {
  const t = await ticketFiguresIn(db, scope, year);
  if (t.received === 0) return null;
  const f = recordFigures(ctx, 'tickets', '企业诉求台账', year, now);
  const paragraph = fill('problemsIntro', {
    year: String(year),
    received: f('received', String(t.received), '件', '当年受理的企业诉求件数'),
    closed: f('closed', String(t.closed), '件', '当年办结的诉求件数'),
    onTime: f('on_time', pct(t.onTimeRate), '%', '办结诉求中在期限内答复的比例'),
  });
  return indicatorSection('problems', '问题办理情况', paragraph, {
    key: 'tickets',
    title: `企业诉求办理（${year}年，截至 ${now.slice(0, 10)}）`,
    unitNote: '单位：件，%，工作日',
    rows: [
      ['受理（件）', String(t.received)],
      ['办结（件）', String(t.closed)],
      ['按期办结率（%）', pct(t.onTimeRate)],
      ['平均办理工作日', t.avgWorkingDays === null ? '—' : t.avgWorkingDays.toFixed(1)],
      ['满意率（%）', pct(t.satisfaction)],
    ],
  });
}

/** A starting text for 下月工作重点 (the author rewrites it): the chains or nodes growing slowest. */
export function focusNarrative(rows: Part[], kind: BriefKind): RichText {
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
