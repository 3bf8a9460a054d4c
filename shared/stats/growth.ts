// The maths of monthly monitoring: growth rates, contribution (拉动, 贡献率), the double-digit test
// and display rounding. Pure functions: the statistics engine sums in SQL and divides here, so every
// screen, report and the CLI compute a ratio the same way.

/** 1 亿元 in 元. */
export const YUAN_PER_YI = 100_000_000;

/**
 * Growth of `current` over `base` as a fraction (0.1234 = +12.34%): current / base − 1.
 * Null when the base is 0 (growth from nothing is not a rate).
 */
export function growthRate(current: number, base: number): number | null {
  if (base === 0) return null;
  return current / base - 1;
}

/**
 * 拉动 of a part, in percentage points: the part's change over the total's value a year earlier,
 * × 100. The 拉动 of non-overlapping parts add up to the total's growth in points.
 * Null when the total's base is 0.
 */
export function contributionPp(partCurrent: number, partBase: number, totalBase: number): number | null {
  if (totalBase === 0) return null;
  return ((partCurrent - partBase) / totalBase) * 100;
}

/**
 * 贡献率 of a part: the part's change over the total's change (a fraction; 0.35 = the part made 35%
 * of the total's growth). Null when the total did not change.
 */
export function contributionShare(partDelta: number, totalDelta: number): number | null {
  if (totalDelta === 0) return null;
  return partDelta / totalDelta;
}

/**
 * 两位数增长: growth ≥ 10.0%. Decided exactly on the integer sums (10·current ≥ 11·base), never on a
 * rounded or floating-point rate, so 110 over 100 counts and 109.99 does not.
 */
export function isDoubleDigitGrowth(current: number, base: number): boolean {
  return base > 0 && 10 * current >= 11 * base;
}

/** Rounds half away from zero to `decimals` places, without the binary drift of toFixed (1.005 → 1.01). */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  const rounded = Math.round(Number(scaled.toPrecision(15))) / factor;
  return Math.sign(value) * rounded;
}

/** 元 → 亿元, rounded to 2 decimals (the leader views' unit): 85,504,000,000 → 855.04. */
export function yuanToYi(yuan: number): number {
  return roundTo(yuan / YUAN_PER_YI, 2);
}

/** 元 → 万元, rounded to 2 decimals (the working tables' unit). */
export function yuanToWan(yuan: number): number {
  return roundTo(yuan / 10_000, 2);
}

/** An amount in 元 as 亿元 text with exactly 2 decimals: 85,504,000,000 → "855.04". */
export function formatYiText(yuan: number): string {
  return yuanToYi(yuan).toFixed(2);
}

/** A growth fraction as signed percent text: 0.1234 → "+12.3%", −0.05 → "-5.0%", null → "—". */
export function formatGrowthText(rate: number | null, decimals = 1): string {
  if (rate === null) return '—';
  const pct = roundTo(rate * 100, decimals);
  const sign = pct > 0 ? '+' : '';
  return `${sign}${pct.toFixed(decimals)}%`;
}

/** Percentage points as text: 2.345 → "+2.35pp" with 2 decimals (null → "—"). */
export function formatPpText(pp: number | null, decimals = 2): string {
  if (pp === null) return '—';
  const value = roundTo(pp, decimals);
  return `${value > 0 ? '+' : ''}${value.toFixed(decimals)}pp`;
}

/** One month of the range for one firm, as the reference implementation reads it. */
export type ReferenceMonth = {
  /** 工业总产值 reported for the month this year (元); null when the firm did not report it. */
  value: number | null;
  /** 上年同期 reported with this year's month (元); null when not reported. A new plant reports 0. */
  reportedBase: number | null;
  /** The firm's own stored gross output for the same month a year earlier (元); null when none. */
  storedLastYear: number | null;
};

/** One firm over the months of a range. */
export type ReferenceFirm = {
  id: string;
  /** Chains the firm counts in now: in S(P) (this year's 名录) with a membership in a chain valid this year; else empty. */
  chains: readonly string[];
  /** Chains it counted in a year earlier (S(P−1y), chains valid then): used only by the published-to-published growth. */
  chainsLastYear: readonly string[];
  /** The months of the range, in any order. */
  months: readonly ReferenceMonth[];
};

/** A firm's comparable-basis position over a range. */
export type FirmComparable = {
  /** Σ value of the months it reported. */
  output: number;
  /** Σ base of the months it reported (meaningful when hasBase). */
  base: number;
  /** It reported at least one month of the range. */
  reported: boolean;
  /** It reported, and every month it reported has a base (上年同期 reported, else its own stored figure). */
  hasBase: boolean;
  /** Σ of its stored figures a year earlier over all months of the range (the published basis). */
  publishedLastYear: number;
};

