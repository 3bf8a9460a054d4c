// A small hand-built world for the warnings tests: one county, two chains (W1, W2) and a dozen
// firms whose 2023–2024 figures each hit, or just miss, one warning. Values are worked out by hand
// in warnings.test.ts.
import type { CreateUserRequest } from '../../../shared/contracts/users.js';
import { makeUscc } from '../../../shared/uscc.js';
import type { Db } from '../../db/client.js';
import { publishHistory } from './common.js';
import { chainNodes, chains, industries, monthlyFigureMarks, monthlyFigures, regions } from '../../db/schema.js';
import { insertFirms } from './chains.js';

export const WARN_COUNTY = '430421';

type Month = { v?: number | null; prev?: number; revenue?: number };
export type WarnFirm = {
  key: string;
  chain: 'W1' | 'W2' | null;
  scaleYears: number[];
  figures: Record<string, number | Month>;
  combinedFebruary?: string;
};

const months = (from: number, to: number, year: number, value: Month | number): Record<string, Month | number> =>
  Object.fromEntries(Array.from({ length: to - from + 1 }, (_, i) => [`${year}-${String(from + i).padStart(2, '0')}`, value]));

/**
 * DROP2   W1: −25% in May and June 2024 (100 → 75 both): output_drop for 2024-06.
 * DROP1   W1: −10% in May, −25% in June: one month only, not listed.
 * DROP19  W1: −19% in May and June: under the 20% line, not listed.
 * DROPREP W2: 上年同期 reported with the month (100): −40% in May, exactly −20% in June: listed.
 * SLIP10  W2: 100 each month Jan–May 2024 (median 100), June 1000 = 10×: unit_slip.
 * SLIP9   W2: the same with June 900 = 9×: not listed.
 * LOWREV  W1: 营业收入 Jan–Jun 2024 Σ 9,999,999 → × 12 / 6 = 19,999,998 < 2000万: below_scale.
 * OKREV   W1: Σ 10,000,000 → exactly 20,000,000: not under the line.
 * MISSING W1: reported May 2024, not June: not_reported for 2024-06 once the deadline passed.
 * JF      W1: 2024 reported as one 1–2月 figure (70, January 0, February marked), 2023 separately
 *         (50 + 50), December 2023 70 against 100: for 2024-02 the pair is −30% and December −30%.
 * NOSCALE W1: a 10× June but not in the 2024 名录: never listed.
 * NOCHAIN no chain, 规上 2024, a 10× June: never listed.
 */
export const WARN_FIRMS: readonly WarnFirm[] = [
  { key: 'DROP2', chain: 'W1', scaleYears: [2024], figures: { '2023-05': 100, '2023-06': 100, '2024-05': 75, '2024-06': 75 } },
  { key: 'DROP1', chain: 'W1', scaleYears: [2024], figures: { '2023-05': 100, '2023-06': 100, '2024-05': 90, '2024-06': 75 } },
  { key: 'DROP19', chain: 'W1', scaleYears: [2024], figures: { '2023-05': 100, '2023-06': 100, '2024-05': 81, '2024-06': 81 } },
  { key: 'DROPREP', chain: 'W2', scaleYears: [2024], figures: { '2024-05': { v: 60, prev: 100 }, '2024-06': { v: 80, prev: 100 } } },
  { key: 'SLIP10', chain: 'W2', scaleYears: [2024], figures: { ...months(1, 5, 2024, 100), '2024-06': 1000 } },
  { key: 'SLIP9', chain: 'W2', scaleYears: [2024], figures: { ...months(1, 5, 2024, 100), '2024-06': 900 } },
  {
    key: 'LOWREV',
    chain: 'W1',
    scaleYears: [2024],
    figures: { ...months(1, 5, 2024, { v: null, revenue: 1_666_666 }), '2024-06': { v: null, revenue: 1_666_669 } },
  },
  {
    key: 'OKREV',
    chain: 'W1',
    scaleYears: [2024],
    figures: { ...months(1, 5, 2024, { v: null, revenue: 1_666_666 }), '2024-06': { v: null, revenue: 1_666_670 } },
  },
  { key: 'MISSING', chain: 'W1', scaleYears: [2024], figures: { '2024-05': 500 } },
  {
    key: 'JF',
    chain: 'W1',
    scaleYears: [2024],
    figures: { '2022-12': 100, '2023-01': 50, '2023-02': 50, '2023-12': 70, '2024-01': 0, '2024-02': 70, '2024-06': 70 },
    combinedFebruary: '2024-02',
  },
  { key: 'NOSCALE', chain: 'W1', scaleYears: [2023], figures: { ...months(1, 5, 2024, 100), '2024-06': 1000 } },
  { key: 'NOCHAIN', chain: null, scaleYears: [2024], figures: { ...months(1, 5, 2024, 100), '2024-06': 1000 } },
];

