import type { Locale } from '../../shared/i18n/index';

/** The time zone every date is shown in, whatever the browser's own zone: the platform is a city's. */
export const DISPLAY_TIME_ZONE = 'Asia/Shanghai';
const EMPTY = '—';
/** The API's money unit is the yuan (integer 元); 1 万 = 10,000 元, 1 亿 = 10,000 万. */
const YUAN_PER_WAN = 10_000;
const YUAN_PER_YI = 100_000_000;
const KWH_PER_WAN_KWH = 10_000;

function isMissing(value: number | null | undefined): value is null | undefined {
  return value === null || value === undefined || !Number.isFinite(value);
}

/** `value` rounded to `digits` decimals, with a rounded-away negative (−0.004 → −0) shown as plain 0. */
function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  return rounded === 0 ? 0 : rounded;
}

/** 元 → 万元, exactly (a display value for 万元 columns and Excel, never stored). */
export function yuanToWan(yuan: number): number;
export function yuanToWan(yuan: number | null): number | null;
export function yuanToWan(yuan: number | null): number | null {
  return yuan === null ? null : yuan / YUAN_PER_WAN;
}

/** 万元 typed in a form → the whole 元 the API takes (1,234.5678 → 12,345,678). */
export function wanToYuan(wan: number): number {
  return Math.round(wan * YUAN_PER_WAN);
}

/** 元 → 万元 rounded to two decimals, for 万元 cells of Excel files (never −0). */
export function yuanToWanRounded(yuan: number | null): number | null {
  return yuan === null ? null : roundTo(yuan / YUAN_PER_WAN, 2);
}

/** 千瓦时 → 万千瓦时, exactly (用电量 is stored in kWh and shown in 万千瓦时, like money in 万元). */
export function kwhToWanKwh(kwh: number): number;
export function kwhToWanKwh(kwh: number | null): number | null;
export function kwhToWanKwh(kwh: number | null): number | null {
  return kwh === null ? null : kwh / KWH_PER_WAN_KWH;
}

/** 元 → 亿元 rounded to two decimals, for 亿元 columns, charts and Excel. */
export function yuanToYi(yuan: number): number;
export function yuanToYi(yuan: number | null): number | null;
export function yuanToYi(yuan: number | null): number | null {
  return yuan === null ? null : roundTo(yuan / YUAN_PER_YI, 2);
}

/** A ratio as a percentage number with one decimal (0.1234 → 12.3), for charts and Excel; null stays null. */
export function growthToPercent(ratio: number | null): number | null {
  return ratio === null ? null : roundTo(ratio * 100, 1);
}

/**
 * A stored fraction as the percent a form shows and takes, to two decimals (0.12345 → 12.35); null stays
 * null. The settings and target forms type percentages; the API keeps fractions.
 */
export function fractionToPercent(fraction: number): number;
export function fractionToPercent(fraction: number | null): number | null;
export function fractionToPercent(fraction: number | null): number | null {
  return fraction === null ? null : Math.round(fraction * 10_000) / 100;
}

/** A percent typed in a form as the fraction the API takes, to four decimals (12.345 → 0.1235): the inverse of `fractionToPercent`. */
export function percentToFraction(percent: number): number {
  return Math.round(percent * 100) / 10_000;
}

/** Percentage points (拉动) rounded to two decimals, for charts and Excel; null stays null. */
export function roundPp(pp: number | null): number | null {
  return pp === null ? null : roundTo(pp, 2);
}

/** A plain number with grouping, e.g. 12,345.6. */
export function formatNumber(value: number | null | undefined, locale: Locale, maxDigits = 2): string {
  if (isMissing(value)) return EMPTY;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: maxDigits }).format(roundTo(value, maxDigits));
}

/** A number always with `digits` decimals, never "-0": 5.2 → "5.20", −0.04 at 1 → "0.0" (chart labels, cells under a unit). */
export function formatFixed(value: number | null | undefined, locale: Locale, digits: number): string {
  if (isMissing(value)) return EMPTY;
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(roundTo(value, digits));
}

/** A number always with two decimals: 1.5 → "1.50" (cells whose header names the unit, e.g. 万千瓦时). */
export function formatFixed2(value: number | null | undefined, locale: Locale): string {
  return formatFixed(value, locale, 2);
}