/** The comparable-basis reading of one firm (see computeComparableGrowth for the rules). */
export function firmComparable(firm: ReferenceFirm): FirmComparable {
  let output = 0;
  let base = 0;
  let reportedMonths = 0;
  let monthsWithBase = 0;
  let publishedLastYear = 0;
  for (const m of firm.months) {
    publishedLastYear += m.storedLastYear ?? 0;
    if (m.value === null) continue;
    reportedMonths += 1;
    output += m.value;
    const monthBase = m.reportedBase ?? m.storedLastYear;
    if (monthBase !== null) {
      monthsWithBase += 1;
      base += monthBase;
    }
  }
  const reported = reportedMonths > 0;
  return { output, base, reported, hasBase: reported && monthsWithBase === reportedMonths, publishedLastYear };
}

/** Output, comparable base and growth of a set of firms. */
export type GrowthFigures = {
  output: number;
  comparableOutput: number;
  outputPrevYear: number;
  yoy: number | null;
  enterpriseCount: number;
  excludedFromGrowth: number;
  notReportedCount: number;
  publishedOutputPrevYear: number;
  publishedYoy: number | null;
};

export type ChainGrowthFigures = GrowthFigures & {
  code: string;
  contributionPp: number | null;
  contributionShare: number | null;
  doubleDigit: boolean;
};

export type ComparableGrowth = {
  total: GrowthFigures & { chainSumOutput: number };
  chains: ChainGrowthFigures[];
  doubleDigitCount: number;
};

function figuresOf(now: readonly FirmComparable[], lastYear: readonly FirmComparable[]): GrowthFigures {
  const withBase = now.filter((f) => f.hasBase);
  const output = now.reduce((s, f) => s + f.output, 0);
  const comparableOutput = withBase.reduce((s, f) => s + f.output, 0);
  const outputPrevYear = withBase.reduce((s, f) => s + f.base, 0);
  const publishedOutputPrevYear = lastYear.reduce((s, f) => s + f.publishedLastYear, 0);
  return {
    output,
    comparableOutput,
    outputPrevYear,
    yoy: growthRate(comparableOutput, outputPrevYear),
    enterpriseCount: now.length,
    excludedFromGrowth: now.filter((f) => f.reported && !f.hasBase).length,
    notReportedCount: now.filter((f) => !f.reported).length,
    publishedOutputPrevYear,
    publishedYoy: growthRate(output, publishedOutputPrevYear),
  };
}

/**
 * Reference implementation of the comparable-basis (同口径) engine, written as plain loops so tests
 * can check the SQL against it. Rules (the service's JSDoc states them for users):
 * - a firm counts in a chain when it is in S(P) with a membership in that chain; the total counts
 *   each firm once however many chains it is in;
 * - per month it reported, its base is the 上年同期 reported with the month, else its own stored
 *   figure a year earlier; a firm with any reported month lacking a base is left out of the growth
 *   rate on both sides (excludedFromGrowth), but its output still counts in `output`;
 * - a firm in scope that reported no month of the range adds nothing to either side (notReportedCount);
 * - published-to-published: output now over the stored figures of last year's scope S(P−1y);
 * - 拉动 and 贡献率 of a chain are measured against the deduplicated total.
 */
export function computeComparableGrowth(firms: readonly ReferenceFirm[], chainCodes?: readonly string[]): ComparableGrowth {
  const read = firms.map((f) => ({ firm: f, figures: firmComparable(f) }));
  const codes = chainCodes ?? [...new Set(firms.flatMap((f) => f.chains))].sort();
  const total = figuresOf(
    read.filter((r) => r.firm.chains.length > 0).map((r) => r.figures),
    read.filter((r) => r.firm.chainsLastYear.length > 0).map((r) => r.figures),
  );
  const totalDelta = total.comparableOutput - total.outputPrevYear;
  const chains = codes.map((code) => {
    const figures = figuresOf(
      read.filter((r) => r.firm.chains.includes(code)).map((r) => r.figures),
      read.filter((r) => r.firm.chainsLastYear.includes(code)).map((r) => r.figures),
    );
    return {
      code,
      ...figures,
      contributionPp: contributionPp(figures.comparableOutput, figures.outputPrevYear, total.outputPrevYear),
      contributionShare: contributionShare(figures.comparableOutput - figures.outputPrevYear, totalDelta),
      doubleDigit: isDoubleDigitGrowth(figures.comparableOutput, figures.outputPrevYear),
    };
  });
  return {
    total: { ...total, chainSumOutput: chains.reduce((s, c) => s + c.output, 0) },
    chains,
    doubleDigitCount: chains.filter((c) => c.doubleDigit).length,
  };
}