/** A valid USCC for the fixture firm at `index` of WARN_FIRMS. */
export function warnUsccOf(key: string): string {
  const index = WARN_FIRMS.findIndex((f) => f.key === key);
  if (index < 0) throw new Error(`no fixture firm ${key}`);
  return makeUscc(`9143042100${String(index + 1).padStart(6, '0')}`);
}

export const warnNameOf = (key: string) => `预警测试${key}有限公司`;

/** Writes the fixture straight into the tables (no service, no audit). */
export async function buildWarningsFixture(db: Db): Promise<void> {
  await db.insert(regions).values({ code: WARN_COUNTY, name: '衡阳县', shortName: '衡阳县', kind: 'county' });
  await db.insert(industries).values({ code: 'T1', group: '测试', name: '测试产业一', sortOrder: 1 });
  await db.insert(chains).values([
    { code: 'W1', industryCode: 'T1', name: '预警甲链', validFromYear: 2020, validToYear: null, sortOrder: 1 },
    { code: 'W2', industryCode: 'T1', name: '预警乙链', validFromYear: 2020, validToYear: null, sortOrder: 2 },
  ]);
  const nodes = await db
    .insert(chainNodes)
    .values([
      { chainCode: 'W1', key: 'n1', name: '甲环节', stage: 'midstream' as const, sortOrder: 0 },
      { chainCode: 'W2', key: 'n1', name: '乙环节', stage: 'midstream' as const, sortOrder: 0 },
    ])
    .returning();
  const nodeOf = (chain: string) => nodes.find((n) => n.chainCode === chain)?.id ?? -1;
  await insertFirms(
    db,
    WARN_FIRMS.map((f) => ({
      uscc: warnUsccOf(f.key),
      name: warnNameOf(f.key),
      regionCode: WARN_COUNTY,
      parkId: null,
      nodeIds: f.chain === null ? [] : [nodeOf(f.chain)],
      scaleYears: f.scaleYears,
    })),
  );
  await db.insert(monthlyFigures).values(
    WARN_FIRMS.flatMap((f) =>
      Object.entries(f.figures).map(([period, value]) => {
        const m: Month = typeof value === 'number' ? { v: value } : value;
        return {
          uscc: warnUsccOf(f.key),
          period,
          grossOutput: m.v ?? null,
          prevYearGrossOutput: m.prev ?? null,
          revenue: m.revenue ?? null,
          source: 'manual' as const,
        };
      }),
    ),
  );
  const marks = WARN_FIRMS.flatMap((f) =>
    f.combinedFebruary ? [{ uscc: warnUsccOf(f.key), period: f.combinedFebruary, mark: 'jan_feb_combined' as const }] : [],
  );
  await db.insert(monthlyFigureMarks).values(marks);
}

/** The warnings world with May 2024 published and June 2024 collecting, where the periods tests start. */
export async function buildPublishedWarningsFixture(db: Db): Promise<void> {
  await buildWarningsFixture(db);
  await publishHistory(db, ['2024-05']);
}

/** The users the periods tests log in as: data staff, the city leader, the county and W1's chain chief. */
export const WARN_USERS = {
  admin: { role: 'admin' },
  leader: { role: 'leader' },
  county: { role: 'county', scopes: [{ kind: 'region', ref: WARN_COUNTY }] },
  chief: { role: 'chain_chief', scopes: [{ kind: 'chain', ref: 'W1' }] },
} satisfies Record<string, Partial<CreateUserRequest>>;
