/** Why a file could not be read as a table; callers turn the code into a message in the user's language. */
export const SPREADSHEET_PROBLEMS = ['empty', 'not_spreadsheet', 'legacy_xls', 'unreadable'] as const;
export type SpreadsheetProblem = (typeof SPREADSHEET_PROBLEMS)[number];

export class SpreadsheetError extends Error {
  override name = 'SpreadsheetError';
  readonly problem: SpreadsheetProblem;

  constructor(problem: SpreadsheetProblem, detail?: string) {
    super(detail ? `${problem}: ${detail}` : problem);
    this.problem = problem;
  }
}
