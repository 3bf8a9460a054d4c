import { describe, expect, it } from 'vitest';
import {
  formatAmount,
  formatDateStamp,
  formatDateTime,
  formatFileSize,
  formatGrowth,
  formatNumber,
  formatPercent,
  formatPp,
  formatWan,
  formatWanKwhNumber,
  formatWanNumber,
  formatYi,
  formatYiNumber,
  fractionToPercent,
  growthToPercent,
  kwhToWanKwh,
  percentToFraction,
  roundPp,
  wanToYuan,
  yuanToWan,
  yuanToYi,
} from './format';

const WAN = 10_000;
const YI = 100_000_000;

describe('amounts (given in 元, the API unit)', () => {
  it('shows 亿元 with two decimals', () => {
    expect(formatYi(123_456 * WAN, 'zh-CN')).toBe('12.35亿元');
    expect(formatYi(5_000 * WAN, 'zh-CN')).toBe('0.50亿元');
    expect(formatYi(12_345_678 * WAN, 'zh-CN')).toBe('1,234.57亿元');
    // Table cells under a 亿元 header: always two decimals.
    expect(formatYiNumber(1.5 * YI, 'zh-CN')).toBe('1.50');
    expect(formatYiNumber(85_504_089_000, 'zh-CN')).toBe('855.04');
    expect(formatYiNumber(1234.5 * YI, 'en')).toBe('1,234.50');
  });

  it('shows 万元 with grouping and always two decimals', () => {
    expect(formatWan(34_565_000, 'zh-CN')).toBe('3,456.50万元');
    expect(formatWan(1_250, 'zh-CN')).toBe('0.13万元');
    expect(formatWan(20_000_000, 'zh-CN')).toBe('2,000.00万元');
    // Table cells under a 万元 header: 831,851,043 元 (the enterprise's own figure) is 83,185.10万元.
    expect(formatWanNumber(831_851_043, 'zh-CN')).toBe('83,185.10');
    expect(formatWanNumber(-40, 'zh-CN')).toBe('0.00');
  });

  it('shows 用电量 in 万千瓦时 with two decimals', () => {
    expect(formatWanKwhNumber(2_339_200, 'zh-CN')).toBe('233.92');
    expect(formatWanKwhNumber(null, 'zh-CN')).toBe('—');
    expect(kwhToWanKwh(356_000)).toBe(35.6);
  });

  it('switches to 亿元 from 1亿 (10,000万元) up, deciding on the rounded 万 figure', () => {
    expect(formatAmount(9_999 * WAN, 'zh-CN')).toBe('9,999.00万元');
    expect(formatAmount(99_999_999, 'zh-CN')).toBe('1.00亿元');
    expect(formatAmount(99_999_940, 'zh-CN')).toBe('9,999.99万元');
    expect(formatAmount(YI, 'zh-CN')).toBe('1.00亿元');
    expect(formatAmount(-2.5 * YI, 'zh-CN')).toBe('-2.50亿元');
  });

  it('never shows a negative zero', () => {
    expect(formatYi(-1, 'zh-CN')).toBe('0.00亿元');
    expect(formatWan(-1, 'zh-CN')).toBe('0.00万元');
    expect(formatYiNumber(-400_000, 'zh-CN')).toBe('0.00');
    expect(formatNumber(-0.001, 'zh-CN')).toBe('0');
  });

  it('shows the same amount in yuan in English', () => {
    expect(formatYi(123_456 * WAN, 'en')).toBe('CN¥1.23B');
    expect(formatWan(34_565_000, 'en')).toBe('CN¥34.57M');
  });

  it('shows a dash for a missing value', () => {
    expect(formatAmount(null, 'zh-CN')).toBe('—');
    expect(formatYi(Number.NaN, 'zh-CN')).toBe('—');
    expect(formatPp(undefined, 'zh-CN')).toBe('—');
  });

  it('converts for charts and Excel: 万元 exact, 亿元 to two decimals, never -0', () => {
    expect(yuanToWan(12_345)).toBe(1.2345);
    expect(wanToYuan(1_234.5678)).toBe(12_345_678);
    expect(wanToYuan(0.00004)).toBe(0);
    expect(yuanToWan(null)).toBeNull();
    expect(yuanToYi(123_456_789)).toBe(1.23);
    expect(Object.is(yuanToYi(-1), 0)).toBe(true);
    expect(Object.is(growthToPercent(-0.0001), 0)).toBe(true);
    expect(growthToPercent(0.1234)).toBe(12.3);
    expect(Object.is(roundPp(-0.001), 0)).toBe(true);
  });
});

describe('percentages (given as ratios)', () => {
  it('shows one decimal by default', () => {
    expect(formatPercent(0.1234, 'zh-CN')).toBe('12.3%');
    expect(formatPercent(1, 'en', 0)).toBe('100%');
  });

  it('gives growth its sign', () => {
    expect(formatGrowth(0.052, 'zh-CN')).toBe('+5.2%');
    expect(formatGrowth(-0.031, 'zh-CN')).toBe('-3.1%');
    expect(formatGrowth(0, 'zh-CN')).toBe('0.0%');
    expect(formatGrowth(undefined, 'zh-CN')).toBe('—');
  });

  it('never shows "-0.0%" for a rate that rounds to zero', () => {
    expect(formatGrowth(-0.0001, 'zh-CN')).toBe('0.0%');
    expect(formatPercent(-0.0001, 'zh-CN')).toBe('0.0%');
    expect(formatGrowth(0.0004, 'zh-CN')).toBe('0.0%');
  });

  it('turns a stored fraction into the percent a form shows (two decimals) and back (four decimals)', () => {
    expect(fractionToPercent(0.12345)).toBe(12.35);
    expect(fractionToPercent(-0.3)).toBe(-30);
    expect(fractionToPercent(null)).toBeNull();
    expect(percentToFraction(12.345)).toBe(0.1235);
    expect(percentToFraction(-30)).toBe(-0.3);
  });

  it('shows 拉动 in percentage points with two decimals and its sign', () => {
    expect(formatPp(1.234, 'zh-CN')).toBe('+1.23');
    expect(formatPp(-0.5, 'zh-CN')).toBe('-0.50');
    expect(formatPp(-0.001, 'zh-CN')).toBe('0.00');
  });
});

describe('dates', () => {
  it('shows an instant in Beijing time whatever the zone of the machine', () => {
    // 16:30 UTC on 31 Dec is already 00:30 on 1 Jan in Beijing (UTC+8).
    expect(formatDateTime('2024-12-31T16:30:05Z')).toBe('2025-01-01 00:30');
    expect(formatDateTime('2024-12-31T16:30:05Z', true)).toBe('2025-01-01 00:30:05');
    expect(formatDateTime('not a date')).toBe('—');
    expect(formatDateTime(null)).toBe('—');
  });

  it('stamps file names with the Beijing date', () => {
    expect(formatDateStamp(new Date('2024-12-31T16:30:00Z'))).toBe('20250101');
  });
});

describe('file sizes', () => {
  it('shows bytes, KB and MB (1024 each) with one decimal', () => {
    expect(formatFileSize(820)).toBe('820 B');
    expect(formatFileSize(12_595)).toBe('12.3 KB');
    expect(formatFileSize(10 * 1024 * 1024)).toBe('10.0 MB');
  });
});
