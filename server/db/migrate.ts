import path from 'node:path';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { ROOT } from '../paths.js';
import type { Database } from './client.js';

export const MIGRATIONS_DIR = path.join(ROOT, 'drizzle');

/** Applies the committed SQL migrations (idempotent; each runs once, in a transaction). */
export async function runMigrations(database: Database): Promise<void> {
  await migrate(database.db, { migrationsFolder: MIGRATIONS_DIR });
}
