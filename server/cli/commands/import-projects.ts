import path from 'node:path';
import { AppError } from '../../lib/errors.js';
import { SYSTEM_ACTOR } from '../../modules/access/actor.js';
import { importInvestment, importProjects, type ImportOutcome } from '../../modules/projects/import/import.service.js';
import { defineCommand, type CommandContext } from '../command.js';

const options = { 'dry-run': { type: 'boolean' } } as const;

/** Runs one of the project imports on the file and prints its outcome; row errors exit 1 (nothing written). */
async function runImport(
  { values, positionals: [file = ''], io, database }: CommandContext<typeof options>,
  run: typeof importProjects,
  what: string,
): Promise<void> {
  const dryRun = values['dry-run'] === true;
  const outcome: ImportOutcome = await database(({ db }) => run(db, SYSTEM_ACTOR, { source: { path: path.resolve(file) }, dryRun }), {
    announce: true,
  });
  if (outcome.errors.length > 0) {
    for (const e of outcome.errors) {
      const value = e.value === null ? '' : ` [${e.value}]`;
      io.err(`第 ${e.row} 行 (row ${e.row}) ${e.column}${value}: ${e.reasonZh} (${e.reasonEn})`);
    }
    throw new AppError('validation_failed', { messageKey: 'projects.import.hasErrors', params: { count: outcome.errors.length } });
  }
  io.out(
    dryRun
      ? `检查通过，未写入 (dry run, nothing written): ${outcome.rows} 行 (rows)，将导入 (would import) ${outcome.created} ${what}`
      : `已导入 (imported): ${outcome.rows} 行 (rows)，${outcome.created} ${what}`,
  );
}

/** Imports leads (线索) from an xlsx/csv file through the same service as the web page: all rows or none, audited as system. */
export const importProjectsCommand = defineCommand({
  name: 'import-projects',
  usage: 'import-projects <file.xlsx|file.csv> [--dry-run]',
  summary: '导入招商项目线索 (xlsx/csv，全部成功或全部不写入) (import investment leads: all rows or none)',
  options,
  positionals: ['<file>'],
  run: (context) => runImport(context, importProjects, '个项目 (projects)'),
});

/** Imports the monthly completed investment and 到位资金 of projects (a later report replaces the month). */
export const importInvestmentCommand = defineCommand({
  name: 'import-investment',
  usage: 'import-investment <file.xlsx|file.csv> [--dry-run]',
  summary: '导入重大项目月度完成投资和到位资金 (import the monthly completed investment of major projects)',
  options,
  positionals: ['<file>'],
  run: (context) => runImport(context, importInvestment, '个月度记录 (project months)'),
});
