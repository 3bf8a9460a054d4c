// Seeding an empty database: the reference master data alone (a real deployment, SEED_DEMO=false)
// or the whole demo dataset. Each runs in one transaction and leaves one audit entry.
import { seedDemoChainLists } from '../chains/chains.demo.js';
import type { Db } from '../../db/client.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { countChains, countEnterprises, insertChainTargets, insertDemoEnterprises, insertReferenceRows } from './demo.queries.js';
import { DEMO_SEED } from './demo-setup.js';
import { moveToReview, publishHistoryMonths } from '../periods/periods.service.js';
import { seedDemoTickets } from '../tickets/tickets.demo.js';
import { seedDemoTasks } from '../supervision/supervision.demo.js';
import { seedDemoAgenda } from '../agenda/agenda.demo.js';
import { seedDemoAssessment } from '../assessment/assessment.demo.js';
import { generateDemoData, generateReferenceData, LATE_PERIOD } from './generate.js';
import { insertDemoProjects } from './projects.queries.js';

export type SeedReport = {
  seeded: boolean;
  /** What happened, in Chinese and English, for the CLI and the start-up log. */
  message: string;
  counts: Record<string, number>;
  elapsedMs: number;
};

/** Whether the chain master data is there already (then nothing is ever seeded again). */
export async function hasChainMasterData(db: Db): Promise<boolean> {
  return (await countChains(db)) > 0;
}

/**
 * Writes the reference master data (regions, parks and their focus chains, the ten industries, the
 * 15 chains with their nodes and edges), without any demo firm, figure, target or account. Does
 * nothing when chains already exist, so a restart never duplicates or overwrites edited data.
 */
export async function seedReferenceData(db: Db): Promise<SeedReport> {
  const started = performance.now();
  if ((await countChains(db)) > 0) {
    return {
      seeded: false,
      message: '已有产业链主数据，未重复写入 (chain master data already exists; nothing written)',
      counts: {},
      elapsedMs: 0,
    };
  }
  const data = generateReferenceData({ withMasters: false });
  const counts = {
    regions: data.regions.length,
    parks: data.parks.length,
    industries: data.industries.length,
    chains: data.chains.length,
    chainNodes: data.chainNodes.length,
    chainEdges: data.chainEdges.length,
  };
  await db.transaction(async (tx) => {
    await insertReferenceRows(tx, data, { fillMasters: false });
    await recordAudit(tx, SYSTEM_ACTOR, { action: 'seed', entity: 'reference_data', after: counts });
  });
  return {
    seeded: true,
    message: `已写入主数据：${counts.chains} 条产业链、${counts.chainNodes} 个环节 (reference master data written)`,
    counts,
    elapsedMs: Math.round(performance.now() - started),
  };
}

/**
 * Writes the deterministic demo dataset (see generate.ts): reference data (kept where it already
 * exists), chain targets, ~1,500 demo enterprises with their 规上 years, memberships and monthly
 * figures 2022-01 … 2026-10. Refuses, writing nothing, when any enterprise exists: demo firms must
 * never mix with real ones. Creates no user accounts.
 */
export async function seedDemo(db: Db, options: { seed?: number } = {}): Promise<SeedReport> {
  const started = performance.now();
  const existing = await countEnterprises(db);
  if (existing > 0) {
    return {
      seeded: false,
      message: `数据库中已有 ${existing} 家企业，未写入示例数据 (the database already holds ${existing} enterprises; demo data not written)`,
      counts: {},
      elapsedMs: 0,
    };
  }
  const data = generateDemoData(options.seed ?? DEMO_SEED);
  const counts = {
    chains: data.chains.length,
    chainNodes: data.chainNodes.length,
    enterprises: data.enterprises.length,
    scaleYears: data.scaleYears.length,
    memberships: data.memberships.length,
    monthlyFigures: data.monthlyFigures.length,
    projects: data.projects.projects.length,
  };
  await db.transaction(async (tx) => {
    const ids = await insertReferenceRows(tx, data, { fillMasters: true });
    await insertChainTargets(tx, data.chainTargets);
    await insertDemoEnterprises(tx, data, ids);
    await insertDemoProjects(tx, data.projects, ids);
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: 'seed',
      entity: 'demo_data',
      after: { seed: options.seed ?? DEMO_SEED, ...counts, anomalies: data.anomalies },
    });
  });
  await publishDemoMonths(db);
  const tickets = await seedDemoTickets(db, SYSTEM_ACTOR, options.seed ?? DEMO_SEED, DEMO_TODAY);
  const tasks = await seedDemoTasks(db, SYSTEM_ACTOR);
  const agenda = await seedDemoAgenda(db, SYSTEM_ACTOR);
  const assessmentRuns = await seedDemoAssessment(db, options.seed ?? DEMO_SEED);
  const chainLists = await seedDemoChainLists(db, SYSTEM_ACTOR);
  return {
    seeded: true,
    message: `已写入示例数据：${counts.enterprises} 家企业、${counts.monthlyFigures} 条月度数据 (demo data written)`,
    counts: { ...counts, tickets, tasks, agenda, assessmentRuns, chainLists },
    elapsedMs: Math.round(performance.now() - started),
  };
}

/** The demo's today (Asia/Shanghai) for its problem tickets: the Friday before DEMO_NOW. */
const DEMO_TODAY = '2026-11-13';

/** The demo's clock for its publication state: mid-November 2026, the demo's last month (October) being in review. */
const DEMO_NOW = () => new Date('2026-11-15T02:00:00Z');

/**
 * The demo's publication state: every month up to 2026-09 published as history (January with its
 * February), 2026-10 in review with its suspects found (the planted unit slip among them) and three
 * firms not reported yet, so the review screen has real work and every first screen shows
 * published figures.
 */
async function publishDemoMonths(db: Db): Promise<void> {
  const periods: string[] = [];
  for (let year = 2022; `${year}-02` < LATE_PERIOD; year++) {
    for (let month = 2; month <= 12; month++) {
      const period = `${year}-${String(month).padStart(2, '0')}`;
      if (period < LATE_PERIOD) periods.push(period);
    }
  }
  await publishHistoryMonths(db, SYSTEM_ACTOR, periods, { now: DEMO_NOW });
  await moveToReview(db, SYSTEM_ACTOR, LATE_PERIOD, false, { now: DEMO_NOW });
}
