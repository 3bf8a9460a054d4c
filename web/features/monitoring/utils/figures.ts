/** 元 → 亿元 rounded to two decimals, for tables, charts and Excel. */
export function yuanToYi(yuan: number): number {
  return Math.round(yuan / 1_000_000) / 100;
}

/** A growth fraction as a percentage with one decimal (0.1234 → 12.3), for charts and Excel; null stays null. */
export function growthToPercent(ratio: number | null): number | null {
  return ratio === null ? null : Math.round(ratio * 1000) / 10;
}

/** Percentage points rounded to two decimals. */
export function roundPp(pp: number | null): number | null {
  return pp === null ? null : Math.round(pp * 100) / 100;
}
