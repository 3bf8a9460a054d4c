import fs from 'node:fs';
import path from 'node:path';
import { MONEY_UNITS, type MoneyUnit } from '../../../shared/contracts/figures.js';
import { SYSTEM_ACTOR } from '../../modules/access/actor.js';
import { issueReason, type IssueDraft } from '../../modules/figures/figures.issues.js';
import { importFigures } from '../../modules/figures/import/import.service.js';
import { defineCommand } from '../command.js';
import type { CliIo } from '../io.js';

/** Exit code when warnings stopped the import (nothing written; rerun with --accept-warnings). */
export const WARNINGS_EXIT_CODE = 3;

/** The import wrote nothing because of warnings: the run ends with {@link WARNINGS_EXIT_CODE}. */
export class ImportStoppedError extends Error {
  override name = 'ImportStoppedError';
  readonly exitCode = WARNINGS_EXIT_CODE;
}

/**
 * Ends an import its warnings held back (nothing written; rerun with --accept-warnings), saying what
 * it would have done (`counts`).
 */
export function stopForWarnings(io: CliIo, outcome: { confirmationRequired: boolean; warnings: readonly unknown[] }, counts: string): void {
  if (!outcome.confirmationRequired) return;
  io.err(`将 (would be): ${counts}`);
  throw new ImportStoppedError(
    `有 ${outcome.warnings.length} 条警告，未写入；核对后加 --accept-warnings 重新运行 (${outcome.warnings.length} warnings; nothing written: check them, then rerun with --accept-warnings)`,
  );
}

function isMoneyUnit(value: string): value is MoneyUnit {
  return MONEY_UNITS.some((u) => u === value);
}

/** One problem per line: where it is, then the reason in Chinese and English. */
function issueLine(issue: IssueDraft): string {
  const place = [
    issue.row === null ? '文件 (file)' : `第 ${issue.row} 行 (row ${issue.row})`,
    issue.column,
    issue.value === null ? '' : `“${issue.value}”`,
  ]
    .filter((p) => p !== '')
    .join(' · ');
  const zh = issueReason('zh-CN', issue);
  const en = issueReason('en', issue).replace(/\.$/, '');
  return `  ${place}: ${zh === en ? zh : `${zh} (${en})`}`;
}

function printIssues(io: CliIo, title: string, issues: readonly IssueDraft[]): void {
  if (issues.length === 0) return;
  io.err(title);
  for (const issue of issues) io.err(issueLine(issue));
}

/**
 * `import-monthly`: the same import as the web screen (same service, same checks), as the system
 * actor. Exit codes: 0 imported (or checked, with --dry-run), 1 errors (every row listed, nothing
 * written), 2 wrong usage, 3 warnings without --accept-warnings (listed, nothing written).
 */
export const importMonthlyCommand = defineCommand({
  name: 'import-monthly',
  usage: 'import-monthly <file> [--period YYYY-MM] [--unit 元|千元|万元] [--dry-run] [--accept-warnings]',
  summary: '导入企业月度数据（xlsx 或 csv）；有警告时需加 --accept-warnings (import monthly figures; warnings need --accept-warnings)',
  options: { period: { type: 'string' }, unit: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'accept-warnings': { type: 'boolean' } },
  positionals: ['<file>'],
  run: async ({ values, positionals: [file = ''], io, usageError, database }) => {
    const unit = values.unit ?? '元';
    if (!isMoneyUnit(unit)) throw usageError('--unit 应为 元、千元 或 万元 (--unit must be 元, 千元 or 万元)');
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new Error(`文件不存在：${file} (no such file)`);
    const outcome = await database(
      ({ db }) =>
        importFigures(db, SYSTEM_ACTOR, {
          source: { path: file },
          fileName: path.basename(file),
          dryRun: values['dry-run'] === true,
          acceptWarnings: values['accept-warnings'] === true,
          period: values.period,
          unit,
        }),
      { announce: true },
    );
    const format = outcome.format === null ? '' : ` (${outcome.format}${outcome.encoding ? `, ${outcome.encoding}` : ''})`;
    io.out(
      `文件 (file): ${path.basename(file)}${format}，表头第 ${outcome.headerRow ?? '-'} 行 (header row)，${outcome.rows} 行数据 (data rows)，期别 (periods) ${outcome.periods.join(', ') || '-'}`,
    );
    if (outcome.ignoredColumns.length > 0) io.out(`未识别的列，已忽略 (ignored columns): ${outcome.ignoredColumns.join(', ')}`);
    printIssues(io, `警告 (warnings): ${outcome.warnings.length}`, outcome.warnings);
    if (outcome.errors.length > 0) {
      printIssues(io, `错误 (errors): ${outcome.errors.length}`, outcome.errors);
      throw new Error(`导入文件有 ${outcome.errors.length} 处错误，未写入任何数据 (${outcome.errors.length} errors; nothing written)`);
    }
    const counts = `新增 (created) ${outcome.created}，更新 (updated) ${outcome.updated}，未变化 (unchanged) ${outcome.unchanged}`;
    stopForWarnings(io, outcome, counts);
    io.out(outcome.dryRun ? `检查通过，未写入 (dry run, nothing written): ${counts}` : `已导入 (imported): ${counts}`);
    if (outcome.staleDerived.length > 0) {
      io.err(
        `由本年累计推算的当月已过时 (derived months now stale): ${outcome.staleDerived.length}；请在企业月度数据页重新推算 (re-derive them on the firm's figures page)`,
      );
      for (const s of outcome.staleDerived) io.err(`  ${s.uscc} ${s.period} ${s.field}: ${s.stored ?? '-'} → ${s.rederived}`);
    }
  },
});
