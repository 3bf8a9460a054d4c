import type { AppConfig } from '../config.js';
import { openDatabase, type Database } from './client.js';
import { checkDatabaseEncoding } from './check-encoding.js';
import { runMigrations } from './migrate.js';

/** Opens the configured database (PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR) and migrates it. */
export async function openConfiguredDatabase(config: AppConfig, warn: (line: string) => void = console.warn): Promise<Database> {
  const database = config.DATABASE_URL
    ? await openDatabase({ kind: 'postgresql', url: config.DATABASE_URL })
    : await openDatabase({ kind: 'pglite', dataDir: config.DATA_DIR });
  try {
    const warning = await checkDatabaseEncoding(database);
    if (warning) warn(warning);
    await runMigrations(database);
  } catch (err) {
    await database.close();
    throw err;
  }
  return database;
}
