// The row errors of an import: where (row as Excel shows it, column, the cell) and why, in both
// languages until the answer picks the caller's.
import { translate, type Locale, type MessageKey } from '../../../shared/i18n/index.js';
import { AppError } from '../errors.js';

export type RowError = { row: number; column: string; value: string | null; reasonZh: string; reasonEn: string };

/** One row error with its reason in Chinese and English. */
export function rowError(
  row: number,
  column: string,
  value: string | null,
  key: MessageKey,
  params: Record<string, string | number> = {},
): RowError {
  return { row, column, value, reasonZh: translate('zh-CN', key, params), reasonEn: translate('en', key, params) };
}

/** The errors as an answer carries them: the reason in the caller's language. */
export function localizeRowErrors(errors: readonly RowError[], locale: Locale) {
  return errors.map((e) => ({ row: e.row, column: e.column, value: e.value, reason: locale === 'en' ? e.reasonEn : e.reasonZh }));
}

/**
 * A real import (not a dry run) whose file has row errors wrote nothing: that is a failed request
 * (400), with the whole report (every error) in its details. The synchronous import routes and their
 * jobs both answer through this, so a job's failure is the route's 400.
 */
export function refuseRowErrors<R extends { dryRun: boolean; errors: readonly unknown[] }>(report: R, messageKey: MessageKey): R {
  if (!report.dryRun && report.errors.length > 0) {
    throw new AppError('validation_failed', { messageKey, params: { count: report.errors.length }, details: report });
  }
  return report;
}
