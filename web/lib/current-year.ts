/** This year in Beijing time: the default year of the chain list, as the server picks it. */
export function currentYear(now: Date = new Date()): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now));
}

/** Reads `?year=` from the address: a 4-digit year, else this year. */
export function readYear(value: string | null): number {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n >= 1990 && n <= 2100 ? n : currentYear();
}
