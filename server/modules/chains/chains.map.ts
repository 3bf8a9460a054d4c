// The chain workspace's answers: a chain's map with the gap analysis of a published month
// (`GET /api/chains/{code}/map`), the health ranking of the chains (`GET /api/chains/health`) and
// the gap thresholds (chains.settings.ts). Figures come from published months only
// (monitoring.firms.ts); firm counts from the memberships and 规上 名录 of the month's year.
//
// Who sees what: a chain's map whoever may see the chain (chains.policy.ts: 链长/链办 their chains,
// an enterprise account the chains its firm is in, everybody else every chain; others' chains answer
// 404). The health ranking lists the chains the caller may see, ranked among themselves: a 链长 sees
// its own chain(s) only, never the other chains' scores. Counts and output cover every firm of a
// chain, as the chain page's counts do: they are the chain's published statistics.
import type { ChainHealthResponse, ChainMapResponse, GapThresholds } from '../../../shared/contracts/chain-map.js';
import { translate, type Locale, type MessageKey } from '../../../shared/i18n/index.js';
import { parsePeriod } from '../../../shared/stats/period.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import {
  publishedChainFirmFigures,
  resolvePublishedMonth,
  type FirmFiguresRow,
  type PublishedMonth,
} from '../monitoring/monitoring.firms.js';
import { analyseGaps, comparableGrowth, distinctFirms, type GapNode, type GapNodeInput, type GapReasonOf } from './chains.gaps.js';
import { selectMapEdges, selectMapNodes, selectNodeFirms, type NodeFirmRow } from './chains.gaps.queries.js';
import { readGapThresholds } from './chains.settings.js';
import { chainHealthOf } from './chains.health.js';
import { chainScopeOf } from './chains.policy.js';
import { trackTarget } from './chains.tracking.js';
import { selectChainDetail, selectChainsOfYear } from './chains.queries.js';
import { mayView } from './chains.service.js';
import { nodeStatusOf } from './node-status.js';

/** A gap reason in words, in the caller's language. */
function reasonText(locale: Locale, reason: GapReasonOf): string {
  // Every reason code has a message `chains.gap.reason.<code>` in both dictionaries.
  return translate(locale, `chains.gap.reason.${reason.code}` as MessageKey, reason.params);
}

type ChainAnalysis = {
  nodes: GapNode[];
  edges: { from: string; to: string }[];
  health: ChainMapResponse['health'];
  output: number;
  growth: number | null;
  gapCount: number;
};

/** What the analysis reads of the chains, in four queries whatever their number. */
type ChainsData = {
  nodes: Awaited<ReturnType<typeof selectMapNodes>>;
  edges: Awaited<ReturnType<typeof selectMapEdges>>;
  firms: NodeFirmRow[];
  lastYearFirms: NodeFirmRow[];
};

async function loadChains(db: Db, codes: readonly string[], year: number): Promise<ChainsData> {
  if (codes.length === 0) return { nodes: [], edges: [], firms: [], lastYearFirms: [] };
  return {
    nodes: await selectMapNodes(db, codes),
    edges: await selectMapEdges(db, codes),
    firms: await selectNodeFirms(db, codes, year),
    lastYearFirms: await selectNodeFirms(db, codes, year - 1),
  };
}

/** Each node with its number of firms and of 规上 firms among them. */
function withCounts(nodes: readonly ChainsData['nodes'][number][], firms: readonly NodeFirmRow[]): GapNodeInput[] {
  return nodes.map((n) => {
    const own = firms.filter((f) => f.nodeKey === n.key);
    return {
      key: n.key,
      name: n.name,
      stage: n.stage,
      enterpriseCount: own.length,
      aboveScaleCount: own.filter((f) => f.aboveScale).length,
    };
  });
}

