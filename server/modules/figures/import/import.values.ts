// Reading the values of a monthly-figures row: the period in the ways people write it, and amounts
// converted exactly to integer 元 (or kWh, persons).
import { cellText, numberText, type SheetCell } from '../../../lib/spreadsheet/cells.js';
import { isWholeNumber, parseDecimal, scaleToInteger } from '../../../lib/spreadsheet/decimal.js';
import type { MoneyUnit } from '../../../../shared/contracts/figures.js';

/** 元 per unit of money. */
export const UNIT_MULTIPLIER: Record<MoneyUnit, bigint> = { 元: 1n, 千元: 1000n, 万元: 10_000n };

export type ParsedPeriod = {
  /** 'YYYY-MM'; a 1–N月 range names its last month. */
  period: string;
  /** The text named a range 1–N月 (N ≥ 2): its values are year-to-date unless a header says 当月. */
  cumulative: boolean;
  /** The range is 1–2月: one combined figure for January and February. */
  janFebCombined: boolean;
};

const RANGE_SEPARATOR = '[-~至到—–]';
const PATTERNS: readonly { re: RegExp; range?: true }[] = [
  { re: new RegExp(`^(\\d{4})年?1${RANGE_SEPARATOR}(\\d{1,2})月$`), range: true },
  // Not "-" between the months here: 2024-01-02 is a date (January), not 1–2月.
  { re: /^(\d{4})[-/.]0?1[~至到—–]0?(\d{1,2})$/, range: true },
  { re: /^(\d{4})年(\d{1,2})月份?$/ },
  { re: /^(\d{4})年(\d{1,2})月(\d{1,2})日$/ },
  { re: /^(\d{4})[-/.](\d{1,2})$/ },
  { re: /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/ },
  { re: /^(\d{4})(\d{2})$/ },
];

function format(year: number, month: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12) return null;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** Excel's day serial (1900 date system, counting the phantom 1900-02-29 like Excel) to a month. */
function serialToPeriod(serial: number): string | null {
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return format(date.getUTCFullYear(), date.getUTCMonth() + 1);
}

/**
 * A period as people write it: 2024-06, 2024/6, 2024.06, 2024年6月, 202406, a date (2024-06-30,
 * an Excel date cell or its day serial), or a range 2024年1-6月 (cumulative; 1-2月 is the combined
 * January–February figure). A decimal number such as 2024.1 is refused: Excel turned "2024.10"
 * into it and the month cannot be told. Returns null when it is none of these.
 */
export function parsePeriodCell(cell: SheetCell | undefined): ParsedPeriod | null {
  const plain = (period: string | null): ParsedPeriod | null => (period ? { period, cumulative: false, janFebCombined: false } : null);
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : plain(format(cell.getUTCFullYear(), cell.getUTCMonth() + 1));
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell)) return null;
    if (cell >= 190001 && cell <= 210012) return plain(format(Math.floor(cell / 100), cell % 100));
    if (cell >= 20_000 && cell <= 80_000) return plain(serialToPeriod(cell));
    return null;
  }
  const text = cellText(cell).normalize('NFKC').replace(/\s+/g, '');
  for (const { re, range } of PATTERNS) {
    const match = re.exec(text);
    if (!match) continue;
    const year = Number(match[1]);
    const month = Number(match[2]);
    const period = format(year, month);
    if (!period) return null;
    if (range && month >= 2) return { period, cumulative: true, janFebCombined: month === 2 };
    return plain(period);
  }
  return null;
}

/** A period written inside a title ("…主要指标（2024年1-6月）", "2024年6月规上工业…"): the first one. */
const TITLE_PERIOD = new RegExp(`(\\d{4})年(?:1${RANGE_SEPARATOR})?(\\d{1,2})月`);

/** The period a title row names, with the text that names it; null when it names none. */
export function periodInTitle(text: string): { text: string; period: ParsedPeriod } | null {
  const match = TITLE_PERIOD.exec(text.normalize('NFKC').replace(/\s+/g, ''));
  if (!match) return null;
  const period = parsePeriodCell(match[0]);
  return period ? { text: match[0], period } : null;
}

