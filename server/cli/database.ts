import path from 'node:path';
import type { AppConfig } from '../config.js';
import { openDatabase, type Database } from '../db/client.js';
import { runMigrations } from '../db/migrate.js';

/** Where the configured database is, for messages: the PostgreSQL URL without its password, or PGlite's folder. */
export function describeDatabase(config: AppConfig): string {
  if (!config.DATABASE_URL) return `嵌入式数据库 (embedded PGlite) ${path.resolve(config.DATA_DIR)}`;
  const url = new URL(config.DATABASE_URL);
  url.password = '';
  return `PostgreSQL ${url.toString()}`;
}

/**
 * Opens the configured database (PostgreSQL with DATABASE_URL, else PGlite in DATA_DIR, whose lock
 * refuses while the server runs), optionally migrates it, runs `work` and always closes it.
 */
export async function withDatabase<T>(
  config: AppConfig,
  options: { migrate: boolean },
  work: (database: Database) => Promise<T>,
): Promise<T> {
  const database = config.DATABASE_URL
    ? await openDatabase({ kind: 'postgresql', url: config.DATABASE_URL, poolSize: 2 })
    : await openDatabase({ kind: 'pglite', dataDir: config.DATA_DIR });
  try {
    if (options.migrate) await runMigrations(database);
    return await work(database);
  } finally {
    await database.close();
  }
}
