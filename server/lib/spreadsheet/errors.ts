import type { MessageKey } from '../../../shared/i18n/index.js';
import { AppError } from '../errors.js';
import type { SheetLimitKind } from './limits.js';

/** Why a file could not be read as a table; callers turn the code into a message in the user's language. */
export const SPREADSHEET_PROBLEMS = ['empty', 'not_spreadsheet', 'legacy_xls', 'unreadable', 'too_large'] as const;
export type SpreadsheetProblem = (typeof SPREADSHEET_PROBLEMS)[number];

/** A limit of server/lib/spreadsheet/limits.ts the file went over: which, its value, where (a ZIP part or a row). */
export type ExceededLimit = { kind: SheetLimitKind; max: number; where: string };

export class SpreadsheetError extends Error {
  override name = 'SpreadsheetError';
  readonly problem: SpreadsheetProblem;
  readonly limit: ExceededLimit | null;

  constructor(problem: SpreadsheetProblem, detail?: string, limit?: ExceededLimit) {
    super(detail ? `${problem}: ${detail}` : problem);
    this.problem = problem;
    this.limit = limit ?? null;
  }
}

/** The file went over a limit: reading stops at once (nothing more is unpacked or parsed). */
export function limitError(kind: SheetLimitKind, max: number, where: string): SpreadsheetError {
  return new SpreadsheetError('too_large', `${kind} > ${max} (${where})`, { kind, max, where });
}

function formatLimit(kind: SheetLimitKind, max: number): string {
  if (kind.endsWith('Bytes')) return `${Math.round(max / 1024 / 1024)} MB`;
  if (kind === 'ratio') return `${max}:1`;
  return max.toLocaleString('en-US');
}

/**
 * The API error for a file over a limit (413 spreadsheet_too_large): the message names the limit,
 * its value and where in the file it was passed; `details` carries the same for programs.
 */
export function limitAppError(limit: ExceededLimit): AppError {
  return new AppError('spreadsheet_too_large', {
    messageKey: `spreadsheet.limit.${limit.kind}`,
    params: { max: formatLimit(limit.kind, limit.max), where: limit.where },
    details: { limit: limit.kind, max: limit.max, where: limit.where },
  });
}

const PROBLEM_MESSAGES: Record<Exclude<SpreadsheetProblem, 'too_large'>, MessageKey> = {
  empty: 'enterprises.import.empty',
  legacy_xls: 'enterprises.import.legacyXls',
  not_spreadsheet: 'enterprises.import.notSpreadsheet',
  unreadable: 'enterprises.import.notSpreadsheet',
};

/** The API error for an uploaded file that could not be read: 413 over a limit, otherwise 400 saying why. */
export function spreadsheetAppError(err: SpreadsheetError): AppError {
  if (err.problem === 'too_large') return err.limit ? limitAppError(err.limit) : new AppError('spreadsheet_too_large');
  return new AppError('validation_failed', { messageKey: PROBLEM_MESSAGES[err.problem] });
}
