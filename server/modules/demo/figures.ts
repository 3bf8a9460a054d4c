// Monthly figures of one demo firm, 2022-01 … 2026-10: a smooth level path through its yearly
// anchors, Chinese New Year and year-end seasonality, a ramp-up for new plants, month noise, and
// the calibrated windows (Jan–Jun 2024, Jan–Jun 2023) rescaled to their exact integer totals.
import type { monthlyFigures } from '../../db/schema.js';
import { allocateExactly, at, chainTargets } from './calibration.js';
import { FIRST_YEAR, LAST_PERIOD, type DemoFirm, type FirmAnchor } from './demo-types.js';
import { firstPeriodOf, lastPeriodOf } from './lifecycle.js';
import { createRandom, type Random } from './prng.js';

export type MonthlyFigureRow = typeof monthlyFigures.$inferInsert;

/** Jan and Feb weights by year: the Spring Festival dip falls in January (2023, 2025) or February (2022, 2024, 2026). */
const NEW_YEAR_MONTHS: Record<number, readonly [number, number]> = {
  2022: [0.86, 0.72],
  2023: [0.76, 0.88],
  2024: [0.92, 0.66],
  2025: [0.78, 0.84],
  2026: [0.93, 0.64],
};
/** March … December: quarter-end pushes and the year-end peak. */
const OTHER_MONTHS = [1.03, 1.0, 1.02, 1.08, 0.97, 0.98, 1.05, 1.0, 1.04, 1.12] as const;

/** Electricity per 元 of output (kWh), by chain: smelting and chemicals are power-hungry, electronics are not. */
const KWH_PER_YUAN: Record<string, number> = {
  CH01: 0.08,
  CH02: 0.03,
  CH03: 0.02,
  CH04: 0.25,
  CH05: 0.2,
  CH06: 0.35,
  CH07: 0.05,
  CH08: 0.1,
  CH09: 0.04,
  CH10: 0.04,
  CH11: 0.04,
  CH12: 0.06,
  CH13: 0.03,
  CH14: 0.02,
  CH15: 0.3,
};
/** Annual output per employee (元), by chain. */
const OUTPUT_PER_EMPLOYEE: Record<string, number> = {
  CH01: 1.5e6,
  CH02: 2.2e6,
  CH03: 1.0e6,
  CH04: 5e6,
  CH05: 3.5e6,
  CH06: 4e6,
  CH07: 2.5e6,
  CH08: 2.5e6,
  CH09: 1.5e6,
  CH10: 1.6e6,
  CH11: 1.4e6,
  CH12: 0.5e6,
  CH13: 2e6,
  CH14: 0.6e6,
  CH15: 1.8e6,
};

/** Seasonal weight of a month, before a firm's own amplitude. */
export function seasonOf(year: number, month: number): number {
  if (month <= 2) return at(NEW_YEAR_MONTHS[year] ?? [0.85, 0.75], month - 1);
  return at(OTHER_MONTHS, month - 3);
}