/** Texts that mean "nothing reported" in Chinese tables: empty, "-", "—", "/". */
const EMPTY_MARKS = /^[-—–/－]*$/;

export type AmountProblem = 'notNumber' | 'negative' | 'notWhole' | 'tooLarge';
export type Amount =
  { kind: 'empty' } | { kind: 'value'; value: number; text: string } | { kind: 'invalid'; problem: AmountProblem; text: string };

/**
 * A cell's amount × multiplier as an integer, exactly (decimal arithmetic, no float), rounded half
 * away from zero to the stored unit. Negative values only where allowed (利润总额 may be negative);
 * `whole` refuses fractions (从业人员 is a head count).
 */
export function parseAmount(cell: SheetCell | undefined, multiplier: bigint, rules: { allowNegative: boolean; whole: boolean }): Amount {
  const text = typeof cell === 'number' ? numberText(cell) : cellText(cell);
  if (typeof cell !== 'boolean' && !(cell instanceof Date)) {
    const fast = plainAmount(text, multiplier, rules);
    if (fast) return fast;
  }
  if (EMPTY_MARKS.test(text.normalize('NFKC'))) return { kind: 'empty' };
  if (typeof cell === 'boolean' || cell instanceof Date) return { kind: 'invalid', problem: 'notNumber', text };
  const decimal = parseDecimal(text);
  if (!decimal) return { kind: 'invalid', problem: 'notNumber', text };
  if (decimal.negative && !rules.allowNegative) return { kind: 'invalid', problem: 'negative', text };
  if (rules.whole && !isWholeNumber(decimal)) return { kind: 'invalid', problem: 'notWhole', text };
  const scaled = scaleToInteger(decimal, multiplier);
  if (scaled > BigInt(Number.MAX_SAFE_INTEGER) || scaled < -BigInt(Number.MAX_SAFE_INTEGER))
    return { kind: 'invalid', problem: 'tooLarge', text };
  return { kind: 'value', value: Number(scaled), text };
}

/** A plain number as most files write it: digits, a point and up to 9 decimals, maybe a minus. */
const PLAIN_NUMBER = /^(-?)(\d{1,15})(?:\.(\d{1,9}))?$/;
const POWERS_OF_TEN = Array.from({ length: 10 }, (_, i) => 10 ** i);
const EXACT_BELOW = 2 ** 52;

/**
 * parseAmount of a plain number (PLAIN_NUMBER) in integer arithmetic on doubles, exact as long as every
 * step stays a safe integer: the same answer as the decimal path (a test holds the two side by side),
 * without a BigInt per cell (an import reads 600,000 cells for 100,000 rows). Null for anything else
 * (thousands separators, full-width digits, exponents, brackets, too many digits): the decimal path reads those.
 */
function plainAmount(text: string, multiplier: bigint, rules: { allowNegative: boolean; whole: boolean }): Amount | null {
  const match = PLAIN_NUMBER.exec(text);
  if (!match) return null;
  const [, sign = '', whole = '', fraction = ''] = match;
  const scale = POWERS_OF_TEN[fraction.length] ?? 0;
  const digits = Number(whole) * scale + (fraction === '' ? 0 : Number(fraction));
  const times = Number(multiplier);
  // Below 2^52 the product, its quotient and the check of the quotient below are all exact.
  if (scale === 0 || !Number.isSafeInteger(digits) || !Number.isSafeInteger(times) || digits > EXACT_BELOW / times) return null;
  const negative = sign === '-' && digits !== 0;
  if (negative && !rules.allowNegative) return { kind: 'invalid', problem: 'negative', text };
  if (rules.whole && digits % scale !== 0) return { kind: 'invalid', problem: 'notWhole', text };
  const product = digits * times;
  let quotient = Math.floor(product / scale);
  let rest = product - quotient * scale;
  // The division is a double's: put a quotient rounded across an integer back.
  if (rest < 0) {
    quotient -= 1;
    rest += scale;
  } else if (rest >= scale) {
    quotient += 1;
    rest -= scale;
  }
  const magnitude = rest * 2 >= scale ? quotient + 1 : quotient;
  return { kind: 'value', value: negative ? -magnitude : magnitude, text };
}