/** The gap analysis and health of one chain, given the loaded chains and the published figures of their firms. */
function analyseChain(
  code: string,
  data: ChainsData,
  thresholds: GapThresholds,
  figures: ReadonlyMap<string, FirmFiguresRow>,
): ChainAnalysis {
  const ofChain = <R extends { chainCode: string }>(rows: readonly R[]) => rows.filter((r) => r.chainCode === code);
  const chainNodes = ofChain(data.nodes);
  const nodeFirms = ofChain(data.firms);
  const nodes = withCounts(chainNodes, nodeFirms);
  const lastYearNodes = withCounts(chainNodes, ofChain(data.lastYearFirms));
  const edges = ofChain(data.edges).map((e) => ({ from: e.from, to: e.to }));
  const firms = nodeFirms.map((f) => {
    const fig = figures.get(f.uscc);
    return { ...f, output: fig?.output ?? 0, base: fig?.hasBase ? fig.base : null };
  });
  const analysed = analyseGaps({ nodes, edges, firms, thresholds });
  const isGap = (n: GapNodeInput) => nodeStatusOf(n, thresholds.minFirms) !== 'ok';
  const chainFirms = distinctFirms(firms);
  const growth = comparableGrowth(chainFirms);
  const health = chainHealthOf({
    nodeCount: nodes.length,
    localNodeCount: nodes.filter((n) => n.enterpriseCount > 0).length,
    firms: chainFirms,
    growth,
    gapsNow: nodes.filter(isGap).length,
    gapsYearAgo: lastYearNodes.filter(isGap).length,
  });
  const output = chainFirms.reduce((sum, f) => sum + f.output, 0);
  return { nodes: analysed, edges, health, output, growth, gapCount: analysed.filter((n) => n.status !== 'strong').length };
}

function figuresBlock(month: PublishedMonth) {
  return {
    unit: 'yuan' as const,
    range: 'ytd' as const,
    status: month.status,
    publishedAt: month.publishedAt,
    snapshotId: month.snapshotId,
    year: parsePeriod(month.period).year,
  };
}

async function figuresByFirm(db: Db, month: PublishedMonth, codes: readonly string[]): Promise<Map<string, FirmFiguresRow>> {
  const rows = codes.length === 0 ? [] : await publishedChainFirmFigures(db, month, codes);
  return new Map(rows.map((r) => [r.uscc, r]));
}

/** `GET /api/chains/{code}/map`: the chain's nodes with status, reason, action and figures, its edges and health. */
export async function getChainMap(
  db: Db,
  actor: Actor,
  locale: Locale,
  code: string,
  query: { period?: string },
): Promise<ChainMapResponse> {
  if (!(await mayView(db, actor, code))) throw new AppError('not_found', { messageKey: 'chains.error.notFound', params: { code } });
  const month = await resolvePublishedMonth(db, query.period);
  const chain = await selectChainDetail(db, code, parsePeriod(month.period).year);
  if (!chain) throw new AppError('not_found', { messageKey: 'chains.error.notFound', params: { code } });
  const thresholds = await readGapThresholds(db);
  const data = await loadChains(db, [code], parsePeriod(month.period).year);
  const analysis = analyseChain(code, data, thresholds, await figuresByFirm(db, month, [code]));
  return {
    code,
    name: chain.name,
    period: month.period,
    nodes: analysis.nodes.map((n) => {
      const reasons = n.reasons.map((r) => ({ ...r, text: reasonText(locale, r) }));
      return {
        key: n.key,
        name: n.name,
        stage: n.stage,
        status: n.status,
        enterpriseCount: n.enterpriseCount,
        aboveScaleCount: n.aboveScaleCount,
        output: n.output,
        reason: reasons.map((r) => r.text).join('；'),
        growth: n.growth,
        outputShare: n.outputShare,
        action: n.action,
        reasons,
        firms: n.firms,
      };
    }),
    edges: analysis.edges,
    health: analysis.health,
    figures: figuresBlock(month),
    thresholds,
    output: analysis.output,
    growth: analysis.growth,
    tracking: await trackTarget(db, code, month.period, analysis.output),
  };
}

/** `GET /api/chains/health`: the chains of the month's year the caller may see, ranked by health score (ties by code). */
export async function getChainHealthRanking(db: Db, actor: Actor, query: { period?: string }): Promise<ChainHealthResponse> {
  const month = await resolvePublishedMonth(db, query.period);
  const chains = await selectChainsOfYear(db, { year: parsePeriod(month.period).year, scope: chainScopeOf(actor) });
  const thresholds = await readGapThresholds(db);
  const codes = chains.map((c) => c.code);
  const figures = await figuresByFirm(db, month, codes);
  const data = await loadChains(db, codes, parsePeriod(month.period).year);
  const scored = [];
  for (const chain of chains) {
    const analysis = analyseChain(chain.code, data, thresholds, figures);
    scored.push({
      code: chain.code,
      name: chain.name,
      score: analysis.health.score,
      components: analysis.health.components,
      nodeCount: analysis.nodes.length,
      gapCount: analysis.gapCount,
      output: analysis.output,
    });
  }
  scored.sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
  return { period: month.period, items: scored.map((item, i) => ({ ...item, rank: i + 1 })), figures: figuresBlock(month) };
}
