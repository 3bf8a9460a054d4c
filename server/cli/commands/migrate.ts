import { runMigrations } from '../../db/migrate.js';
import { listAppliedMigrations } from '../../modules/admin/migration-state.js';
import { defineCommand } from '../command.js';

export const migrateCommand = defineCommand({
  name: 'migrate',
  usage: 'migrate',
  summary: '应用数据库迁移 (apply database migrations)',
  run: async ({ io, database }) => {
    await database(
      async (opened) => {
        const before = new Set((await listAppliedMigrations(opened.db)).map((m) => m.hash));
        await runMigrations(opened);
        const after = await listAppliedMigrations(opened.db);
        const applied = after.filter((m) => !before.has(m.hash));
        for (const m of applied) io.out(`已应用迁移 (applied): ${m.tag ?? m.hash}`);
        const current = after.at(-1)?.tag ?? '-';
        io.out(
          applied.length === 0
            ? `无需迁移，数据库已是最新 (nothing to apply; up to date at ${current})`
            : `数据库已是最新 (database is up to date at ${current}); 共应用 ${applied.length} 个迁移 (${applied.length} applied)`,
        );
      },
      { migrate: false, announce: true },
    );
  },
});
