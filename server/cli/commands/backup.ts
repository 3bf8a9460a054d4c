import path from 'node:path';
import { SYSTEM_ACTOR } from '../../modules/access/actor.js';
import { backupDatabase } from '../../modules/admin/backup.service.js';
import { defineCommand } from '../command.js';

/** Bytes as the operator reads them: 812 B, 3.4 KB, 12.0 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const backupCommand = defineCommand({
  name: 'backup',
  usage: 'backup <file.jsonl.gz> [--force]',
  summary: '把全部数据备份到一个文件 (write a backup of all data to a file)',
  options: { force: { type: 'boolean' } },
  positionals: ['<file>'],
  run: async ({ values, positionals: [file = ''], io, database }) => {
    const summary = await database(
      ({ db, kind }) =>
        backupDatabase(db, SYSTEM_ACTOR, { file: path.resolve(file), databaseKind: kind, overwrite: values.force === true }),
      { migrate: false, announce: true },
    );
    const tables = Object.keys(summary.rowCounts).length;
    io.out(
      `已写入备份 (backup written): ${summary.file} — ${tables} 张表 (tables)，${summary.rows} 行 (rows)，${formatBytes(summary.bytes)}，迁移 (migration) ${summary.migration.tag}`,
    );
  },
});
