import crypto from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../db/client.js';
import { runMigrations } from '../db/migrate.js';

/**
 * A fresh, migrated database for one test file: PostgreSQL when TEST_DATABASE_URL is set (a new
 * database created from template0 with UTF-8 C.UTF-8 locale, dropped afterwards), else an
 * in-memory PGlite. Both go through the same driver and code path as production.
 */
export async function createTestDatabase(): Promise<Database & { drop: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    await runMigrations(database);
    return { ...database, drop: () => database.close() };
  }
  const name = testDatabaseName();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
  await admin.end();
  const database = await openDroppable(url, name);
  await runMigrations(database);
  return database;
}

/** A fresh name for a test's throwaway database (`cc_test_…`). */
export function testDatabaseName(): string {
  return `cc_test_${crypto.randomBytes(6).toString('hex')}`;
}

/**
 * Opens the database `name` the caller has just created on the server of `url`; `drop` closes it and
 * removes it from the server.
 */
export async function openDroppable(url: string, name: string): Promise<Database & { drop: () => Promise<void> }> {
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgresql', url: target.toString(), poolSize: 4 });
  const drop = async () => {
    await database.close();
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
  return { ...database, drop };
}
