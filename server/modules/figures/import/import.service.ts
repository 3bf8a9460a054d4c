// The monthly-figures import, shared by HTTP and the CLI: read the file as a stream, check every
// row, derive 当月 values, then write all of it in one transaction or nothing at all.
import type { FigureField, ImportProgress, ImportReport, MoneyUnit } from '../../../../shared/contracts/figures.js';
import { translate, type Locale } from '../../../../shared/i18n/index.js';
import type { Db } from '../../../db/client.js';
import { AppError } from '../../../lib/errors.js';
import { importQueue } from '../../../lib/import-queue.js';
import { limitAppError, SpreadsheetError, type SpreadsheetProblem } from '../../../lib/spreadsheet/errors.js';
import { openSheet, type SheetSource } from '../../../lib/spreadsheet/read-rows.js';
import { requireAccess } from '../../access/access.policy.js';
import type { Actor } from '../../access/actor.js';
import { recordAudit } from '../../audit/audit.service.js';
import { planWrites, warnAboutWrites } from '../figures.changes.js';
import { recheckMonthsInReview } from '../../periods/periods.service.js';
import { stagedWrites } from '../figures.writes.js';
import { staleDerivedOf } from '../figures.derived.js';
import { errorIssue, localizeIssue, sortIssues, warningIssue, type IssueCode, type IssueDraft } from '../figures.issues.js';
import { canImportFigures, canWriteFirmFigures } from '../figures.policy.js';
import { selectFirmFacts, selectFirmsByName, withIndexJoins } from '../figures.queries.js';
import { loadStored } from '../figures.stored.js';
import { deriveMonths } from './import.derive.js';
import { readFigureRows, type FileRow, type ReadResult } from './import.read.js';
import { parsePeriodCell, UNIT_MULTIPLIER, type ParsedPeriod } from './import.values.js';
import { currentPeriod } from '../../../../shared/stats/period.js';
import { minMax, pushAll } from '../../../../shared/arrays.js';

/** Largest upload: 20 MB holds far more than a city's monthly report (a 50,000-row CSV is ~6 MB). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

export type ImportInput = {
  source: SheetSource;
  fileName: string | null;
  dryRun: boolean;
  acceptWarnings: boolean;
  /** The period of rows without one, as the user wrote it (2024-06, 2024年6月, 2024年1-2月…). */
  period?: string;
  unit: MoneyUnit;
  now?: Date;
  /** Told how far the import is (the import screen's progress). */
  onProgress?: (progress: ImportProgress) => void;
};

/** Months written per step of the transaction (and per progress report). */
const WRITE_STEP = 5_000;

/** The report with issues in both languages until the caller picks one. */
export type ImportOutcome = Omit<ImportReport, 'errors' | 'warnings'> & { errors: IssueDraft[]; warnings: IssueDraft[] };

export function localizeOutcome(outcome: ImportOutcome, locale: Locale): ImportReport {
  return {
    ...outcome,
    errors: outcome.errors.map((i) => localizeIssue(locale, i)),
    warnings: outcome.warnings.map((i) => localizeIssue(locale, i)),
  };
}

/** The HTTP answer of an import: the report (200), or with row errors the report and the error (400). */
export function importAnswerOf(
  outcome: ImportOutcome,
  locale: Locale,
): { status: number; body: ImportReport | (ImportReport & { error: { code: string; message: string } }) } {
  const report = localizeOutcome(outcome, locale);
  if (report.errors.length === 0) return { status: 200, body: report };
  const message = translate(locale, 'figures.error.importRejected', { count: report.errors.length });
  return { status: 400, body: { ...report, error: { code: 'validation_failed', message } } };
}

const PROBLEM_CODES: Record<Exclude<SpreadsheetProblem, 'too_large'>, IssueCode> = {
  empty: 'fileEmpty',
  not_spreadsheet: 'notSpreadsheet',
  legacy_xls: 'legacyXls',
  unreadable: 'unreadable',
};

const NO_PLACE = { row: null, column: '', value: null };

/**
 * The codes on record of firms named in the file, for suggestions: only firms the actor may report
 * for (a suggestion must not reveal a firm outside the actor's scope).
 */
async function codesByName(db: Db, actor: Actor, names: readonly string[]): Promise<Map<string, string>> {
  const found = await selectFirmsByName(db, names);
  const facts = new Map(
    (
      await selectFirmFacts(
        db,
        found.map((f) => f.uscc),
      )
    ).map((f) => [f.uscc, f]),
  );
  const allowed = found.filter((f) => {
    const fact = facts.get(f.uscc);
    return fact !== undefined && canWriteFirmFigures(actor, fact);
  });
  return new Map(allowed.map((f) => [f.name, f.uscc]));
}

