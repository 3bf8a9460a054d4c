import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../lib/errors.js';
import { SYSTEM_ACTOR } from '../../modules/access/actor.js';
import { importEnterprises } from '../../modules/enterprises/import/import.service.js';
import { stopForWarnings } from './import-monthly.js';
import { defineCommand } from '../command.js';
import { UsageError } from '../errors.js';

async function readInput(file: string): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch {
    throw new UsageError(`无法读取文件 ${file} (cannot read the file)`);
  }
}

/**
 * Imports an enterprise file through the same service as the web page: all rows or none, audited as
 * system. By default years and chain nodes are only added; `--replace` makes the file's the firms'
 * (node changes from `--from-year`, default this year). Exit codes: 0 imported (or checked), 1
 * errors, 2 wrong usage, 3 removals with figures behind them without --accept-warnings (listed,
 * nothing written).
 */
export const importEnterprisesCommand = defineCommand({
  name: 'import-enterprises',
  usage: 'import-enterprises <file.xlsx|file.csv> [--dry-run] [--replace] [--from-year YYYY] [--accept-warnings]',
  summary:
    '导入企业名录 (xlsx/csv)：默认只增加规上年度和产业链环节；--replace 按文件替换，删除有数据的年度或环节需 --accept-warnings (import enterprises: adds by default; --replace removes, with --accept-warnings when figures are behind)',
  options: {
    'dry-run': { type: 'boolean' },
    replace: { type: 'boolean' },
    'from-year': { type: 'string' },
    'accept-warnings': { type: 'boolean' },
  },
  positionals: ['<file>'],
  run: async ({ values, positionals: [file = ''], io, usageError, database }) => {
    const data = await readInput(path.resolve(file));
    const dryRun = values['dry-run'] === true;
    const fromText = values['from-year'];
    if (fromText !== undefined && !/^(199[0-9]|20[0-9]{2}|2100)$/.test(fromText))
      throw usageError('--from-year 应为 1990–2100 的年份 (--from-year must be a year 1990–2100)');
    const mode = values.replace === true ? 'replace' : 'add';
    const started = performance.now();
    const outcome = await database(
      ({ db }) =>
        importEnterprises(db, SYSTEM_ACTOR, {
          data,
          fileName: path.basename(file),
          dryRun,
          mode,
          effectiveFromYear: fromText === undefined ? undefined : Number(fromText),
          acceptWarnings: values['accept-warnings'] === true,
        }),
      { announce: true },
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const source = `${outcome.format}${outcome.encoding ? ` (${outcome.encoding})` : ''}，${outcome.rows} 行 (rows)`;
    if (outcome.ignoredColumns.length > 0) io.out(`未读取的列 (ignored columns): ${outcome.ignoredColumns.join(', ')}`);
    if (outcome.errors.length > 0) {
      io.out(`文件 (file): ${source}`);
      for (const e of outcome.errors) {
        const value = e.value === null ? '' : ` [${e.value}]`;
        io.err(`第 ${e.row} 行 (row ${e.row}) ${e.column}${value}: ${e.reasonZh} (${e.reasonEn})`);
      }
      throw new AppError('validation_failed', { messageKey: 'enterprises.import.hasErrors', params: { count: outcome.errors.length } });
    }
    const counts = `新增 (created) ${outcome.created}，更新 (updated) ${outcome.updated}，无变化 (unchanged) ${outcome.unchanged}`;
    const removed = outcome.removals;
    if (removed.scaleYears + removed.memberships > 0) {
      io.out(
        `将删除 (removes): 规上年度 (规上 years) ${removed.scaleYears}，产业链环节 (chain nodes, from ${outcome.effectiveFromYear}) ${removed.memberships}`,
      );
    }
    if (outcome.warnings.length > 0) {
      io.err(`警告：以下删除会改变已有统计 (warnings: these removals change existing statistics): ${outcome.warnings.length}`);
      for (const w of outcome.warnings) {
        const what =
          w.kind === 'scaleYear'
            ? `规上年度 ${w.year} (规上 year)`
            : `${w.chainCode ?? ''}:${w.nodeKey ?? ''} 自 ${w.year} 年起 (from ${w.year})`;
        io.err(`  ${w.uscc} ${w.name} · ${what} · ${w.years.join(', ')}: ${w.months} 个月 (months), 总产值 (output) ${w.output} 元`);
      }
    }
    stopForWarnings(io, outcome, counts);
    io.out(
      dryRun
        ? `检查通过，未写入 (dry run, nothing written): ${source}；${counts} — ${seconds} s`
        : `已导入 (imported): ${source}；${counts} — ${seconds} s`,
    );
  },
});
