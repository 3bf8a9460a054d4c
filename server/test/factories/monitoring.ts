// A small hand-built world for the monitoring tests: two counties, one park, two industries, four
// chains and nine firms whose Jan–Feb 2024 figures exercise every rule of the comparable basis.
// The expected figures are worked out by hand in monitoring.test.ts.
import { makeUscc } from '../../../shared/uscc.js';
import type { ReferenceFirm, ReferenceMonth } from '../../../shared/stats/growth.js';
import { rangeMonths, samePeriodLastYear, type MonitoringRange } from '../../../shared/stats/period.js';
import type { Db } from '../../db/client.js';
import { useTestApp, type TestUserSpec, type UsedTestApp } from '../app.js';
import { publishHistory } from './common.js';
import { chainNodes, chains, industries, monthlyFigures, parks, regions } from '../../db/schema.js';
import { insertFirms } from './chains.js';

export const COUNTY_A = '430421';
export const COUNTY_B = '430482';

type Figure = { v: number | null; prev?: number; at?: string };
export type FixtureFirm = {
  key: string;
  regionCode: string;
  inPark: boolean;
  /** 'CHAIN:node' keys; the first is the primary membership. */
  nodes: string[];
  scaleYears: number[];
  figures: Record<string, number | Figure>;
};

/** The default time a figure was filed; a few rows carry their own to test as-of. */
export const FILED_AT = '2024-03-05T02:00:00.000Z';

/**
 * A  county A, CH01 (+ CH04, a chain retired after 2023), in 名录 2023–24; a 2024-03 row outside the Jan–Feb range.
 * B  county B, in the park, CH01 + CH02 (two chains), 2023–24.
 * C  county B, in the park, CH02, entrant in 2024 that reported below scale in 2023.
 * D  county A, CH01, entrant in 2024 without any 2023 figure (new plant): excluded from growth.
 * E  county A, CH01, leaver (名录 2023 only), still reporting below scale in 2024 (up to April).
 * F  county B, CH02, 2023–24, reported January 2024 but not February (filed last: as-of).
 * G  county A, CH01, entrant in 2024 reporting 上年同期 with each month (0 in January: a new plant).
 * H  county A, CH03 (a chain on the list from 2024), 2023–24.
 * I  county B, 名录 2024 but in no chain: never counted.
 */
export const FIXTURE_FIRMS: readonly FixtureFirm[] = [
  {
    key: 'A',
    regionCode: COUNTY_A,
    inPark: false,
    nodes: ['CH01:a1', 'CH04:d1'],
    scaleYears: [2023, 2024],
    figures: { '2023-01': 80, '2023-02': 100, '2024-01': 100, '2024-02': 120, '2024-03': { v: 999, at: '2024-04-10T02:00:00.000Z' } },
  },
  {
    key: 'B',
    regionCode: COUNTY_B,
    inPark: true,
    nodes: ['CH01:a2', 'CH02:b1'],
    scaleYears: [2023, 2024],
    figures: { '2023-01': 150, '2023-02': 170, '2024-01': 200, '2024-02': 200 },
  },
  {
    key: 'C',
    regionCode: COUNTY_B,
    inPark: true,
    nodes: ['CH02:b1'],
    scaleYears: [2024],
    figures: { '2023-01': 40, '2023-02': 40, '2024-01': 50, '2024-02': 60 },
  },
  { key: 'D', regionCode: COUNTY_A, inPark: false, nodes: ['CH01:a1'], scaleYears: [2024], figures: { '2024-01': 30, '2024-02': 40 } },
  {
    key: 'E',
    regionCode: COUNTY_A,
    inPark: false,
    nodes: ['CH01:a1'],
    scaleYears: [2023],
    figures: { '2023-01': 70, '2023-02': 70, '2024-01': 20, '2024-02': { v: 20, at: '2024-03-20T00:00:00.000Z' }, '2024-04': 500 },
  },
  {
    key: 'F',
    regionCode: COUNTY_B,
    inPark: false,
    nodes: ['CH02:b1'],
    scaleYears: [2023, 2024],
    figures: { '2023-01': 60, '2023-02': 60, '2024-01': { v: 50, at: '2024-03-10T02:00:00.000Z' } },
  },
  {
    key: 'G',
    regionCode: COUNTY_A,
    inPark: false,
    nodes: ['CH01:a2'],
    scaleYears: [2024],
    figures: { '2023-02': 6, '2024-01': { v: 10, prev: 0 }, '2024-02': { v: 20, prev: 5 } },
  },
  {
    key: 'H',
    regionCode: COUNTY_A,
    inPark: false,
    nodes: ['CH03:c1'],
    scaleYears: [2023, 2024],
    figures: { '2023-01': 10, '2023-02': 10, '2024-01': 10, '2024-02': 11 },
  },
  {
    key: 'I',
    regionCode: COUNTY_B,
    inPark: false,
    nodes: [],
    scaleYears: [2024],
    figures: { '2024-01': 1000, '2024-02': { v: 1000, at: '2024-03-25T00:00:00.000Z' } },
  },
];

/** The chains of the fixture: CH03 is on the list from 2024, CH04 until 2023. */
const CHAINS = [
  { code: 'CH01', industryCode: 'T1', name: '测试甲产业链', validFromYear: 2020, validToYear: null, sortOrder: 1, nodes: ['a1', 'a2'] },
  { code: 'CH02', industryCode: 'T1', name: '测试乙产业链', validFromYear: 2020, validToYear: null, sortOrder: 2, nodes: ['b1'] },
  { code: 'CH03', industryCode: 'T2', name: '测试丙产业链', validFromYear: 2024, validToYear: null, sortOrder: 3, nodes: ['c1'] },
  { code: 'CH04', industryCode: 'T1', name: '测试丁产业链', validFromYear: 2020, validToYear: 2023, sortOrder: 4, nodes: ['d1'] },
] as const;

