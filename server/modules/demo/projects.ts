// The demo's investment projects (招商引资/重大项目), fictional and marked 示例, deterministic from the
// seed. Three groups:
// - the 2024 major list: exactly 377 projects signed in 2024, first listed that year, with exactly
//   1359亿元 of planned investment (the city's published figure for 2024);
// - the projects behind the demo's new plants: every firm that starts producing inside the demo
//   came through a project that reached 投产 in its first month, linked to it (so the pipeline's
//   output is the firm's output in monitoring); no other project reaches 投产;
// - other leads and projects 2023–2026 across channels and chains, some stuck past their planned
//   dates (三未) and a few signed twice (same investor, chain and park within 12 months).
import {
  PROJECT_CHANNELS,
  PROJECT_STAGES,
  type ProjectChannel,
  type ProjectStage,
  type StageDates,
} from '../../../shared/contracts/projects.js';
import { makeUscc } from '../../../shared/uscc.js';
import type { DemoFirm } from './demo-types.js';
import type { ReferenceDataset } from './generate.js';
import { createRandom, type Random } from './prng.js';
import { referenceChain } from '../../db/seed/reference-data.js';

/** The demo's last day with events (its clock is mid-November 2026). */
export const DEMO_PROJECTS_TODAY = '2026-11-14';
export const MAJOR_2024_COUNT = 377;
/** 1359亿元 in 元. */
export const MAJOR_2024_INVESTMENT = 135_900_000_000;
/** The major-project size threshold of the demo (planned investment, 元): 1亿元. */
export const MAJOR_THRESHOLD = 100_000_000;
const TOTAL_PROJECTS = 900;
const DUPLICATE_PAIRS = 6;

export type DemoInvestor = {
  id: number;
  kind: 'company' | 'person';
  name: string;
  uscc: string | null;
  origin: string;
  nativePlace: string | null;
  contactName: string;
  contactPhone: string;
};

export type DemoProject = {
  id: number;
  name: string;
  confidential: boolean;
  codeName: string | null;
  investorId: number | null;
  channel: ProjectChannel;
  chainCode: string;
  nodeKey: string;
  parkName: string | null;
  regionCode: string;
  unit: string;
  person: string;
  signedAmount: number | null;
  plannedInvestment: number;
  category: 'industry' | 'culture_tourism' | 'infrastructure';
  stage: ProjectStage | 'terminated';
  plannedDates: StageDates;
  stageDates: StageDates;
  signedOn: string | null;
  terminatedReason: string | null;
  enterpriseUscc: string | null;
};

/** A signing event (签约活动) a demo project was signed or presented at. */
export type DemoSigningEvent = { projectId: number; eventName: string; heldOn: string };

export type DemoMajorYear = { projectId: number; year: number; annualPlan: number };
export type DemoInvestmentMonth = { projectId: number; period: string; completed: number; fundsArrived: number };

export type DemoBlocker = {
  id: number;
  projectId: number;
  kind: 'land' | 'power' | 'water' | 'funds' | 'labour' | 'approval';
  description: string;
  ownerDepartment: string;
  dueOn: string;
  resolvedOn: string | null;
};

export type DemoProjects = {
  investors: DemoInvestor[];
  projects: DemoProject[];
  majorYears: DemoMajorYear[];
  investment: DemoInvestmentMonth[];
  /** Pairs of project ids signed twice (for the duplicate-signing warning). */
  duplicates: [number, number][];
  /** 要素保障 blockers of projects under way, owned by the chains' supporting departments; some overdue. */
  blockers: DemoBlocker[];
  /** The signing events of every fifth signed project; a few presented again at a second event. */
  signingEvents: DemoSigningEvent[];
  /** The projects presented at two events (for the 多次签约活动 warning). */
  multiEvents: number[];
};

