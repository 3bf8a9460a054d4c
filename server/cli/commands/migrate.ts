import { loadConfig } from '../../config.js';
import { runMigrations } from '../../db/migrate.js';
import { listAppliedMigrations } from '../../modules/admin/migration-state.js';
import { describeDatabase, withDatabase } from '../database.js';
import { parseCommandArgs, requirePositionals, type Command } from '../io.js';

const usage = 'migrate';

export const migrateCommand: Command = {
  name: 'migrate',
  usage,
  summary: '应用数据库迁移 (apply database migrations)',
  run: async (args, io) => {
    requirePositionals(parseCommandArgs(args, {}, usage).positionals, [], usage);
    const config = loadConfig(io.env);
    io.out(`数据库 (database): ${describeDatabase(config)}`);
    await withDatabase(config, { migrate: false }, async (database) => {
      const before = new Set((await listAppliedMigrations(database.db)).map((m) => m.hash));
      await runMigrations(database);
      const after = await listAppliedMigrations(database.db);
      const applied = after.filter((m) => !before.has(m.hash));
      for (const m of applied) io.out(`已应用迁移 (applied): ${m.tag ?? m.hash}`);
      const current = after.at(-1)?.tag ?? '-';
      io.out(
        applied.length === 0
          ? `无需迁移，数据库已是最新 (nothing to apply; up to date at ${current})`
          : `数据库已是最新 (database is up to date at ${current}); 共应用 ${applied.length} 个迁移 (${applied.length} applied)`,
      );
    });
  },
};
