import type { MoneyUnit } from '../../../../shared/contracts/figures';

/** 元 per unit of money. */
export const YUAN_PER_UNIT: Record<MoneyUnit, number> = { 元: 1, 千元: 1000, 万元: 10_000 };

/**
 * A stored integer (元) as exact decimal text in a unit, for editing: 12,345,678 元 → "1234.5678" 万元.
 * Integer arithmetic on the digits, so no float ever rounds a figure the user did not change.
 */
export function toUnitText(value: number | null, perUnit: number): string {
  if (value === null) return '';
  const digits = String(perUnit).length - 1;
  const negative = value < 0;
  const abs = BigInt(Math.abs(value));
  const unit = BigInt(perUnit);
  const whole = abs / unit;
  const fraction = (abs % unit).toString().padStart(digits, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** A label at the start of a line: "gross output" → "Gross output" (Chinese text is unchanged). */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