const ORIGINS: readonly (readonly [string, string])[] = [
  ['广东深圳', '440300'],
  ['上海浦东', '310115'],
  ['浙江杭州', '330100'],
  ['江苏苏州', '320500'],
  ['北京海淀', '110108'],
  ['湖南长沙', '430100'],
  ['广东东莞', '441900'],
  ['福建厦门', '350200'],
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '周', '吴', '谭', '彭', '罗', '曾'];
const GIVEN = ['建华', '志强', '海波', '丽娟', '国庆', '晓东', '春梅', '德明', '立新', '雪峰'];
const BRANDS = ['恒远', '中盛', '华拓', '锦程', '瑞丰', '博衡', '聚能', '启航', '鼎新', '融泰', '星耀', '湘荣'];
const CODE_NAMES = ['北极星', '天狼星', '织女', '启明', '长庚', '参宿', '北斗', '南斗'];
const REASONS = ['客商投资计划调整', '选址未达成一致', '企业资金链紧张', '项目转移至外地'];

/** Day arithmetic on YYYY-MM-DD in UTC. */
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function dayIn(random: Random, from: string, to: string): string {
  const span = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  return addDays(from, random.int(0, Math.max(0, span)));
}

/** Typical days from one stage to the next (the stage reached is the key). */
const STEP_DAYS: Record<Exclude<ProjectStage, 'lead'>, readonly [number, number]> = {
  negotiating: [15, 90],
  signed: [30, 150],
  registered: [15, 90],
  land: [30, 150],
  started: [20, 150],
  completed: [240, 540],
  producing: [20, 90],
  at_capacity: [120, 360],
  above_scale: [60, 240],
};

/** Walks a project forward from `stage` at `date`, no later than `lastStage` and the demo's today. */
function walk(random: Random, dates: StageDates, lastStage: ProjectStage): ProjectStage {
  let current: ProjectStage = 'lead';
  for (const stage of PROJECT_STAGES.slice(1, PROJECT_STAGES.indexOf(lastStage) + 1)) {
    const previous = dates[current];
    if (previous === undefined) break;
    const fixed = dates[stage];
    const [min, max] = STEP_DAYS[stage as Exclude<ProjectStage, 'lead'>]; // the slice starts after 'lead'
    // A drawn date never passes a later stage's fixed date (the timeline stays in order).
    const nextFixed = PROJECT_STAGES.slice(PROJECT_STAGES.indexOf(stage) + 1)
      .map((s) => dates[s])
      .find((d) => d !== undefined);
    const drawn = addDays(previous, random.int(min, max));
    const date = fixed ?? (nextFixed !== undefined && drawn > nextFixed ? nextFixed : drawn);
    if (date > DEMO_PROJECTS_TODAY) break;
    dates[stage] = date;
    current = stage;
  }
  return current;
}

/** The planned dates of the stages after `stage`, from the last reached date (三未 are projects past these). */
function plannedAfter(random: Random, dates: StageDates, stage: ProjectStage): StageDates {
  const planned: StageDates = {};
  let date = dates[stage] ?? DEMO_PROJECTS_TODAY;
  for (const next of PROJECT_STAGES.slice(PROJECT_STAGES.indexOf(stage) + 1)) {
    const [min, max] = STEP_DAYS[next as Exclude<ProjectStage, 'lead'>]; // stages after one reached are never 'lead'
    date = addDays(date, Math.round((min + max) / 2) - random.int(0, Math.round(min / 2)));
    planned[next] = date;
  }
  return planned;
}

/** Splits `total` 元 into `count` amounts of at least `minimum`, in whole 万元, heavy-tailed, summing exactly. */
function splitAmounts(random: Random, count: number, total: number, minimum: number): number[] {
  const weights = Array.from({ length: count }, () => random.heavyTail());
  const sum = weights.reduce((s, w) => s + w, 0);
  const spareWan = (total - count * minimum) / 10_000;
  const wan = weights.map((w) => Math.floor((w / sum) * spareWan));
  let rest = spareWan - wan.reduce((s, v) => s + v, 0);
  for (let i = 0; rest > 0; i = (i + 1) % count, rest -= 1) wan[i] = (wan[i] ?? 0) + 1;
  return wan.map((v) => minimum + v * 10_000);
}

type Place = { parkName: string | null; regionCode: string };

function placeFor(random: Random, reference: ReferenceDataset, chainCode: string): Place {
  const parks = reference.parkFocusChains.filter((f) => f.chainCode === chainCode).map((f) => f.parkName);
  if (parks.length > 0 && random.chance(0.8)) {
    const parkName = random.pick(parks);
    const park = reference.parks.find((p) => p.name === parkName);
    if (park) return { parkName, regionCode: park.regionCode };
  }
  return { parkName: null, regionCode: random.pick(reference.regions.filter((r) => r.kind !== 'zone')).code };
}

