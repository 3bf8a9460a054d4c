import fs from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../../config.js';
import { AppError } from '../../lib/errors.js';
import { SYSTEM_ACTOR } from '../../modules/access/actor.js';
import { importEnterprises } from '../../modules/enterprises/import.service.js';
import { describeDatabase, withDatabase } from '../database.js';
import { UsageError } from '../errors.js';
import { parseCommandArgs, requirePositionals, type Command } from '../io.js';

const usage = 'import-enterprises <file.xlsx|file.csv> [--dry-run]';

async function readInput(file: string): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch {
    throw new UsageError(`无法读取文件 ${file} (cannot read the file)`);
  }
}

/** Imports an enterprise file through the same service as the web page: all rows or none, audited as system. */
export const importEnterprisesCommand: Command = {
  name: 'import-enterprises',
  usage,
  summary: '导入企业名录 (xlsx/csv)；有错误时列出每一处并不写入 (import enterprises; on errors lists each one and writes nothing)',
  run: async (args, io) => {
    const { values, positionals } = parseCommandArgs(args, { 'dry-run': { type: 'boolean' } }, usage);
    const [file = ''] = requirePositionals(positionals, ['<file>'], usage);
    const data = await readInput(path.resolve(file));
    const dryRun = values['dry-run'] === true;
    const config = loadConfig(io.env);
    io.out(`数据库 (database): ${describeDatabase(config)}`);
    const started = performance.now();
    const outcome = await withDatabase(config, { migrate: true }, (database) =>
      importEnterprises(database.db, SYSTEM_ACTOR, { data, fileName: path.basename(file), dryRun }),
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
    io.out(
      dryRun
        ? `检查通过，未写入 (dry run, nothing written): ${source}；${counts} — ${seconds} s`
        : `已导入 (imported): ${source}；${counts} — ${seconds} s`,
    );
  },
};