/** 'YYYY-MM' of month index t (0 = 2022-01). */
function periodAt(t: number): string {
  return `${FIRST_YEAR + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
}

function indexOf(period: string): number {
  return (Number(period.slice(0, 4)) - FIRST_YEAR) * 12 + Number(period.slice(5, 7)) - 1;
}

/** Each chain's business climate by year: growth around half its 2024 rate plus 3 points. */
export function chainClimate(seed: number): Map<string, Map<number, number>> {
  return new Map(
    chainTargets().map((t) => {
      const random = createRandom(seed, `climate:${t.code}`);
      const years = new Map<number, number>();
      for (let y = FIRST_YEAR + 1; y <= 2027; y += 1) {
        years.set(y, y === 2024 ? t.growth + random.range(-0.03, 0.03) : t.growth / 2 + 0.03 + random.range(-0.05, 0.05));
      }
      return [t.code, years];
    }),
  );
}

/** A firm's growth of H1 over the previous year's H1, by year: its chain's climate, its own noise, and its lifecycle. */
function growthPath(random: Random, firm: DemoFirm, climate: Map<number, number> | undefined): Map<number, number> {
  const path = new Map<number, number>();
  for (let y = FIRST_YEAR + 1; y <= 2027; y += 1) path.set(y, (climate?.get(y) ?? 0.05) + random.range(-0.08, 0.08));
  const l = firm.lifecycle;
  if (l.kind === 'entrant' || l.kind === 'newPlant') path.set(l.year, random.range(0.3, 0.6));
  if (l.kind === 'leaver') {
    path.set(l.lastYear, random.range(-0.2, -0.05));
    path.set(l.lastYear + 1, random.range(-0.3, -0.1));
  }
  return path;
}

/** The next month's 5th–15th, 10:00 Beijing time: when the firm filed the month. */
function filedAt(random: Random, t: number): Date {
  const next = t + 1;
  return new Date(Date.UTC(FIRST_YEAR + Math.floor(next / 12), next % 12, random.int(5, 15), 2, 0, 0));
}

/**
 * All monthly rows of one firm. Gross output follows the level path; revenue, profit, taxes,
 * electricity and employees follow output with the firm's own ratios and noise. The months of
 * Jan–Jun 2024 (for firms in the 2024 scope) and Jan–Jun 2023 (for firms with a comparable base)
 * sum exactly to the calibrated anchors.
 */
export function buildFirmFigures(
  seed: number,
  firm: DemoFirm,
  anchor: FirmAnchor,
  climate: Map<number, number> | undefined,
): MonthlyFigureRow[] {
  const random = createRandom(seed, `figures:${firm.uscc}`);
  const chain = firm.memberships[0]?.chainCode ?? '';
  const amplitude = random.range(0.6, 1.2);
  const growth = growthPath(random, firm, climate);
  const profile = {
    revenueRatio: random.range(0.9, 1.04),
    margin: random.chance(0.1) ? random.range(-0.06, 0) : random.range(0.01, 0.12),
    taxRate: random.range(0.015, 0.05),
    kwhPerYuan: (KWH_PER_YUAN[chain] ?? 0.05) * random.range(0.7, 1.3),
    outputPerEmployee: (OUTPUT_PER_EMPLOYEE[chain] ?? 1.2e6) * random.range(0.7, 1.4),
  };
  const first = indexOf(firstPeriodOf(firm.lifecycle));
  const last = Math.min(indexOf(lastPeriodOf(firm.lifecycle)), indexOf(LAST_PERIOD));
  const ramp = (t: number) => (firm.lifecycle.kind === 'newPlant' ? Math.min(1, 0.35 + (0.65 * (t - first)) / 6) : 1);
  const season = (t: number) => 1 + amplitude * (seasonOf(FIRST_YEAR + Math.floor(t / 12), (t % 12) + 1) - 1);
  const reported = (t: number) => t >= first && t <= last;
  // Deseasonalised full-capacity level at the middle of each year's first half.
  const h1Weight = (year: number, onlyReported: boolean): number => {
    let w = 0;
    for (let m = 0; m < 6; m += 1) {
      const t = (year - FIRST_YEAR) * 12 + m;
      if (!onlyReported) w += season(t);
      else if (reported(t)) w += season(t) * ramp(t);
    }
    return w > 0 || !onlyReported ? w : h1Weight(year, false);
  };
  const level = new Map<number, number>();
  level.set(2024, anchor.h1Of2024 / h1Weight(2024, true));
  level.set(
    2023,
    anchor.h1Of2023 !== null ? anchor.h1Of2023 / h1Weight(2023, true) : (level.get(2024) ?? 0) / (1 + (growth.get(2024) ?? 0)),
  );
  level.set(2022, (level.get(2023) ?? 0) / (1 + (growth.get(2023) ?? 0)));
  for (let y = 2025; y <= 2027; y += 1) level.set(y, (level.get(y - 1) ?? 0) * (1 + (growth.get(y) ?? 0)));
  const levelAt = (t: number) => {
    const x = Math.max(0, t - 2.5) / 12;
    const y = FIRST_YEAR + Math.floor(x);
    const from = level.get(y) ?? 0;
    return from + ((level.get(y + 1) ?? from) - from) * (x - Math.floor(x));
  };

  const months: number[] = [];
  for (let t = first; t <= last; t += 1) months.push(t);
  const raw = months.map((t) => levelAt(t) * season(t) * ramp(t) * random.range(0.96, 1.04));
  const output = raw.map((v) => Math.round(v));
  const calibrateWindow = (year: number, total: number) => {
    const inWindow = months.flatMap((t, k) => (t >= (year - FIRST_YEAR) * 12 && t < (year - FIRST_YEAR) * 12 + 6 ? [k] : []));
    if (inWindow.length === 0) return;
    const values = allocateExactly(
      total,
      inWindow.map((k) => at(raw, k)),
    );
    inWindow.forEach((k, j) => (output[k] = at(values, j)));
  };
  if (anchor.inScope2024) calibrateWindow(2024, anchor.h1Of2024);
  if (anchor.h1Of2023 !== null) calibrateWindow(2023, anchor.h1Of2023);

  return months.map((t, k) => {
    const grossOutput = at(output, k);
    const revenue = Math.round(grossOutput * profile.revenueRatio * random.range(0.97, 1.03));
    return {
      uscc: firm.uscc,
      period: periodAt(t),
      grossOutput,
      revenue,
      profit: Math.round(revenue * (profile.margin + random.range(-0.015, 0.015))),
      taxes: Math.round(revenue * profile.taxRate * random.range(0.8, 1.2)),
      electricityKwh: Math.round(grossOutput * profile.kwhPerYuan * random.range(0.94, 1.06)),
      employees: Math.max(8, Math.round(((levelAt(t) * 12) / profile.outputPerEmployee) * random.range(0.99, 1.01))),
      source: 'demo',
      updatedAt: filedAt(random, t),
    };
  });
}
