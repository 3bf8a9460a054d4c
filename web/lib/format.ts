import type { Locale } from '../../shared/i18n/index';

/** The time zone every date is shown in, whatever the browser's own zone: the platform is a city's. */
export const DISPLAY_TIME_ZONE = 'Asia/Shanghai';
const EMPTY = '—';
/** 1 亿 = 10,000 万. */
const WAN_PER_YI = 10_000;

function isMissing(value: number | null | undefined): value is null | undefined {
  return value === null || value === undefined || !Number.isFinite(value);
}

/** A plain number with grouping, e.g. 12,345.6. */
export function formatNumber(value: number | null | undefined, locale: Locale, maxDigits = 2): string {
  if (isMissing(value)) return EMPTY;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: maxDigits }).format(value);
}

/** An amount already in 亿元, always with two decimals: 1.5 → "1.50" (tables whose header names the unit). */
export function formatYiNumber(yi: number | null | undefined, locale: Locale): string {
  if (isMissing(yi)) return EMPTY;
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(yi);
}

/**
 * An amount given in 万元 (the unit of the statistics tables), in 亿元 with two decimals:
 * 123456 → "12.35亿元". English shows the same amount in yuan: "CN¥1.23B".
 */
export function formatYi(wanYuan: number | null | undefined, locale: Locale): string {
  if (isMissing(wanYuan)) return EMPTY;
  if (locale === 'en') return formatCompactYuan(wanYuan);
  const yi = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(wanYuan / WAN_PER_YI);
  return `${yi}亿元`;
}

/** An amount in 万元 as 万元 with up to two decimals: 3456.5 → "3,456.5万元" (English: "CN¥34.57M"). */
export function formatWan(wanYuan: number | null | undefined, locale: Locale): string {
  if (isMissing(wanYuan)) return EMPTY;
  if (locale === 'en') return formatCompactYuan(wanYuan);
  return `${formatNumber(wanYuan, 'zh-CN')}万元`;
}

/** An amount in 万元, in 亿元 from 1 亿 up and in 万元 below. */
export function formatAmount(wanYuan: number | null | undefined, locale: Locale): string {
  if (isMissing(wanYuan)) return EMPTY;
  return Math.abs(wanYuan) >= WAN_PER_YI ? formatYi(wanYuan, locale) : formatWan(wanYuan, locale);
}

function formatCompactYuan(wanYuan: number): string {
  return new Intl.NumberFormat('en', { style: 'currency', currency: 'CNY', notation: 'compact', maximumFractionDigits: 2 }).format(
    wanYuan * WAN_PER_YI,
  );
}

/** A ratio as a percentage: 0.1234 → "12.3%". */
export function formatPercent(ratio: number | null | undefined, locale: Locale, digits = 1): string {
  if (isMissing(ratio)) return EMPTY;
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(ratio);
}

/** A growth rate (a ratio) with its sign: 0.052 → "+5.2%", -0.031 → "-3.1%". */
export function formatGrowth(ratio: number | null | undefined, locale: Locale, digits = 1): string {
  if (isMissing(ratio)) return EMPTY;
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    signDisplay: 'exceptZero',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(ratio);
}

/** An instant as "2025-03-01 08:30" (or "08:30:15" with seconds) in Beijing time, the same in both languages. */
export function formatDateTime(iso: string | null | undefined, withSeconds = false): string {
  if (!iso) return EMPTY;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return EMPTY;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: DISPLAY_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: withSeconds ? '2-digit' : undefined,
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}${withSeconds ? `:${part('second')}` : ''}`;
}

/** Today's date in Beijing as "20250301", for file names. */
export function formatDateStamp(date: Date = new Date()): string {
  return formatDateTime(date.toISOString()).slice(0, 10).replaceAll('-', '');
}
