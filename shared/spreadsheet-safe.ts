// Formula injection (CSV/xlsx injection): a text cell that begins with = + - @ (or a tab or carriage
// return) may be run as a formula by Excel or WPS when a user opens or edits an exported file, e.g.
// a firm named `=HYPERLINK("http://…")`. Every export neutralises such text by prefixing a single
// quote, as OWASP recommends; numbers stored as numbers (a negative profit) and text that is only a
// number ("-12.5", "+3%", "-0.52 亿元") or a lone dash are left as they are, since they cannot run anything.

const RISKY_START = /^[=+\-@\t\r]/;
/** A signed number, perhaps with a percent sign or a Chinese unit ("-0.52 亿元", "+1.2个百分点"): nothing to run. */
const PLAIN_NUMBER = /^[+-]?\d[\d,]*(\.\d+)?\s*%?\s*\p{Script=Han}*$/u;

/** The text to write into a spreadsheet cell so that it is shown, never evaluated. */
export function neutraliseFormulaText(text: string): string {
  if (!RISKY_START.test(text) || text === '-' || PLAIN_NUMBER.test(text)) return text;
  return `'${text}`;
}

/** A cell value as exports write it: text neutralised, numbers, booleans and empty cells unchanged. */
export function safeCell<T>(value: T): T | string {
  return typeof value === 'string' ? neutraliseFormulaText(value) : value;
}
