import { describe, expect, it } from 'vitest';
import { formatAmount, formatDateStamp, formatDateTime, formatGrowth, formatPercent, formatWan, formatYi, formatYiNumber } from './format';

describe('amounts (given in 万元)', () => {
  it('shows 亿元 with two decimals', () => {
    expect(formatYi(123456, 'zh-CN')).toBe('12.35亿元');
    expect(formatYi(5000, 'zh-CN')).toBe('0.50亿元');
    expect(formatYi(12_345_678, 'zh-CN')).toBe('1,234.57亿元');
    // Table cells under a 亿元 header: always two decimals.
    expect(formatYiNumber(1.5, 'zh-CN')).toBe('1.50');
    expect(formatYiNumber(855.04089, 'zh-CN')).toBe('855.04');
    expect(formatYiNumber(1234.5, 'en')).toBe('1,234.50');
  });

  it('shows 万元 with grouping and at most two decimals', () => {
    expect(formatWan(3456.5, 'zh-CN')).toBe('3,456.5万元');
    expect(formatWan(0.125, 'zh-CN')).toBe('0.13万元');
  });

  it('switches to 亿元 from 1亿 (10,000万元) up', () => {
    expect(formatAmount(9999, 'zh-CN')).toBe('9,999万元');
    expect(formatAmount(10000, 'zh-CN')).toBe('1.00亿元');
    expect(formatAmount(-25000, 'zh-CN')).toBe('-2.50亿元');
  });

  it('shows the same amount in yuan in English', () => {
    expect(formatYi(123456, 'en')).toBe('CN¥1.23B');
    expect(formatWan(3456.5, 'en')).toBe('CN¥34.57M');
  });

  it('shows a dash for a missing value', () => {
    expect(formatAmount(null, 'zh-CN')).toBe('—');
    expect(formatYi(Number.NaN, 'zh-CN')).toBe('—');
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