/** A valid USCC for fixture firm `key` (registered in county A's division). */
export function usccOf(key: string): string {
  return makeUscc(`9143042100000${String(key.charCodeAt(0)).padStart(3, '0')}`);
}

function figureOf(value: number | Figure): Figure {
  return typeof value === 'number' ? { v: value } : value;
}

export type MonitoringFixture = { parkId: number; nodeIds: Map<string, number> };

/** Writes the fixture with Drizzle, straight into the tables (no service, no audit). */
export async function buildMonitoringFixture(db: Db): Promise<MonitoringFixture> {
  await db.insert(regions).values([
    { code: COUNTY_A, name: '衡阳县', shortName: '衡阳县', kind: 'county' },
    { code: COUNTY_B, name: '常宁市', shortName: '常宁', kind: 'city' },
  ]);
  const [park] = await db
    .insert(parks)
    .values({ name: '测试高新技术产业开发区', shortName: '测试高新区', level: 'national', regionCode: COUNTY_B })
    .returning();
  if (!park) throw new Error('park not inserted');
  await db.insert(industries).values([
    { code: 'T1', group: '测试', name: '测试产业一', sortOrder: 1 },
    { code: 'T2', group: '测试', name: '测试产业二', sortOrder: 2 },
  ]);
  await db.insert(chains).values(CHAINS.map(({ nodes: _nodes, ...c }) => c));
  const nodeRows = await db
    .insert(chainNodes)
    .values(
      CHAINS.flatMap((c) =>
        c.nodes.map((key, i) => ({ chainCode: c.code, key, name: `${c.name}环节${key}`, stage: 'midstream' as const, sortOrder: i })),
      ),
    )
    .returning();
  const nodeIds = new Map(nodeRows.map((n) => [`${n.chainCode}:${n.key}`, n.id]));
  await insertFirms(
    db,
    FIXTURE_FIRMS.map((f) => ({
      uscc: usccOf(f.key),
      name: `测试企业${f.key}(示例)`,
      regionCode: f.regionCode,
      parkId: f.inPark ? park.id : null,
      nodeIds: f.nodes.map((node) => nodeIds.get(node) ?? -1),
      scaleYears: f.scaleYears,
    })),
  );
  await db.insert(monthlyFigures).values(
    FIXTURE_FIRMS.flatMap((f) =>
      Object.entries(f.figures).map(([period, value]) => {
        const figure = figureOf(value);
        return {
          uscc: usccOf(f.key),
          period,
          grossOutput: figure.v,
          prevYearGrossOutput: figure.prev ?? null,
          source: 'manual' as const,
          updatedAt: new Date(figure.at ?? FILED_AT),
        };
      }),
    ),
  );
  return { parkId: park.id, nodeIds };
}

/**
 * A test app on the fixture alone (no reference data), with `published` months published as history.
 * `fixture` is filled in before the users are made, so a user's scope may name the park.
 */
export function useMonitoringApp<const U extends string = never>(
  options: { published?: readonly string[]; users?: Record<U, TestUserSpec> } = {},
): { t: UsedTestApp<U>; fixture: MonitoringFixture } {
  const fixture = {} as MonitoringFixture;
  const t = useTestApp({
    reference: false,
    data: async (db) => {
      Object.assign(fixture, await buildMonitoringFixture(db));
      if (options.published) await publishHistory(db, options.published);
    },
    users: options.users,
  });
  return { t, fixture };
}

function chainsIn(firm: FixtureFirm, year: number, keep: (f: FixtureFirm) => boolean): string[] {
  if (!firm.scaleYears.includes(year) || !keep(firm)) return [];
  const valid = (code: string) => CHAINS.some((c) => c.code === code && c.validFromYear <= year && (c.validToYear ?? 9999) >= year);
  return [...new Set(firm.nodes.map((n) => n.split(':')[0] ?? ''))].filter(valid);
}

/**
 * The fixture as the reference implementation reads it (shared/stats/growth.ts), for a period and
 * range, keeping only the firms `keep` lets through (a data scope).
 */
export function referenceFirmsOf(period: string, range: MonitoringRange, keep: (f: FixtureFirm) => boolean = () => true): ReferenceFirm[] {
  const { from, to } = rangeMonths(period, range);
  const year = Number(period.slice(0, 4));
  return FIXTURE_FIRMS.map((f) => {
    const months: ReferenceMonth[] = [];
    for (const [p, value] of Object.entries(f.figures)) {
      if (p < from || p > to) continue;
      const figure = figureOf(value);
      const last = f.figures[samePeriodLastYear(p)];
      months.push({ value: figure.v, reportedBase: figure.prev ?? null, storedLastYear: last === undefined ? null : figureOf(last).v });
    }
    // Months a year earlier the firm reported while skipping this year's month still count in the published basis.
    for (const [p, value] of Object.entries(f.figures)) {
      const thisYear = `${Number(p.slice(0, 4)) + 1}${p.slice(4)}`;
      if (thisYear < from || thisYear > to || thisYear in f.figures) continue;
      months.push({ value: null, reportedBase: null, storedLastYear: figureOf(value).v });
    }
    return { id: f.key, chains: chainsIn(f, year, keep), chainsLastYear: chainsIn(f, year - 1, keep), months };
  });
}
