import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { z } from 'zod';
import { openDatabase, type Database } from '../db/client.js';
import { runMigrations } from '../db/migrate.js';
import { ROOT } from '../paths.js';
import { openDroppable, testDatabaseName } from './database.js';
import { seedDemo, type SeedReport } from '../modules/demo/seed.js';

/**
 * The seeded Hengyang demo for the tests that read it. Seeding takes half a minute, so the first
 * test file of a run seeds once into a cache and every file gets its own copy, as isolated as a
 * fresh seed: on PGlite a data directory in the OS temp dir, copied per file; on PostgreSQL a
 * template database, cloned per file with `CREATE DATABASE … TEMPLATE`. The cache is keyed by the
 * code that makes the demo (migrations, server and shared sources, reference data, the lock file), so a change to
 * any of them seeds afresh; caches of other code are removed when a new one is made (on PGlite once
 * they are six hours old, so a run of another checkout beside this one keeps its own).
 */
export type DemoTestDatabase = Database & { drop: () => Promise<void>; seedReport: SeedReport };

const seedReportSchema = z.object({
  seeded: z.boolean(),
  message: z.string(),
  counts: z.record(z.string(), z.number()),
  elapsedMs: z.number(),
});
const PREFIX = 'cc_demo_';
/** A cache of other code this old is removed when a new one is made. */
const STALE_MS = 6 * 60 * 60_000;
/** How long a file waits for another worker's seeding before giving up. */
const WAIT_MS = 15 * 60_000;

/** Every file the demo depends on, hashed: the cache's name. */
function demoKey(): string {
  const hash = crypto.createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|sql|json)$/.test(entry.name) && !entry.name.includes('.test.')) {
        hash.update(path.relative(ROOT, full));
        hash.update(fs.readFileSync(full));
      }
    }
  };
  for (const dir of ['drizzle', 'server', 'shared']) walk(path.join(ROOT, dir));
  // The database engines' versions (a PGlite data directory belongs to its PGlite).
  hash.update(fs.readFileSync(path.join(ROOT, 'package-lock.json')));
  return hash.digest('hex').slice(0, 16);
}

async function seedInto(database: Database): Promise<SeedReport> {
  await runMigrations(database);
  const report = await seedDemo(database.db);
  if (!report.seeded) throw new Error(`the demo was not seeded: ${report.message}`);
  return report;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** PGlite: the seeded data directory (made once, by whichever worker takes the lock first). */
async function pgliteCache(key: string): Promise<string> {
  const base = path.join(os.tmpdir(), 'chainchief-demo-cache');
  const ready = path.join(base, key);
  const lock = path.join(base, `${key}.lock`);
  fs.mkdirSync(base, { recursive: true });
  const started = Date.now();
  while (!fs.existsSync(path.join(ready, 'report.json'))) {
    try {
      fs.mkdirSync(lock);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error; // mkdir throws a system error
      // Another worker seeds: wait for it (a lock older than the wait limit is a crashed run's).
      if (Date.now() - fs.statSync(lock).mtimeMs > WAIT_MS) fs.rmSync(lock, { recursive: true, force: true });
      if (Date.now() - started > WAIT_MS) throw new Error('timed out waiting for the demo cache', { cause: error });
      await sleep(500);
      continue;
    }
    try {
      const building = `${ready}.building`;
      fs.rmSync(building, { recursive: true, force: true });
      const database = await openDatabase({ kind: 'pglite', dataDir: path.join(building, 'data') });
      const report = await seedInto(database).finally(() => database.close());
      fs.writeFileSync(path.join(building, 'report.json'), JSON.stringify(report));
      // Older caches go once nobody can still be reading them (another checkout's run may be using its own).
      for (const old of fs.readdirSync(base)) {
        const oldPath = path.join(base, old);
        if (!old.startsWith(key) && Date.now() - fs.statSync(oldPath).mtimeMs > STALE_MS)
          fs.rmSync(oldPath, { recursive: true, force: true });
      }
      fs.renameSync(building, ready);
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
  return ready;
}

async function openPglite(key: string): Promise<DemoTestDatabase> {
  const cache = await pgliteCache(key);
  const seedReport = seedReportSchema.parse(JSON.parse(fs.readFileSync(path.join(cache, 'report.json'), 'utf8')));
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'chainchief-demo-'));
  fs.cpSync(path.join(cache, 'data'), path.join(copy, 'data'), { recursive: true });
  const database = await openDatabase({ kind: 'pglite', dataDir: path.join(copy, 'data') });
  const drop = async () => {
    await database.close();
    fs.rmSync(copy, { recursive: true, force: true });
  };
  return { ...database, drop, seedReport };
}

/** PostgreSQL: the seeded template database (made under an advisory lock), then a clone for this file. */
async function openPostgres(url: string, key: string): Promise<DemoTestDatabase> {
  const template = `${PREFIX}${key}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const exists = async (name: string) => (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  try {
    await admin.query(`SELECT pg_advisory_lock(hashtext('chainchief demo template'))`);
    if (!(await exists(template))) {
      const building = `${template}_building`;
      await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${building} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
      const target = new URL(url);
      target.pathname = `/${building}`;
      const database = await openDatabase({ kind: 'postgresql', url: target.toString(), poolSize: 4 });
      const report = await seedInto(database).finally(() => database.close());
      await admin.query(`COMMENT ON DATABASE ${building} IS ${pg.escapeLiteral(JSON.stringify(report))}`);
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${template}`);
      const old = await admin.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE '${PREFIX}%' AND datname <> $1`,
        [template],
      );
      for (const row of old.rows) await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(row.datname)}`).catch(() => undefined);
    }
    const comment = await admin.query<{ report: string }>(
      `SELECT shobj_description(oid, 'pg_database') AS report FROM pg_database WHERE datname = $1`,
      [template],
    );
    const seedReport = seedReportSchema.parse(JSON.parse(comment.rows[0]?.report ?? 'null'));
    const name = testDatabaseName();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    return { ...(await openDroppable(url, name)), seedReport };
  } finally {
    await admin.query(`SELECT pg_advisory_unlock(hashtext('chainchief demo template'))`).catch(() => undefined);
    await admin.end();
  }
}

/** A database of its own holding the seeded demo, for one test file (PostgreSQL when TEST_DATABASE_URL is set). */
export async function createDemoTestDatabase(): Promise<DemoTestDatabase> {
  const key = demoKey();
  const url = process.env.TEST_DATABASE_URL;
  return url ? openPostgres(url, key) : openPglite(key);
}
