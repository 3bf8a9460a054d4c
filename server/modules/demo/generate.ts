// The deterministic demo dataset: pure functions from a seed to plain rows for every master-data
// table. The same seed gives the same rows on every machine (see prng.ts).
import type { enterprises, enterpriseScaleYears } from '../../db/schema.js';
import { calibrate } from './calibration.js';
import { DEMO_SEED } from './demo-setup.js';
import type { DemoFirm, FirmAnchor } from './demo-types.js';
import { LAST_YEAR } from './demo-types.js';
import { buildFirmFigures, chainClimate, type MonthlyFigureRow } from './figures.js';
import { scaleYearsOf } from './lifecycle.js';
import {
  buildChainEdgeRows,
  buildChainNodeRows,
  buildChainRows,
  buildChainTargetRows,
  buildIndustryRows,
  buildParkFocusRows,
  buildParkRows,
  buildRegionRows,
  type ChainEdgeRow,
  type ChainNodeRow,
  type ChainRow,
  type ChainTargetRow,
  type IndustryRow,
  type ParkFocusRow,
  type ParkRow,
  type RegionRow,
} from './master-rows.js';
import { buildPopulation } from './population.js';
import { buildDemoProjects, type DemoProjects } from './projects.js';

export type EnterpriseRow = Omit<typeof enterprises.$inferInsert, 'parkId'> & { parkName: string | null };
export type ScaleYearRow = typeof enterpriseScaleYears.$inferInsert;
export type MembershipRow = { uscc: string; chainCode: string; nodeKey: string; isPrimary: boolean };
export type { MonthlyFigureRow };

/** A planted data-quality problem a statistician must catch. */
export type DemoAnomaly = { kind: 'unit_slip' | 'missing_month'; uscc: string; name: string; period: string; description: string };

export type ReferenceDataset = {
  regions: RegionRow[];
  parks: ParkRow[];
  parkFocusChains: ParkFocusRow[];
  industries: IndustryRow[];
  chains: ChainRow[];
  chainNodes: ChainNodeRow[];
  chainEdges: ChainEdgeRow[];
};

export type DemoDataset = ReferenceDataset & {
  chainTargets: ChainTargetRow[];
  enterprises: EnterpriseRow[];
  scaleYears: ScaleYearRow[];
  memberships: MembershipRow[];
  monthlyFigures: MonthlyFigureRow[];
  anomalies: DemoAnomaly[];
  /** Investors, projects, major lists and monthly investment (projects.ts). */
  projects: DemoProjects;
};

/** The unit slip: a firm typed its October 2026 output in 元 into a 万元 field, so it is stored 10,000× too large. */
export const UNIT_SLIP_PERIOD = '2026-10';
export const UNIT_SLIP_FACTOR = 10_000;
/** The missing report: one firm in the 2026 名录 did not file September 2026 (未报). */
export const MISSING_PERIOD = '2026-09';

/** Late reporters: three firms in the 2026 名录 have not filed October 2026 yet (the month is in review). */
export const LATE_PERIOD = '2026-10';
const LATE_COUNT = 3;

/** The late reporters: the first stable regular firms of the paper chain (CH13), the slip firm and the missing one aside. */
function pickLateFirms(firms: readonly DemoFirm[], taken: readonly DemoFirm[]): DemoFirm[] {
  const late = firms
    .filter((f) => !taken.includes(f) && f.size === 'regular' && f.lifecycle.kind === 'stable' && f.memberships[0]?.chainCode === 'CH13')
    .slice(0, LATE_COUNT);
  if (late.length < LATE_COUNT) throw new Error('no candidates for the late reporters');
  return late;
}

/**
 * The reference master data shared by the demo and a real deployment: regions, parks and their
 * focus chains, the ten industries, the 15 chains with their nodes and edges. Chain-master names
 * (demo firms) are included only for the demo.
 */
export function generateReferenceData(options: { withMasters: boolean }): ReferenceDataset {
  return {
    regions: buildRegionRows(),
    parks: buildParkRows(),
    parkFocusChains: buildParkFocusRows(),
    industries: buildIndustryRows(),
    chains: buildChainRows(options),
    chainNodes: buildChainNodeRows(),
    chainEdges: buildChainEdgeRows(),
  };
}