const BLOCKER_TEXT: Record<DemoBlocker['kind'], string> = {
  land: '用地报批指标未落实（示例）',
  power: '专线供电接入滞后（示例）',
  water: '工业用水管网未接通（示例）',
  funds: '配套资金未到位（示例）',
  labour: '技术工人招聘缺口（示例）',
  approval: '环评审批进度滞后（示例）',
};

/** One blocker for every fourth project between 注册 and 开工 (and a few under construction); half resolved in time. */
function buildBlockers(random: Random, projects: readonly DemoProject[], reference: ReferenceDataset): DemoBlocker[] {
  const blockers: DemoBlocker[] = [];
  const under = projects.filter((p) => ['registered', 'land', 'started'].includes(p.stage));
  under.forEach((project, k) => {
    if (k % 4 !== 0) return;
    const departments = reference.chains.find((c) => c.code === project.chainCode)?.supportingDepartments ?? [];
    const reached = project.stageDates[project.stage === 'terminated' ? 'lead' : project.stage] ?? DEMO_PROJECTS_TODAY;
    const dueOn = addDays(reached, random.int(30, 240));
    const kind = random.pick(['land', 'power', 'water', 'funds', 'labour', 'approval'] as const);
    const resolvedOn = random.chance(0.5) ? addDays(reached, random.int(10, 200)) : null;
    blockers.push({
      id: blockers.length + 1,
      projectId: project.id,
      kind,
      description: BLOCKER_TEXT[kind],
      ownerDepartment: departments[0] ?? '市发展和改革委员会',
      dueOn,
      resolvedOn: resolvedOn !== null && resolvedOn <= DEMO_PROJECTS_TODAY ? resolvedOn : null,
    });
  });
  return blockers;
}

