// The registry of indicator sources: one entry per source, each a small function that reads data the
// platform already has (through the owning module's service) and answers one figure per assessed
// object, with its period, as-of and publication status. A new source is one more entry in SOURCES.
import type { AssessmentKind, SourceFigures } from '../../../shared/contracts/assessment.js';
import type { Db } from '../../db/client.js';
import type { DataScope } from '../access/access.policy.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { chainOutputTargetsOf } from '../chains/chains.service.js';
import { getBreakdown, getChainStatistics } from '../monitoring/monitoring.service.js';
import { snapshotsBetween } from '../periods/periods.snapshots.js';
import { taskCompletionOf } from '../supervision/supervision.stored.js';
import { projectSummaryIn } from '../projects/projects.summary.js';
import { ticketFiguresIn } from '../tickets/tickets.stats.js';

/** A chain (its code) or a park (its id as text) being scored. */
export type AssessedObject = { code: string; name: string; level: 'national' | 'provincial' | null; regionCode: string | null };

/** What a source reads with: the year, the kind and objects scored, the assessors' manual values by `object|indicator`. */
export type SourceContext = {
  db: Db;
  year: number;
  kind: AssessmentKind;
  objects: readonly AssessedObject[];
  indicatorCode: string;
  manual: ReadonlyMap<string, { value: number | null; evidence: string }>;
  /** When the run reads live data (ISO 8601): the as-of of project and ticket figures. */
  now: string;
};

export type IndicatorSource = {
  /** The kinds of object the source can score. */
  kinds: readonly AssessmentKind[];
  label: { 'zh-CN': string; en: string };
  /** rate = a fraction (0.12 = 12%); count; score = points on the assessor's scale. */
  unit: 'rate' | 'count' | 'score';
  collect: (ctx: SourceContext) => Promise<Map<string, SourceFigures>>;
};

const NONE: Omit<SourceFigures, 'unit'> = { value: null, period: null, asOf: null, status: 'none', detail: {}, evidence: null };

/** The year's last published month (its snapshot frozen), or null before any. */
async function lastPublishedMonth(db: Db, year: number): Promise<string | null> {
  const snapshots = await snapshotsBetween(db, `${year}-01`, `${year}-12`);
  return snapshots.reduce<string | null>((latest, s) => (latest === null || s.period > latest ? s.period : latest), null);
}

type GrowthPart = { code: string; output: number; comparableOutput: number; outputPrevYear: number; yoy: number | null };

/**
 * The year-to-date growth figures of every chain (or park) as published for the year's last
 * published month: read city-wide from the frozen snapshot (the answer stored with it).
 */
async function publishedYtd(
  ctx: SourceContext,
): Promise<{ period: string; asOf: string | null; status: 'published' | 'preliminary'; parts: Map<string, GrowthPart> } | null> {
  const period = await lastPublishedMonth(ctx.db, ctx.year);
  if (period === null) return null;
  const answer =
    ctx.kind === 'chain'
      ? await getChainStatistics(ctx.db, SYSTEM_ACTOR, { period, range: 'ytd' }).then((a) => ({ ...a, parts: a.chains }))
      : await getBreakdown(ctx.db, SYSTEM_ACTOR, { period, range: 'ytd', by: 'park' }).then((a) => ({ ...a, parts: a.rows }));
  return {
    period,
    asOf: answer.asOf,
    status: answer.publication.preliminary ? 'preliminary' : 'published',
    parts: new Map(answer.parts.map((p) => [p.code, p])),
  };
}

/** Applies `figure` to every object, the same unit on each. */
async function perObject(
  ctx: SourceContext,
  unit: IndicatorSource['unit'],
  figure: (object: AssessedObject) => Promise<Omit<SourceFigures, 'unit'>>,
): Promise<Map<string, SourceFigures>> {
  const out = new Map<string, SourceFigures>();
  for (const object of ctx.objects) out.set(object.code, { ...(await figure(object)), unit });
  return out;
}

/** The data scope of one assessed object, as the owning modules filter by it. */
function scopeOf(kind: AssessmentKind, object: AssessedObject): DataScope {
  return { all: false, kind: kind === 'chain' ? 'chain' : 'park', refs: [object.code] };
}

/** A project KPI of the year over the object's projects. */
function projectSource(
  label: IndicatorSource['label'],
  unit: IndicatorSource['unit'],
  pick: (s: Awaited<ReturnType<typeof projectSummaryIn>>) => { value: number | null; detail: SourceFigures['detail'] },
): IndicatorSource {
  return {
    kinds: ['chain', 'park'],
    label,
    unit,
    collect: (ctx) =>
      perObject(ctx, unit, async (object) => {
        const picked = pick(await projectSummaryIn(ctx.db, scopeOf(ctx.kind, object), ctx.year));
        return { ...NONE, ...picked, period: String(ctx.year), asOf: ctx.now, status: 'live' };
      }),
  };
}

