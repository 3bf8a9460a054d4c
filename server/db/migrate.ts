import path from 'node:path';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { ROOT } from '../paths.js';
import type { Database } from './client.js';

export const MIGRATIONS_DIR = path.join(ROOT, 'drizzle');

/** How many migrations the database has applied (0 before the first). */
async function countAppliedMigrations(database: Database): Promise<number> {
  // Two statements: a query naming a missing table fails when it is parsed, whatever a CASE says.
  const exists = await database.pool.query<{ present: boolean }>(
    `SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present`,
  );
  if (!exists.rows[0]?.present) return 0;
  const result = await database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
  return result.rows[0]?.n ?? 0;
}

/** Applies the committed SQL migrations (idempotent; each runs once, in a transaction); returns how many it applied. */
export async function runMigrations(database: Database): Promise<number> {
  const before = await countAppliedMigrations(database);
  await migrate(database.db, { migrationsFolder: MIGRATIONS_DIR });
  return (await countAppliedMigrations(database)) - before;
}