export function buildDemoProjects(seed: number, firms: readonly DemoFirm[], reference: ReferenceDataset): DemoProjects {
  const random = createRandom(seed, 'projects');
  const chainCodes = reference.chains.map((c) => c.code);

  const investors: DemoInvestor[] = [];
  for (let i = 0; i < 360; i += 1) {
    const [origin, region] = random.pick(ORIGINS);
    const person = i % 6 === 5;
    const contact = `${random.pick(SURNAMES)}${random.pick(GIVEN)}`;
    investors.push({
      id: i + 1,
      kind: person ? 'person' : 'company',
      name: person ? `${contact}（示例乡贤）` : `${origin.slice(2)}${random.pick(BRANDS)}${i + 1}号实业有限公司（示例）`,
      uscc: person ? null : makeUscc(`91${region}MA${String(700000 + i).padStart(6, '0')}`),
      origin,
      nativePlace: person || random.chance(0.2) ? random.pick(['湖南衡阳', '湖南衡南', '湖南耒阳', '湖南常宁']) : null,
      contactName: contact,
      contactPhone: `139${String(random.int(0, 99_999_999)).padStart(8, '0')}`,
    });
  }
  const companies = investors.filter((v) => v.kind === 'company');

  const projects: DemoProject[] = [];
  const add = (input: {
    chainCode: string;
    nodeKey?: string;
    place?: Place;
    leadDate: string;
    fixed?: StageDates;
    lastStage: ProjectStage;
    plannedInvestment: number;
    channel?: ProjectChannel;
    enterpriseUscc?: string;
    investorId?: number;
    name?: string;
  }): DemoProject => {
    const chain = referenceChain(input.chainCode);
    const node = input.nodeKey ? chain.nodes.find((n) => n.key === input.nodeKey) : random.pick(chain.nodes);
    if (!node) throw new Error(`no node ${input.nodeKey ?? ''} in ${input.chainCode}`);
    const place = input.place ?? placeFor(random, reference, input.chainCode);
    const dates: StageDates = { lead: input.leadDate, ...input.fixed };
    const reached = walk(random, dates, input.lastStage);
    const terminated = input.enterpriseUscc === undefined && random.chance(0.05);
    const investor = input.investorId ?? random.pick(investors).id;
    const id = projects.length + 1;
    const confidential = reached === 'lead' && random.chance(0.15);
    const signed = dates.signed !== undefined;
    const project: DemoProject = {
      id,
      name: input.name ?? `${random.pick(BRANDS)}${node.name}项目（示例${id}）`,
      confidential,
      codeName: confidential ? `代号${random.pick(CODE_NAMES)}${id}` : null,
      investorId: investor,
      channel: input.channel ?? random.weighted(PROJECT_CHANNELS.map((c, k) => [c, [5, 3, 3, 2, 2, 1, 1][k] ?? 1] as const)),
      chainCode: input.chainCode,
      nodeKey: node.key,
      parkName: place.parkName,
      regionCode: place.regionCode,
      unit: place.parkName ?? '县市区招商局',
      person: `${random.pick(SURNAMES)}${random.pick(GIVEN)}`,
      signedAmount: signed ? Math.round((input.plannedInvestment * random.range(0.7, 1)) / 10_000) * 10_000 : null,
      plannedInvestment: input.plannedInvestment,
      category: random.weighted([
        ['industry', 85],
        ['culture_tourism', 10],
        ['infrastructure', 5],
      ] as const),
      stage: terminated ? 'terminated' : reached,
      plannedDates: plannedAfter(random, dates, reached),
      stageDates: dates,
      signedOn: dates.signed ?? null,
      terminatedReason: terminated ? random.pick(REASONS) : null,
      enterpriseUscc: input.enterpriseUscc ?? null,
    };
    projects.push(project);
    return project;
  };

  // 1. The firms that start producing in the demo came through projects (投产 in their first month).
  for (const firm of firms) {
    if (firm.lifecycle.kind !== 'newPlant') continue;
    const membership = firm.memberships[0];
    if (!membership) continue;
    const producing = `${firm.lifecycle.start}-01`;
    const started = addDays(producing, -random.int(300, 500));
    const signedOn = addDays(started, -random.int(90, 200));
    add({
      chainCode: membership.chainCode,
      nodeKey: membership.nodeKey,
      place: { parkName: firm.parkName, regionCode: firm.regionCode },
      leadDate: addDays(signedOn, -random.int(60, 200)),
      fixed: {
        signed: signedOn,
        registered: addDays(signedOn, 30),
        land: addDays(signedOn, 60),
        started,
        completed: addDays(producing, -30),
        producing,
      },
      lastStage: 'producing',
      plannedInvestment: Math.round(random.range(1.2e8, 8e8) / 10_000) * 10_000,
      enterpriseUscc: firm.uscc,
      name: `${firm.name.replace(/（示例）|\(示例\)/g, '')}新建项目（示例）`,
    });
  }

  // 2. The 2024 major list: signed in 2024, 377 projects, 1359亿元.
  const amounts = splitAmounts(random, MAJOR_2024_COUNT, MAJOR_2024_INVESTMENT, MAJOR_THRESHOLD);
  const major2024: DemoProject[] = amounts.map((amount) => {
    const signedOn = dayIn(random, '2024-01-05', '2024-12-20');
    return add({
      chainCode: random.pick(chainCodes),
      leadDate: addDays(signedOn, -random.int(60, 300)),
      fixed: { negotiating: addDays(signedOn, -random.int(10, 50)), signed: signedOn },
      lastStage: random.weighted([
        ['signed', 2],
        ['registered', 2],
        ['land', 2],
        ['started', 5],
        ['completed', 3],
      ] as const),
      plannedInvestment: amount,
    });
  });

  // 3. Other leads and projects 2023–2026 up to the total.
  while (projects.length < TOTAL_PROJECTS) {
    const leadDate = dayIn(random, '2023-01-03', '2026-10-30');
    add({
      chainCode: random.pick(chainCodes),
      leadDate,
      lastStage: random.weighted([
        ['lead', 2],
        ['negotiating', 3],
        ['signed', 3],
        ['registered', 2],
        ['started', 2],
        ['completed', 1],
      ] as const),
      plannedInvestment: Math.round((random.heavyTail() * 2e7) / 10_000) * 10_000,
    });
  }

  // 4. Signed twice: a company's signed project signed again for the same chain and park within 12 months.
  const duplicates: [number, number][] = [];
  const signedOnes = projects.filter(
    (p) => p.signedOn !== null && p.signedOn < '2026-01-01' && p.parkName !== null && p.enterpriseUscc === null,
  );
  for (let k = 0; k < DUPLICATE_PAIRS; k += 1) {
    const first = signedOnes[(k * 37) % signedOnes.length];
    const investor = companies[k];
    if (!first || !investor || first.signedOn === null) continue;
    first.investorId = investor.id;
    const again = add({
      chainCode: first.chainCode,
      nodeKey: first.nodeKey,
      place: { parkName: first.parkName, regionCode: first.regionCode },
      leadDate: addDays(first.signedOn, 20),
      fixed: { signed: addDays(first.signedOn, random.int(60, 300)) },
      lastStage: 'signed',
      plannedInvestment: first.plannedInvestment,
      investorId: investor.id,
      name: `${first.name.replace(/（示例\d+）$/, '')}（推介会签约，示例）`,
    });
    again.stage = 'signed';
    again.terminatedReason = null;
    duplicates.push([first.id, again.id]);
  }

  // The major lists: 2024's (new), and the signed projects of ≥ 1亿元 of other years, kept on the list while under way.
  const majorYears: DemoMajorYear[] = [];
  const investment: DemoInvestmentMonth[] = [];
  const listed = new Set(major2024.map((p) => p.id));
  for (const project of projects) {
    if (project.signedOn === null || project.plannedInvestment < MAJOR_THRESHOLD) continue;
    const firstYear = Number(project.signedOn.slice(0, 4));
    if (!listed.has(project.id) && firstYear === 2024) continue;
    const done = project.stageDates.completed ?? project.stageDates.producing;
    for (let year = firstYear; year <= 2026; year += 1) {
      if (done !== undefined && Number(done.slice(0, 4)) < year) break;
      if (project.stage === 'terminated' && year > firstYear) break;
      const annualPlan = Math.round((project.plannedInvestment * random.range(0.2, 0.45)) / 10_000) * 10_000;
      majorYears.push({ projectId: project.id, year, annualPlan });
      const startMonth = year === firstYear ? Number(project.signedOn.slice(5, 7)) : 1;
      const lastMonth = year === 2026 ? 10 : 12;
      const months = lastMonth - startMonth + 1;
      for (let month = startMonth; month <= lastMonth; month += 1) {
        const completed = Math.round((annualPlan / Math.max(months, 1)) * random.range(0.5, 1.25));
        investment.push({
          projectId: project.id,
          period: `${year}-${String(month).padStart(2, '0')}`,
          completed,
          fundsArrived: Math.round(completed * random.range(0.6, 1)),
        });
      }
    }
  }
  const blockers = buildBlockers(random, projects, reference);
  const { signingEvents, multiEvents } = buildSigningEvents(projects);
  return { investors, projects, majorYears, investment, duplicates, blockers, signingEvents, multiEvents };
}

