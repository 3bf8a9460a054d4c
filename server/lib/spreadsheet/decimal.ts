// Exact decimal arithmetic for numbers read from tables: money must never pass through a binary
// float, so "1234.5678" 万元 becomes 12,345,678 元 by integer arithmetic on its digits.

/** ±digits × 10^exponent. */
export type Decimal = { negative: boolean; digits: bigint; exponent: number };

const NUMBER = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d{1,4}))?$/i;

/**
 * Parses a number as people type it in a table: thousands separators (1,234.5), full-width digits,
 * a leading + or − (also U+2212), accounting negatives in brackets "(123)", an exponent (1.5E+6).
 * Returns null for anything else, including an empty text.
 */
export function parseDecimal(input: string): Decimal | null {
  let text = input
    .normalize('NFKC')
    .replace(/[\s,]/g, '')
    .replace(/\u2212/g, '-');
  let bracketNegative = false;
  const bracketed = /^\((.*)\)$/.exec(text);
  if (bracketed) {
    text = bracketed[1] ?? '';
    bracketNegative = true;
  }
  const match = NUMBER.exec(text);
  if (!match) return null;
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
  if (whole === '' && fraction === '') return null;
  if (bracketNegative && sign !== '') return null;
  const digits = BigInt(`${whole}${fraction}` || '0');
  return { negative: (sign === '-' || bracketNegative) && digits !== 0n, digits, exponent: Number(exponent) - fraction.length };
}

/**
 * value × multiplier as an integer, rounded half away from zero (2.5 → 3, −2.5 → −3): the rule of
 * statistical tables, applied once after the exact multiplication.
 */
export function scaleToInteger(value: Decimal, multiplier: bigint): bigint {
  let magnitude = value.digits * multiplier;
  if (value.exponent >= 0) magnitude *= 10n ** BigInt(value.exponent);
  else {
    const divisor = 10n ** BigInt(-value.exponent);
    const quotient = magnitude / divisor;
    magnitude = (magnitude % divisor) * 2n >= divisor ? quotient + 1n : quotient;
  }
  return value.negative ? -magnitude : magnitude;
}

/** Whether the value has no fractional part (for counts such as 从业人员). */
export function isWholeNumber(value: Decimal): boolean {
  if (value.exponent >= 0) return true;
  return value.digits % 10n ** BigInt(-value.exponent) === 0n;
}
