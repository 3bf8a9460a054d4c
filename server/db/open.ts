import type { AppConfig } from '../config.js';
import { openDatabase, type Database } from './client.js';
import { checkDatabaseEncoding } from './check-encoding.js';
import { runMigrations } from './migrate.js';

/**
 * Opens the configured database (PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR) and
 * migrates it; says how many migrations it applied.
 */
export async function openConfiguredDatabase(
  config: AppConfig,
  warn: (line: string) => void = console.warn,
): Promise<{ database: Database; migrationsApplied: number }> {
  const database = config.DATABASE_URL
    ? await openDatabase({
        kind: 'postgresql',
        url: config.DATABASE_URL,
        readUrl: config.DATABASE_READ_URL,
        poolSize: config.DATABASE_POOL_SIZE,
      })
    : await openDatabase({ kind: 'pglite', dataDir: config.DATA_DIR });
  try {
    const warning = await checkDatabaseEncoding(database);
    if (warning) warn(warning);
    return { database, migrationsApplied: await runMigrations(database) };
  } catch (err) {
    await database.close();
    throw err;
  }
}

/**
 * After heavy start-up work on the embedded database (creating it, running migrations, seeding the
 * demo data), stops its worker thread and starts a fresh one on the same data dir. PGlite's
 * WebAssembly memory grows to what that work touched and never shrinks while the worker lives; a
 * fresh worker starts at what serving needs (docs/BENCHMARKS.md, "Bomb uploads": ~540–820 MB after a
 * first start, ~300 MB after the restart, which takes about a second). PostgreSQL is left as it is.
 */
export async function freshEmbeddedWorker(database: Database, config: AppConfig): Promise<Database> {
  if (database.kind !== 'pglite') return database;
  await database.close();
  return openDatabase({ kind: 'pglite', dataDir: config.DATA_DIR });
}
