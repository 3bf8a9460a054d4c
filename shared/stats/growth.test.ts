import { describe, expect, it } from 'vitest';
import {
  computeComparableGrowth,
  contributionPp,
  contributionShare,
  firmComparable,
  formatGrowthText,
  formatPpText,
  formatYiText,
  growthRate,
  isDoubleDigitGrowth,
  roundTo,
  yuanToWan,
  yuanToYi,
  type ReferenceFirm,
} from './growth.js';

describe('growth maths', () => {
  it('computes a growth rate as a fraction, null on a zero base', () => {
    expect(growthRate(110, 100)).toBeCloseTo(0.1, 12);
    expect(growthRate(90, 120)).toBeCloseTo(-0.25, 12);
    expect(growthRate(5, 0)).toBeNull();
  });

  it('computes 拉动 in points against the total a year earlier, and 贡献率 against the total change', () => {
    // Total 200 → 230 (+15%); part A 50 → 80: 拉动 30 / 200 × 100 = 15pp, 贡献率 30 / 30 = 100%.
    expect(contributionPp(80, 50, 200)).toBeCloseTo(15, 12);
    expect(contributionShare(30, 30)).toBe(1);
    // Part B 150 → 150: no 拉动, no 贡献率; a falling part has negative 拉动.
    expect(contributionPp(150, 150, 200)).toBe(0);
    expect(contributionPp(40, 50, 200)).toBeCloseTo(-5, 12);
    expect(contributionPp(1, 0, 0)).toBeNull();
    expect(contributionShare(10, 0)).toBeNull();
  });

  it('decides 两位数增长 exactly on the sums: 110 over 100 counts, 10,999 over 10,000 does not', () => {
    expect(isDoubleDigitGrowth(110, 100)).toBe(true);
    expect(isDoubleDigitGrowth(10_999, 10_000)).toBe(false);
    expect(isDoubleDigitGrowth(5, 0)).toBe(false);
  });

  it('rounds for display: 亿元 with 2 decimals, 万元, signed percent with 1 decimal', () => {
    expect(yuanToYi(85_504_000_000)).toBe(855.04);
    expect(formatYiText(85_503_500_000)).toBe('855.04'); // 855.035 rounds half up
    expect(formatYiText(85_503_499_999)).toBe('855.03');
    expect(yuanToWan(123_456_789)).toBe(12_345.68);
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-1.005, 2)).toBe(-1.01);
    expect(formatGrowthText(0.1234)).toBe('+12.3%');
    expect(formatGrowthText(-0.05)).toBe('-5.0%');
    expect(formatGrowthText(0)).toBe('0.0%');
    expect(formatGrowthText(null)).toBe('—');
    expect(formatPpText(2.345)).toBe('+2.35pp');
  });
});

const m = (value: number | null, reportedBase: number | null, storedLastYear: number | null) => ({ value, reportedBase, storedLastYear });

/**
 * Jan–Feb of a year, eight firms (values in 元; "last" = the same month a year earlier):
 *   A  CH01 both years             Jan 100 (last 80),  Feb 120 (last 100)
 *   B  CH01 + CH02 both years      Jan 200 (last 150), Feb 200 (last 170)
 *   C  CH02, entrant this year, reported below scale last year: Jan 50 (40), Feb 60 (40)
 *   D  CH01, entrant without a prior-year value (new plant): Jan 30, Feb 40 → excluded, counted
 *   E  leaver: CH01 last year only; still reports 20 a month below scale → not in S, but in last year's published scope (70 + 70)
 *   F  CH02 both years, reported last year (60, 60) but not this February
 *   G  CH01, entrant reporting 上年同期 with the period: Jan 10 with 上年同期 0 (a new plant: a base of 0 is present),
 *      Feb 20 with 上年同期 5 although its stored last-February figure is 6 (the reported figure wins)
 *   H  CH03, a chain new this year (not valid last year): Jan 10 (10), Feb 11 (10)
 */
function janToFeb(): ReferenceFirm[] {
  return [
    { id: 'A', chains: ['CH01'], chainsLastYear: ['CH01'], months: [m(100, null, 80), m(120, null, 100)] },
    { id: 'B', chains: ['CH01', 'CH02'], chainsLastYear: ['CH01', 'CH02'], months: [m(200, null, 150), m(200, null, 170)] },
    { id: 'C', chains: ['CH02'], chainsLastYear: [], months: [m(50, null, 40), m(60, null, 40)] },
    { id: 'D', chains: ['CH01'], chainsLastYear: [], months: [m(30, null, null), m(40, null, null)] },
    { id: 'E', chains: [], chainsLastYear: ['CH01'], months: [m(20, null, 70), m(20, null, 70)] },
    { id: 'F', chains: ['CH02'], chainsLastYear: ['CH02'], months: [m(50, null, 60), m(null, null, 60)] },
    { id: 'G', chains: ['CH01'], chainsLastYear: [], months: [m(10, 0, null), m(20, 5, 6)] },
    { id: 'H', chains: ['CH03'], chainsLastYear: [], months: [m(10, null, 10), m(11, null, 10)] },
  ];
}
/** The same firms, February only. */
function feb(): ReferenceFirm[] {
  return janToFeb().map((f) => ({ ...f, months: f.months.slice(1) }));
}