/** A code that fails its check (usually a typo): the code on record of the firm named in the same row, if any. */
async function suggestForInvalidCodes(db: Db, actor: Actor, issues: IssueDraft[]): Promise<void> {
  const invalid = issues.filter((i) => i.code === 'usccInvalid' && typeof i.params?.name === 'string');
  if (invalid.length === 0) return;
  const byName = await codesByName(db, actor, [...new Set(invalid.map((i) => String(i.params?.name)))]);
  for (const issue of invalid) {
    const name = String(issue.params?.name);
    const suggestion = byName.get(name);
    if (!suggestion || !issue.fixed) continue;
    issue.fixed = {
      zh: `${issue.fixed.zh}；名录中“${name}”的代码是 ${suggestion}，请核对`,
      en: `${issue.fixed.en}; the register has "${name}" as ${suggestion}, please check`,
    };
  }
}

/** Unknown USCCs and firms outside the actor's scope, alike (with the code of a firm of the same name the actor may write, if any). */
async function checkFirms(
  db: Db,
  actor: Actor,
  rows: readonly FileRow[],
  usccHeader: string,
): Promise<{ known: FileRow[]; issues: IssueDraft[] }> {
  const facts = new Map((await selectFirmFacts(db, [...new Set(rows.map((r) => r.uscc))])).map((f) => [f.uscc, f]));
  const unknownNames = [...new Set(rows.filter((r) => !facts.has(r.uscc) && r.name).map((r) => r.name ?? ''))];
  const byName = await codesByName(db, actor, unknownNames);
  const known: FileRow[] = [];
  const issues: IssueDraft[] = [];
  for (const row of rows) {
    const at = { row: row.row, column: usccHeader, value: row.uscc };
    const firm = facts.get(row.uscc);
    // A registered firm outside the caller's scope gets the very same issue as an unknown code, so
    // an import cannot be used to learn which codes are registered elsewhere in the city.
    if (!firm || !canWriteFirmFigures(actor, firm)) {
      const suggestion = row.name ? byName.get(row.name) : undefined;
      issues.push(
        suggestion
          ? errorIssue(at, 'unknownUsccSuggest', { params: { uscc: row.uscc, name: row.name ?? '', suggestion } })
          : errorIssue(at, 'unknownUscc', { params: { uscc: row.uscc } }),
      );
    } else known.push(row);
  }
  return { known, issues };
}

/** The stored months an import needs: from January of the year before its first year to its last December. */
function yearRange(rows: readonly FileRow[]): { from: string; to: string } | null {
  const years = minMax(rows.map((r) => Number(r.period.slice(0, 4))));
  return years ? { from: `${years.min - 1}-01`, to: `${years.max}-12` } : null;
}

