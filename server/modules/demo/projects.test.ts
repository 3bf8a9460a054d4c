// The demo's projects as the API's services read them: the city's published 2024 figure (377 new
// major projects, 1359亿元), the pipeline output of the firms that came through projects, and the
// warnings that must find the planted duplicate signings and the 三未 cases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StageDates } from '../../../shared/contracts/projects.js';
import { createDemoTestDatabase } from '../../test/demo-database.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { getProjectSummary } from '../projects/projects.summary.js';
import { listProjectWarnings } from '../projects/projects.warnings.js';
import { listBlockers } from '../projects/projects.support.js';
import { generateDemoData, type DemoDataset } from './generate.js';
import { DEMO_PROJECTS_TODAY } from './projects.js';

type TestDatabase = Awaited<ReturnType<typeof createDemoTestDatabase>>;
let database: TestDatabase;
let data: DemoDataset;

beforeAll(async () => {
  database = await createDemoTestDatabase();
  data = generateDemoData();
}, 300_000);
afterAll(async () => database.drop());

describe('demo projects', () => {
  it('reproduces 2024: 377 newly listed major projects with 1359亿元 of total investment', async () => {
    const summary = await getProjectSummary(database.db, SYSTEM_ACTOR, 2024);
    expect(summary.majorNew).toEqual({ count: 377, totalInvestment: 135_900_000_000 });
    expect(data.projects.projects.length).toBeGreaterThanOrEqual(900);
  });

  it('counts as pipeline output the 2024 output of the firms registered through projects by then', async () => {
    const linked = new Set(
      data.projects.projects
        .filter((p) => p.enterpriseUscc !== null && (p.stageDates.registered ?? '9999') <= '2024-12-31')
        .map((p) => p.enterpriseUscc),
    );
    const output = data.monthlyFigures
      .filter((f) => linked.has(f.uscc) && f.period.startsWith('2024-'))
      .reduce((sum, f) => sum + (f.grossOutput ?? 0), 0);
    const summary = await getProjectSummary(database.db, SYSTEM_ACTOR, 2024);
    expect(linked.size).toBeGreaterThan(10);
    expect(summary.pipelineOutput).toEqual({ enterprises: linked.size, output });
  });

  it('finds every project presented at two signing events, and only those', async () => {
    const { items } = await listProjectWarnings(database.db, SYSTEM_ACTOR, { kind: 'multi_event', asOf: DEMO_PROJECTS_TODAY });
    const eventsOf = new Map<number, number>();
    for (const e of data.projects.signingEvents)
      if (e.heldOn <= DEMO_PROJECTS_TODAY) eventsOf.set(e.projectId, (eventsOf.get(e.projectId) ?? 0) + 1);
    const expected = [...eventsOf].filter(([, n]) => n >= 2).map(([id]) => id);
    expect(data.projects.multiEvents.length).toBe(4);
    expect(items.map((w) => w.projectId).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
    for (const id of data.projects.multiEvents) expect(items.find((w) => w.projectId === id)?.days).toBe(2);
  });

  it('finds every planted duplicate signing, and only signings of one investor, chain and park within 12 months', async () => {
    const { items } = await listProjectWarnings(database.db, SYSTEM_ACTOR, { kind: 'duplicate_signing', asOf: DEMO_PROJECTS_TODAY });
    const found = items.map((w) => [w.otherProjectId, w.projectId]);
    for (const pair of data.projects.duplicates) expect(found).toContainEqual(pair);
    const byId = new Map(data.projects.projects.map((p) => [p.id, p]));
    const usccOf = new Map(data.projects.investors.map((v) => [v.id, v.uscc]));
    for (const w of items) {
      const [a, b] = [byId.get(w.otherProjectId ?? 0), byId.get(w.projectId)];
      expect(a && b && a.chainCode === b.chainCode && a.parkName === b.parkName).toBe(true);
      expect(usccOf.get(a?.investorId ?? 0)).toBe(usccOf.get(b?.investorId ?? 0));
      expect(w.days).toBeLessThanOrEqual(365);
    }
  });

  it('finds the 三未: signed, registered and started projects past their planned next date', async () => {
    const { items } = await listProjectWarnings(database.db, SYSTEM_ACTOR, { asOf: DEMO_PROJECTS_TODAY });
    const late = (stages: string[], planned: keyof StageDates) =>
      data.projects.projects
        .filter((p) => stages.includes(p.stage) && (p.plannedDates[planned] ?? '9999') < DEMO_PROJECTS_TODAY)
        .map((p) => p.id)
        .sort((x, y) => x - y);
    const ids = (kind: string) =>
      items
        .filter((w) => w.kind === kind)
        .map((w) => w.projectId)
        .sort((x, y) => x - y);
    expect(ids('unregistered')).toEqual(late(['signed'], 'registered'));
    expect(ids('unstarted')).toEqual(late(['registered', 'land'], 'started'));
    expect(ids('uncompleted')).toEqual(late(['started'], 'completed'));
    for (const kind of ['unregistered', 'unstarted', 'uncompleted']) expect(ids(kind).length, kind).toBeGreaterThan(5);
  });

  it('lists the overdue blockers: open past their due date on the demo day', async () => {
    const expected = data.projects.blockers
      .filter((b) => b.resolvedOn === null && b.dueOn < DEMO_PROJECTS_TODAY)
      .map((b) => b.id)
      .sort((x, y) => x - y);
    const { items } = await listBlockers(database.db, SYSTEM_ACTOR, { overdue: 'true', asOf: DEMO_PROJECTS_TODAY });
    expect(items.map((b) => b.id).sort((x, y) => x - y)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(5);
    expect(items.every((b) => b.overdue && b.ownerDepartment.length > 0)).toBe(true);
  });
});