describe('firmComparable', () => {
  it('takes the reported 上年同期 over the stored figure, and a reported 0 as a base', () => {
    const g = janToFeb().find((f) => f.id === 'G')!;
    expect(firmComparable(g)).toEqual({ output: 30, base: 5, reported: true, hasBase: true, publishedLastYear: 6 });
  });
  it('leaves out of growth a firm with any reported month lacking a base', () => {
    const d = janToFeb().find((f) => f.id === 'D')!;
    expect(firmComparable(d)).toMatchObject({ output: 70, reported: true, hasBase: false });
  });
  it('bases a firm that skipped a month on the months it reported', () => {
    const f = janToFeb().find((x) => x.id === 'F')!;
    expect(firmComparable(f)).toEqual({ output: 50, base: 60, reported: true, hasBase: true, publishedLastYear: 120 });
    expect(firmComparable({ ...f, months: f.months.slice(1) })).toEqual({
      output: 0,
      base: 0,
      reported: false,
      hasBase: false,
      publishedLastYear: 60,
    });
  });
});

describe('computeComparableGrowth (year to date, Jan–Feb)', () => {
  const result = computeComparableGrowth(janToFeb());
  const chain = (code: string) => result.chains.find((c) => c.code === code)!;

  it('sums each chain over its firms in S, counting the two-chain firm in both', () => {
    // CH01 = A 220 + B 400 + D 70 + G 30 = 720; with a base: A, B, G → 650 over 180 + 320 + 5 = 505.
    expect(chain('CH01')).toMatchObject({
      output: 720,
      comparableOutput: 650,
      outputPrevYear: 505,
      enterpriseCount: 4,
      excludedFromGrowth: 1,
    });
    expect(chain('CH01').yoy).toBeCloseTo(145 / 505, 12); // +28.7%
    // CH02 = B 400 + C 110 + F 50 (January only) = 560 over 320 + 80 + 60 = 460.
    expect(chain('CH02')).toMatchObject({
      output: 560,
      comparableOutput: 560,
      outputPrevYear: 460,
      enterpriseCount: 3,
      excludedFromGrowth: 0,
    });
    expect(chain('CH02').yoy).toBeCloseTo(100 / 460, 12); // +21.7%
    // CH03 = H 21 over 20: +5%.
    expect(chain('CH03')).toMatchObject({ output: 21, outputPrevYear: 20, enterpriseCount: 1 });
    expect(chain('CH03').yoy).toBeCloseTo(0.05, 12);
  });

  it('counts the two-chain firm once in the deduplicated total, and leaves the leaver out', () => {
    // A 220 + B 400 + C 110 + D 70 + F 50 + G 30 + H 21 = 901; the chains sum to 720 + 560 + 21 = 1,301.
    expect(result.total).toMatchObject({
      output: 901,
      comparableOutput: 831,
      outputPrevYear: 665,
      enterpriseCount: 7,
      excludedFromGrowth: 1,
      chainSumOutput: 1301,
    });
    expect(result.total.yoy).toBeCloseTo(166 / 665, 12); // +25.0%
  });

  it('keeps the published-to-published growth beside it: last year’s scope, leaver included', () => {
    // Last year's scope: CH01 = A 180 + B 320 + E 140 = 640; CH02 = B 320 + F 120 = 440; CH03 was not on the list.
    expect(chain('CH01').publishedOutputPrevYear).toBe(640);
    expect(chain('CH01').publishedYoy).toBeCloseTo(720 / 640 - 1, 12); // +12.5%
    expect(chain('CH02').publishedYoy).toBeCloseTo(560 / 440 - 1, 12);
    expect(chain('CH03').publishedYoy).toBeNull();
    // Deduplicated: A 180 + B 320 + E 140 + F 120 = 760.
    expect(result.total.publishedOutputPrevYear).toBe(760);
  });

  it('measures 拉动 and 贡献率 against the deduplicated total, and counts double-digit chains', () => {
    expect(chain('CH01').contributionPp).toBeCloseTo((145 / 665) * 100, 12); // 21.80pp
    expect(chain('CH02').contributionPp).toBeCloseTo((100 / 665) * 100, 12); // 15.04pp
    expect(chain('CH03').contributionPp).toBeCloseTo((1 / 665) * 100, 12); // 0.15pp
    expect(chain('CH01').contributionShare).toBeCloseTo(145 / 166, 12);
    expect(result.doubleDigitCount).toBe(2); // CH01 and CH02; CH03 grew 5%
  });
});

describe('computeComparableGrowth (one month, February)', () => {
  const result = computeComparableGrowth(feb());
  const chain = (code: string) => result.chains.find((c) => c.code === code)!;

  it('leaves a firm that did not report the month out of both sides and counts it as not reported', () => {
    // CH02 = B 200 + C 60 (F did not report) over 170 + 40 = 210.
    expect(chain('CH02')).toMatchObject({
      output: 260,
      outputPrevYear: 210,
      enterpriseCount: 3,
      notReportedCount: 1,
      excludedFromGrowth: 0,
    });
    // Its February of last year still counts in the published basis: B 170 + F 60 = 230.
    expect(chain('CH02').publishedOutputPrevYear).toBe(230);
  });

  it('counts exactly 10.0% as double-digit growth', () => {
    // CH03: 11 over 10. CH01: A 120 + B 200 + G 20 = 340 over 100 + 170 + 5 = 275 (+23.6%), D 40 excluded.
    expect(chain('CH01')).toMatchObject({ output: 380, comparableOutput: 340, outputPrevYear: 275, excludedFromGrowth: 1 });
    expect(chain('CH03').doubleDigit).toBe(true);
    expect(result.doubleDigitCount).toBe(3);
    expect(result.total).toMatchObject({ output: 451, comparableOutput: 411, outputPrevYear: 325, notReportedCount: 1 });
  });
});