async function runImport(db: Db, actor: Actor, input: ImportInput): Promise<ImportOutcome> {
  const now = input.now ?? new Date();
  const outcome: ImportOutcome = {
    dryRun: input.dryRun,
    written: false,
    confirmationRequired: false,
    fileName: input.fileName,
    format: null,
    encoding: null,
    headerRow: null,
    rows: 0,
    periods: [],
    staleDerived: [],
    created: 0,
    updated: 0,
    unchanged: 0,
    ignoredColumns: [],
    errors: [],
    warnings: [],
  };
  let periodOption: ParsedPeriod | null = null;
  if (input.period !== undefined && input.period !== '') {
    periodOption = parsePeriodCell(input.period);
    if (!periodOption)
      return {
        ...outcome,
        errors: [errorIssue({ ...NO_PLACE, value: input.period }, 'badPeriodOption', { params: { value: input.period } })],
      };
  }

  let read: ReadResult;
  try {
    const sheet = await openSheet(input.source);
    outcome.format = sheet.format;
    outcome.encoding = sheet.encoding;
    const onRows = (rows: number) => input.onProgress?.({ phase: 'read', done: rows, total: null });
    read = await readFigureRows(sheet.rows, { periodOption, moneyMultiplier: UNIT_MULTIPLIER[input.unit], now, onRows });
  } catch (err) {
    if (!(err instanceof SpreadsheetError)) throw err;
    // Over a limit (a zip bomb, a million columns): refused as a whole (413), nothing read further.
    if (err.limit || err.problem === 'too_large') throw err.limit ? limitAppError(err.limit) : new AppError('spreadsheet_too_large');
    return { ...outcome, errors: [errorIssue(NO_PLACE, PROBLEM_CODES[err.problem], { params: { detail: err.message } })] };
  }
  outcome.headerRow = read.headerRow;
  outcome.rows = read.dataRows;
  outcome.ignoredColumns = read.ignoredColumns;
  outcome.periods = [...new Set(read.rows.map((r) => r.period))].sort();
  input.onProgress?.({ phase: 'check', done: read.dataRows, total: read.dataRows });
  const issues = [...read.issues];
  await suggestForInvalidCodes(db, actor, issues);

  const usccHeader = read.columns.find((c) => c.spec.kind === 'uscc')?.header ?? '';
  const firms = await checkFirms(db, actor, read.rows, usccHeader);
  pushAll(issues, firms.issues);
  const range = yearRange(firms.known);
  const { stored, marks } = range
    ? await loadStored(db, [...new Set(firms.known.map((r) => r.uscc))], range.from, range.to)
    : { stored: new Map(), marks: new Set<string>() };
  const derived = deriveMonths(firms.known, stored, marks);
  // The parsed rows are done with: let them go before the writes are planned (50,000 rows are tens of MB).
  read.rows = [];
  firms.known = [];
  pushAll(issues, derived.issues);
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0)
    return { ...outcome, errors: sortIssues(errors), warnings: sortIssues(issues.filter((i) => i.severity === 'warning')) };

  const plan = planWrites(derived.sets, stored, marks, { replace: false });
  derived.sets = [];
  const current = currentPeriod(now);
  if (outcome.periods.includes(current)) issues.push(warningIssue(NO_PLACE, 'currentPeriod', { params: { period: current } }));
  const label = (field: FigureField) => translate('zh-CN', `figures.field.${field}`);
  pushAll(issues, await warnAboutWrites(db, plan.writes, stored, label));
  // The writes keep the stored months they change (their `before`); the rest is no longer needed, nor
  // are the cells the values came from (only messages name them): that frees the parsed values.
  stored.clear();
  for (const write of plan.writes) write.sources = {};
  const warnings = sortIssues(issues.filter((i) => i.severity === 'warning'));
  const counts = {
    created: plan.writes.filter((w) => w.before === null).length,
    updated: plan.writes.filter((w) => w.before !== null).length,
    unchanged: plan.unchanged,
  };
  const checked = { ...outcome, ...counts, warnings };
  if (input.dryRun) return checked;
  if (warnings.length > 0 && !input.acceptWarnings) return { ...checked, confirmationRequired: true };
  if (plan.writes.length === 0) return checked;

  const total = plan.writes.length;
  await db.transaction(async (tx) => {
    // The months are loaded into a temporary table in steps, each reported (but the last, reported once
    // the months are written), and written by one statement at the end; all in the one transaction. Each
    // step's statements are built and queued on the transaction's connection while the database still
    // runs the step before: the application's work and the database's overlap instead of taking turns.
    await withIndexJoins(tx, async () => {
      const staged = await stagedWrites(tx, actor, 'import');
      let running: { step: Promise<void>; done: number } | null = null;
      const finish = async (previous: { step: Promise<void>; done: number }, next: Promise<void> | null) => {
        const failed = await previous.step.then(
          () => null,
          (err: unknown) => ({ err }),
        );
        if (failed) {
          // The next step must have stopped issuing statements before the transaction rolls back: one
          // issued after the rollback would run outside the transaction.
          await next?.catch(() => undefined);
          throw failed.err;
        }
        if (next) input.onProgress?.({ phase: 'write', done: previous.done, total });
      };
      for (let start = 0; start < total; start += WRITE_STEP) {
        const step = staged.stage(plan.writes.slice(start, start + WRITE_STEP));
        // Awaited in finish; until then a failure must not count as unhandled.
        step.catch(() => undefined);
        if (running) await finish(running, step);
        running = { step, done: Math.min(start + WRITE_STEP, total) };
      }
      if (running) await finish(running, null);
      await staged.merge();
      input.onProgress?.({ phase: 'write', done: total, total });
    });
    await recordAudit(tx, actor, {
      action: 'import',
      entity: 'monthly_figures',
      after: {
        fileName: input.fileName,
        format: outcome.format,
        encoding: outcome.encoding,
        periods: outcome.periods,
        rows: outcome.rows,
        ...counts,
        warningsAccepted: warnings.length,
      },
    });
  });
  // A month under review is checked again: a new slip or swing is held back until settled.
  await recheckMonthsInReview(
    db,
    plan.writes.map((w) => w.period),
  );
  // A revision of an earlier month can leave a month derived from a 累计 stale: say so (re-derived on the firm's page).
  const staleDerived = await staleDerivedOf(db, [...new Set(plan.writes.map((w) => w.uscc))]);
  return { ...checked, written: true, staleDerived };
}

/**
 * Imports a monthly-figures file (see figures.policy.ts for who may). Every row is checked and every
 * problem listed (row, column, reason); with any error nothing is written. Warnings stop the import
 * unless `acceptWarnings`. Otherwise new months are created and changed ones updated in one
 * transaction, each write keeping a revision (old and new values), plus one audit entry for the
 * import; months equal to the stored ones count as unchanged and write nothing, so importing the
 * same file twice is harmless. With `dryRun` nothing is written and the counts say what would be.
 * One import runs at a time per server (server/lib/import-queue.ts): a later one waits, its place
 * reported as a `queued` progress line, or is refused with 429 when the queue is full.
 */
export async function importFigures(db: Db, actor: Actor, input: ImportInput): Promise<ImportOutcome> {
  requireAccess(canImportFigures(actor));
  return importQueue.run(
    () => runImport(db, actor, input),
    (ahead) => input.onProgress?.({ phase: 'queued', done: ahead, total: null }),
  );
}