/** Projects presented at a second signing event, to be found by the 多次签约活动 warning. */
const MULTI_EVENT_CASES = 4;

/**
 * Every fifth signed project (by id, no random draw, so the calibrated figures stay as they are) was
 * signed at that year's 重大项目集中签约活动 on its signing day; the first few of them signed before
 * 2026 were presented again 45 days later at the 投洽会.
 */
function buildSigningEvents(projects: readonly DemoProject[]): { signingEvents: DemoSigningEvent[]; multiEvents: number[] } {
  const signingEvents: DemoSigningEvent[] = [];
  const multiEvents: number[] = [];
  for (const project of projects) {
    if (project.signedOn === null || project.id % 5 !== 0) continue;
    const year = project.signedOn.slice(0, 4);
    signingEvents.push({ projectId: project.id, eventName: `${year}年衡阳市重大项目集中签约活动（示例）`, heldOn: project.signedOn });
    if (multiEvents.length < MULTI_EVENT_CASES && project.signedOn < '2026-01-01' && project.stage !== 'terminated') {
      signingEvents.push({
        projectId: project.id,
        eventName: `${year}年湘南湘西承接产业转移投洽会（示例）`,
        heldOn: addDays(project.signedOn, 45),
      });
      multiEvents.push(project.id);
    }
  }
  return { signingEvents, multiEvents };
}