export const SOURCES: Record<string, IndicatorSource> = {
  chain_output_growth: {
    kinds: ['chain', 'park'],
    label: {
      'zh-CN': '工业总产值同比增长（可比口径，年初至最近发布月）',
      en: 'Gross output growth (comparable basis, YTD of the last published month)',
    },
    unit: 'rate',
    collect: async (ctx) => {
      const ytd = await publishedYtd(ctx);
      return perObject(ctx, 'rate', async (object) => {
        const part = ytd?.parts.get(object.code);
        if (!ytd || !part) return { ...NONE, period: ytd?.period ?? null, status: ytd ? ytd.status : 'none' };
        return {
          ...NONE,
          value: part.yoy,
          period: `${ctx.year}-01…${ytd.period}`,
          asOf: ytd.asOf,
          status: ytd.status,
          detail: { output: part.output, comparableOutput: part.comparableOutput, outputPrevYear: part.outputPrevYear },
        };
      });
    },
  },
  target_completion: {
    kinds: ['chain'],
    label: {
      'zh-CN': '年度产值目标完成率（年初至最近发布月产值 ÷ 年度目标）',
      en: 'Output target completion (YTD output ÷ yearly target)',
    },
    unit: 'rate',
    collect: async (ctx) => {
      const [ytd, targets] = [await publishedYtd(ctx), await chainOutputTargetsOf(ctx.db, ctx.year)];
      return perObject(ctx, 'rate', async (object) => {
        const target = targets.get(object.code) ?? null;
        const output = ytd?.parts.get(object.code)?.output ?? null;
        const value = target === null || target === 0 || output === null ? null : output / target;
        return {
          ...NONE,
          value,
          period: ytd ? `${ctx.year}-01…${ytd.period}` : null,
          asOf: ytd?.asOf ?? null,
          status: ytd?.status ?? 'none',
          detail: { output, target },
        };
      });
    },
  },
  projects_signed: projectSource({ 'zh-CN': '年度新签约项目数', en: 'Projects signed in the year' }, 'count', (s) => ({
    value: s.signed.count,
    detail: { signedAmount: s.signed.amount },
  })),
  projects_started: projectSource(
    { 'zh-CN': '开工率（当年签约项目年末前开工）', en: 'Start rate (signed in the year, started by its end)' },
    'rate',
    (s) => ({
      value: s.rates.started,
      detail: { signed: s.signed.count },
    }),
  ),
  funds_arrived: projectSource(
    { 'zh-CN': '资金到位率（到位资金 ÷ 签约额）', en: 'Funds arrived rate (funds arrived ÷ contract amount)' },
    'rate',
    (s) => ({
      value: s.rates.fundsArrived,
      detail: { signedAmount: s.signed.amount },
    }),
  ),
  tickets_on_time: {
    kinds: ['chain', 'park'],
    label: { 'zh-CN': '问题按期办结率', en: 'Problems closed on time' },
    unit: 'rate',
    collect: (ctx) =>
      perObject(ctx, 'rate', async (object) => {
        const figures = await ticketFiguresIn(ctx.db, scopeOf(ctx.kind, object), ctx.year);
        return {
          ...NONE,
          value: figures.onTimeRate,
          period: String(ctx.year),
          asOf: ctx.now,
          status: 'live',
          detail: { received: figures.received, closed: figures.closed },
        };
      }),
  },
  // 督办任务 done on time: of the year's tasks assigned to the chain's office (by chain code) or to the
  // park (by id), the share completed by the deadline in force; none assigned → no figure.
  tasks_on_time: {
    kinds: ['chain', 'park'],
    label: { 'zh-CN': '督办任务按期完成率', en: 'Supervision tasks done on time' },
    unit: 'rate',
    collect: (ctx) =>
      perObject(ctx, 'rate', async (object) => {
        const assigneeKind = ctx.kind === 'chain' ? 'chain_office' : 'park';
        const tasks = await taskCompletionOf(ctx.db, { year: ctx.year, assigneeKind, assigneeRef: object.code });
        return {
          ...NONE,
          value: tasks.total === 0 ? null : tasks.onTime / tasks.total,
          period: String(ctx.year),
          asOf: ctx.now,
          status: 'live',
          detail: { total: tasks.total, done: tasks.done, onTime: tasks.onTime },
        };
      }),
  },
  manual: {
    kinds: ['chain', 'park'],
    label: { 'zh-CN': '考核人员评分（附佐证材料）', en: "Assessor's score (with evidence)" },
    unit: 'score',
    collect: (ctx) =>
      perObject(ctx, 'score', async (object) => {
        const entry = ctx.manual.get(`${object.code}|${ctx.indicatorCode}`);
        if (!entry) return { ...NONE };
        return { ...NONE, value: entry.value, period: String(ctx.year), status: 'manual', evidence: entry.evidence };
      }),
  },
};

/** The source of a key, or undefined for a key the registry does not hold. */
export function sourceOf(key: string): IndicatorSource | undefined {
  return Object.hasOwn(SOURCES, key) ? SOURCES[key] : undefined;
}
