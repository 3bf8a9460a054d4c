import path from 'node:path';
import { loadConfig } from '../../config.js';
import { SYSTEM_ACTOR } from '../../modules/access/actor.js';
import { backupDatabase } from '../../modules/admin/backup.service.js';
import { describeDatabase, withDatabase } from '../database.js';
import { parseCommandArgs, requirePositionals, type Command } from '../io.js';

const usage = 'backup <file.jsonl.gz> [--force]';

/** Bytes as the operator reads them: 812 B, 3.4 KB, 12.0 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const backupCommand: Command = {
  name: 'backup',
  usage,
  summary: '把全部数据备份到一个文件 (write a backup of all data to a file)',
  run: async (args, io) => {
    const { values, positionals } = parseCommandArgs(args, { force: { type: 'boolean' } }, usage);
    const [file = ''] = requirePositionals(positionals, ['<file>'], usage);
    const config = loadConfig(io.env);
    io.out(`数据库 (database): ${describeDatabase(config)}`);
    const summary = await withDatabase(config, { migrate: false }, (database) =>
      backupDatabase(database.db, SYSTEM_ACTOR, {
        file: path.resolve(file),
        databaseKind: database.kind,
        overwrite: values.force === true,
      }),
    );
    const tables = Object.keys(summary.rowCounts).length;
    io.out(
      `已写入备份 (backup written): ${summary.file} — ${tables} 张表 (tables)，${summary.rows} 行 (rows)，${formatBytes(summary.bytes)}，迁移 (migration) ${summary.migration.tag}`,
    );
  },
};