/** `value` converted to a unit and shown with two decimals ('—' when missing): cells under a header naming the unit. */
function inUnit(value: number | null | undefined, locale: Locale, toUnit: (value: number) => number): string {
  return isMissing(value) ? EMPTY : formatFixed2(toUnit(value), locale);
}

/** An amount in 元 with two decimals and its unit; English shows the same amount in compact yuan. */
function withUnit(yuan: number | null | undefined, locale: Locale, toUnit: (yuan: number) => number, unit: '亿元' | '万元'): string {
  if (isMissing(yuan)) return EMPTY;
  if (locale === 'en') return formatCompactYuan(yuan);
  return `${inUnit(yuan, 'zh-CN', toUnit)}${unit}`;
}

/** An amount in 元 as a 亿元 number, always with two decimals: 150,000,000 → "1.50" (cells under a 亿元 header). */
export function formatYiNumber(yuan: number | null | undefined, locale: Locale): string {
  return inUnit(yuan, locale, yuanToYi);
}

/**
 * An amount in 元 in 亿元 with two decimals: 1,234,560,000 → "12.35亿元".
 * English shows the same amount in yuan: "CN¥1.23B".
 */
export function formatYi(yuan: number | null | undefined, locale: Locale): string {
  return withUnit(yuan, locale, yuanToYi, '亿元');
}

/** An amount in 元 as a 万元 number, always with two decimals: 34,565,000 → "3,456.50" (cells under a 万元 header). */
export function formatWanNumber(yuan: number | null | undefined, locale: Locale): string {
  return inUnit(yuan, locale, yuanToWan);
}

/** An amount in 元 in 万元 with two decimals: 34,565,000 → "3,456.50万元" (English: "CN¥34.57M"). */
export function formatWan(yuan: number | null | undefined, locale: Locale): string {
  return withUnit(yuan, locale, yuanToWan, '万元');
}

/** 用电量 in kWh as 万千瓦时 with two decimals: 2,339,200 → "233.92" (cells under a 万千瓦时 header). */
export function formatWanKwhNumber(kwh: number | null | undefined, locale: Locale): string {
  return inUnit(kwh, locale, kwhToWanKwh);
}

/**
 * An amount in 元: in 亿元 from 1 亿 up, in 万元 below. The switch looks at the amount as 万元 would
 * show it, so 9,999.999万 (which rounds to 10,000万) reads "1.00亿元", never "10,000万元".
 */
export function formatAmount(yuan: number | null | undefined, locale: Locale): string {
  if (isMissing(yuan)) return EMPTY;
  return Math.abs(roundTo(yuan / YUAN_PER_WAN, 2)) >= YUAN_PER_YI / YUAN_PER_WAN ? formatYi(yuan, locale) : formatWan(yuan, locale);
}

function formatCompactYuan(yuan: number): string {
  return new Intl.NumberFormat('en', { style: 'currency', currency: 'CNY', notation: 'compact', maximumFractionDigits: 2 }).format(yuan);
}

/** A ratio as a percentage: 0.1234 → "12.3%"; a rounded-away negative is "0.0%", never "-0.0%". */
export function formatPercent(ratio: number | null | undefined, locale: Locale, digits = 1): string {
  if (isMissing(ratio)) return EMPTY;
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    roundTo(ratio, digits + 2),
  );
}

/** A growth rate (a ratio) with its sign: 0.052 → "+5.2%", -0.031 → "-3.1%", zero (even −0.0001) "0.0%". */
export function formatGrowth(ratio: number | null | undefined, locale: Locale, digits = 1): string {
  if (isMissing(ratio)) return EMPTY;
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    signDisplay: 'exceptZero',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(roundTo(ratio, digits + 2));
}

/** 拉动: a contribution in percentage points with two decimals and its sign: 1.234 → "+1.23", −0.001 → "0.00". */
export function formatPp(pp: number | null | undefined, locale: Locale): string {
  if (isMissing(pp)) return EMPTY;
  return new Intl.NumberFormat(locale, { signDisplay: 'exceptZero', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    roundTo(pp, 2),
  );
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

/** A file's size as "820 B", "12.3 KB" or "4.5 MB" (1 KB = 1024 B), the same in both languages. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
