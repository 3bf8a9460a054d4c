// The row errors of an import: where (row as Excel shows it, column, the cell) and why, in both
// languages until the answer picks the caller's.
import { translate, type Locale, type MessageKey } from '../../../shared/i18n/index.js';

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
