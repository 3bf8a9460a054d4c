import path from 'node:path';
import { SYSTEM_ACTOR } from '../../modules/access/actor.js';
import { inspectArchive, restoreDatabase } from '../../modules/admin/backup.service.js';
import { defineCommand } from '../command.js';
import { describeDatabase } from '../database.js';
import { CancelledError, UsageError } from '../errors.js';

export const restoreCommand = defineCommand({
  name: 'restore',
  usage: 'restore <file.jsonl.gz> [--yes]',
  summary: '用备份替换全部数据 (replace all data with a backup; asks first unless --yes)',
  options: { yes: { type: 'boolean' } },
  positionals: ['<file>'],
  run: async ({ values, positionals: [given = ''], io, config, database }) => {
    const file = path.resolve(given);
    const confirmed = values.yes === true;
    if (!confirmed && !io.interactive) {
      throw new UsageError(
        '恢复会替换全部数据；非交互运行时请加 --yes 确认 (restore replaces all data; add --yes to confirm when not running interactively)',
      );
    }
    const target = describeDatabase(config());
    // Read the whole archive first: a corrupt or too new file is refused before anything is asked or locked.
    const archive = await inspectArchive(file);
    const { header } = archive;
    io.out(
      `备份 (archive): ${file} — 创建于 (created) ${header.createdAt}，程序版本 (app) ${header.appVersion}，迁移 (migration) ${header.migration.tag}，来源 (from) ${header.databaseKind}，${header.tables.length} 张表 (tables)，${archive.rows} 行 (rows)`,
    );
    if (
      !confirmed &&
      !(await io.confirm(
        `将清空并替换 ${target} 中的全部数据。输入 yes 继续 (this replaces ALL data in ${target}; type yes to continue): `,
      ))
    ) {
      throw new CancelledError('已取消，未做任何更改 (cancelled; nothing changed)');
    }
    const summary = await database(({ db }) => restoreDatabase(db, SYSTEM_ACTOR, file));
    io.out(
      `已恢复 (restored) ${target}: ${summary.rows} 行 (rows)，${header.tables.length} 张表 (tables)；已记入审计日志 (recorded in the audit log)`,
    );
    if (summary.emptiedTables.length > 0) {
      io.out(`备份中没有这些表，现已清空 (tables not in the archive, now empty): ${summary.emptiedTables.join(', ')}`);
    }
  },
});
