// Problems found in an imported row or an entered month, kept in both languages until the answer
// picks the caller's. Errors block the write; warnings need the user's explicit confirmation.
import type { FigureField, FigureIssue } from '../../../shared/contracts/figures.js';
import { translate, type Locale, type MessageKey } from '../../../shared/i18n/index.js';

/** Every problem the intake reports, each with its message key (`figures.issue.<code>`). */
export const ISSUE_KEYS = {
  // The file as a whole.
  fileEmpty: 'figures.issue.fileEmpty',
  notSpreadsheet: 'figures.issue.notSpreadsheet',
  legacyXls: 'figures.issue.legacyXls',
  unreadable: 'figures.issue.unreadable',
  headerNotFound: 'figures.issue.headerNotFound',
  duplicateColumn: 'figures.issue.duplicateColumn',
  unitMismatch: 'figures.issue.unitMismatch',
  noPeriod: 'figures.issue.noPeriod',
  badPeriodOption: 'figures.issue.badPeriodOption',
  noRows: 'figures.issue.noRows',
  // A row.
  usccMissing: 'figures.issue.usccMissing',
  usccInvalid: 'figures.issue.usccInvalid',
  unknownUscc: 'figures.issue.unknownUscc',
  unknownUsccSuggest: 'figures.issue.unknownUsccSuggest',
  periodMissing: 'figures.issue.periodMissing',
  periodInvalid: 'figures.issue.periodInvalid',
  periodFuture: 'figures.issue.periodFuture',
  periodTooEarly: 'figures.issue.periodTooEarly',
  periodMismatch: 'figures.issue.periodMismatch',
  notNumber: 'figures.issue.notNumber',
  negative: 'figures.issue.negative',
  notWhole: 'figures.issue.notWhole',
  tooLarge: 'figures.issue.tooLarge',
  duplicateRow: 'figures.issue.duplicateRow',
  ytdDecreased: 'figures.issue.ytdDecreased',
  ytdMismatch: 'figures.issue.ytdMismatch',
  cannotDerive: 'figures.issue.cannotDerive',
  janWithCombined: 'figures.issue.janWithCombined',
  janCombined: 'figures.issue.janCombined',
  combinedNotFebruary: 'figures.issue.combinedNotFebruary',
  // Warnings.
  unitSlip: 'figures.issue.unitSlip',
  unitSlipSmall: 'figures.issue.unitSlipSmall',
  prevYearMismatch: 'figures.issue.prevYearMismatch',
  prevYearNotDerived: 'figures.issue.prevYearNotDerived',
  profitAboveRevenue: 'figures.issue.profitAboveRevenue',
  currentPeriod: 'figures.issue.currentPeriod',
  januaryZeroed: 'figures.issue.januaryZeroed',
  emptyRow: 'figures.issue.emptyRow',
  periodFromTitle: 'figures.issue.periodFromTitle',
} as const satisfies Record<string, MessageKey>;
export type IssueCode = keyof typeof ISSUE_KEYS;

type Params = Record<string, string | number>;

/** A problem with the message still to be chosen; `params` may name fields, filled in per language. */
export type IssueDraft = {
  severity: 'error' | 'warning';
  row: number | null;
  column: string;
  value: string | null;
  code: IssueCode;
  params?: Params;
  /** Params that are figure fields, translated to the measure's name in each language. */
  fieldParams?: Record<string, FigureField>;
  /** Params that are amounts of a field, formatted with their unit in each language. */
  amountParams?: Record<string, { field: FigureField; value: number }>;
  /** A fixed reason per language (USCC check messages come ready-made). */
  fixed?: { zh: string; en: string };
};

/** Where a problem is: the file row (null for a form or the whole file), the column as headed, the cell text. */
export type IssueAt = { row: number | null; column: string; value: string | null };
type IssueExtra = Pick<IssueDraft, 'params' | 'fieldParams' | 'amountParams' | 'fixed'>;

export function errorIssue(at: IssueAt, code: IssueCode, extra: IssueExtra = {}): IssueDraft {
  return { severity: 'error', ...at, code, ...extra };
}

export function warningIssue(at: IssueAt, code: IssueCode, extra: IssueExtra = {}): IssueDraft {
  return { severity: 'warning', ...at, code, ...extra };
}

/** The measure's name in the language: 工业总产值 / gross output. */
export function fieldLabel(locale: Locale, field: FigureField): string {
  return translate(locale, `figures.field.${field}`);
}

/** An amount with its unit for messages: "12,345,678 元", "3,200 kWh", "56 人". */
export function formatAmount(locale: Locale, field: FigureField, value: number): string {
  const unit =
    field === 'electricityKwh'
      ? 'kWh'
      : field === 'employees'
        ? translate(locale, 'figures.unit.persons')
        : translate(locale, 'figures.unit.yuan');
  return `${new Intl.NumberFormat('en-US').format(value)} ${unit}`;
}

/** The reason in one language (an English sentence starts with a capital, even when it opens with a measure). */
export function issueReason(locale: Locale, issue: IssueDraft): string {
  if (issue.fixed) return locale === 'en' ? issue.fixed.en : issue.fixed.zh;
  const text = reasonText(locale, issue);
  return locale === 'en' ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

function reasonText(locale: Locale, issue: IssueDraft): string {
  const params: Params = { ...issue.params };
  for (const [name, field] of Object.entries(issue.fieldParams ?? {})) params[name] = fieldLabel(locale, field);
  for (const [name, amount] of Object.entries(issue.amountParams ?? {})) params[name] = formatAmount(locale, amount.field, amount.value);
  return translate(locale, ISSUE_KEYS[issue.code], params);
}

export function localizeIssue(locale: Locale, issue: IssueDraft): FigureIssue {
  return { row: issue.row, column: issue.column, value: issue.value, code: issue.code, reason: issueReason(locale, issue) };
}

/** Issues in file order (by row, file-level ones first), errors and warnings apart. */
export function sortIssues(issues: readonly IssueDraft[]): IssueDraft[] {
  return [...issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}
