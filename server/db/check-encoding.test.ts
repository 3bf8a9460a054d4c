import crypto from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './client.js';
import { checkDatabaseEncoding } from './check-encoding.js';
import { createTestDatabase } from '../test/database.js';

/** Creates a throwaway PostgreSQL database with the given encoding/locale and runs the check on it. */
async function checkOnServer(url: string, options: string): Promise<string | null | Error> {
  const name = `cc_enc_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ${options}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgresql', url: target.toString(), poolSize: 1 });
  try {
    return await checkDatabaseEncoding(database).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
  } finally {
    await database.close();
    await admin.query(`DROP DATABASE ${name}`);
    await admin.end();
  }
}

describe('database encoding check', () => {
  it('accepts the test database (UTF8, C.UTF-8)', async () => {
    const d = await createTestDatabase();
    try {
      expect(await checkDatabaseEncoding(d)).toBeNull();
    } finally {
      await d.drop();
    }
  });

  // Each database kind gets the test that means something for it: the PostgreSQL run of the API
  // suite (`npm test` with TEST_DATABASE_URL, as .ci/run does) makes databases with a wrong encoding
  // and locale; the embedded run shows PGlite makes its own with the encoding and locale the check wants.
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    it('refuses a SQL_ASCII database and warns about a C LC_CTYPE (PostgreSQL)', async () => {
      const ascii = await checkOnServer(url, `ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C'`);
      expect(ascii).toBeInstanceOf(Error);
      expect(String(ascii)).toContain('数据库编码为 SQL_ASCII');
      const cLocale = await checkOnServer(url, `ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
      expect(cLocale).toContain('LC_CTYPE is C, not UTF-8');
    });
  } else {
    it('finds the embedded database created UTF8 with C.UTF-8, so there is nothing to refuse (PGlite)', async () => {
      const d = await openDatabase({ kind: 'pglite', dataDir: null });
      try {
        const row = (
          await d.pool.query(`select pg_encoding_to_char(encoding) as e, datctype as c from pg_database where datname = current_database()`)
        ).rows[0];
        expect(row).toEqual({ e: 'UTF8', c: 'C.UTF-8' });
      } finally {
        await d.close();
      }
    });
  }
});