/** The firm whose output slips: the smallest stable firm of the textile chain (CH12). */
function pickSlipFirm(firms: readonly DemoFirm[], anchors: readonly FirmAnchor[]): DemoFirm {
  const candidates = firms
    .map((f, i) => ({ f, h1: anchors[i]?.h1Of2024 ?? 0 }))
    .filter(({ f }) => f.size === 'regular' && f.lifecycle.kind === 'stable' && f.memberships[0]?.chainCode === 'CH12');
  const smallest = candidates.sort((a, b) => a.h1 - b.h1)[0];
  if (!smallest) throw new Error('no candidate for the unit slip');
  return smallest.f;
}

/** The firm that misses a month: the first stable, mid-sized firm of the salt-chemicals chain (CH06). */
function pickMissingFirm(firms: readonly DemoFirm[], anchors: readonly FirmAnchor[]): DemoFirm {
  const firm = firms.find(
    (f, i) =>
      f.size === 'regular' && f.lifecycle.kind === 'stable' && f.memberships[0]?.chainCode === 'CH06' && (anchors[i]?.h1Of2024 ?? 0) > 3e7,
  );
  if (!firm) throw new Error('no candidate for the missing month');
  return firm;
}

/**
 * The whole demo dataset for `seed`: the real regions and parks, the 15 chains (CH15 from 2023),
 * about 1,500 fictional enterprises named "…(示例)" with valid USCCs, their yearly 规上 status,
 * chain memberships (some in two chains, some nodes left empty) and monthly figures 2022-01 …
 * 2026-10, calibrated so that Jan–Jun 2024 gives 855.04亿元 deduplicated, each chain its
 * demoH1_2024 output and comparable growth, and exactly 4 chains at ≥ 10%. Anomalies are
 * planted (see `anomalies`): a unit slip and three late reporters in 2026-10, a missing month in 2026-09.
 */
export function generateDemoData(seed: number = DEMO_SEED): DemoDataset {
  const firms = buildPopulation(seed);
  const anchors = calibrate(seed, firms);
  const climate = chainClimate(seed);
  const slip = pickSlipFirm(firms, anchors);
  const missing = pickMissingFirm(firms, anchors);
  const late = pickLateFirms(firms, [slip, missing]);

  const monthlyFigures = firms.flatMap((firm, i) => {
    const anchor = anchors[i];
    if (!anchor) throw new Error(`no anchor for firm ${i}`);
    const rows = buildFirmFigures(seed, firm, anchor, climate.get(firm.memberships[0]?.chainCode ?? ''));
    return rows.flatMap((row) => {
      if (firm === missing && row.period === MISSING_PERIOD) return [];
      if (row.period === LATE_PERIOD && late.includes(firm)) return [];
      if (firm === slip && row.period === UNIT_SLIP_PERIOD) return [{ ...row, grossOutput: (row.grossOutput ?? 0) * UNIT_SLIP_FACTOR }];
      return [row];
    });
  });

  const reference = generateReferenceData({ withMasters: true });
  return {
    ...reference,
    projects: buildDemoProjects(seed, firms, reference),
    chainTargets: buildChainTargetRows(LAST_YEAR),
    enterprises: firms.map((f) => ({
      uscc: f.uscc,
      name: f.name,
      regionCode: f.regionCode,
      parkName: f.parkName,
      gbt4754Code: f.gbt4754Code,
      isChainMaster: f.isChainMaster,
      isSpecialized: f.isSpecialized,
      isHighTech: f.isHighTech,
      isListed: f.isListed,
      isDemo: true,
    })),
    scaleYears: firms.flatMap((f) => scaleYearsOf(f.lifecycle).map((year) => ({ uscc: f.uscc, year }))),
    memberships: firms.flatMap((f) =>
      f.memberships.map((m, k) => ({ uscc: f.uscc, chainCode: m.chainCode, nodeKey: m.nodeKey, isPrimary: k === 0 })),
    ),
    monthlyFigures,
    anomalies: [
      {
        kind: 'unit_slip',
        uscc: slip.uscc,
        name: slip.name,
        period: UNIT_SLIP_PERIOD,
        description: '工业总产值按“元”填入“万元”栏，数值放大10000倍 (gross output entered in 元 into a 万元 field: 10,000× too large)',
      },
      {
        kind: 'missing_month',
        uscc: missing.uscc,
        name: missing.name,
        period: MISSING_PERIOD,
        description: '规上企业当月未报 (an enterprise in the 规上 list did not report this month)',
      },
      ...late.map((firm) => ({
        kind: 'missing_month' as const,
        uscc: firm.uscc,
        name: firm.name,
        period: LATE_PERIOD,
        description: '审核中的月份尚未报送 (not reported yet for the month in review)',
      })),
    ],
  };
}
