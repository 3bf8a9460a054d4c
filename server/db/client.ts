import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import * as schema from './schema.js';
import { ROOT } from '../paths.js';
import { lockDataDir } from './lock.js';
import { trackSingleWriter } from './versions.js';

// int8 (count(*), sums of integer money) arrives as a string from pg; return a number and refuse
// silently losing precision (money is integer 元 well below 2^53).
pg.types.setTypeParser(20, (value: string) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`int8 value ${value} exceeds the safe integer range`);
  return n;
});

export type Db = NodePgDatabase<typeof schema>;
export type DatabaseKind = 'pglite' | 'postgresql';

export type Database = {
  kind: DatabaseKind;
  pool: pg.Pool;
  db: Db;
  /** PostgreSQL: the primary's URL (the job queue opens its own small pool on it). */
  url?: string;
  /** PostgreSQL with DATABASE_READ_URL: a streaming replica for published statistics (server/db/replica.ts). */
  read?: { pool: pg.Pool; db: Db };
  close: () => Promise<void>;
};

export type OpenDatabaseOptions =
  { kind: 'postgresql'; url: string; poolSize?: number; readUrl?: string } | { kind: 'pglite'; dataDir: string | null };

class DatabaseOpenError extends Error {}

/**
 * A client that starts from no prepared statements: on PGlite every connection is the same Postgres
 * session, so it drops what an earlier connection prepared before it is handed out (pg-pool calls
 * `connect` with a callback).
 */
class FreshSessionClient extends pg.Client {
  override connect(): Promise<pg.Client>;
  override connect(callback: ((err: Error) => void) | ((err: null, c: pg.Client) => void)): void;
  override connect(callback?: ((err: Error) => void) | ((err: null, c: pg.Client) => void)): Promise<pg.Client> | void {
    const ready = super.connect().then(async () => {
      await super.query('DEALLOCATE ALL');
      // The subclass is a pg.Client; the overloads want the base type back.
      return this as pg.Client;
    });
    if (!callback) return ready;
    // The two overloads' callbacks joined into one signature that takes either call.
    const done = callback as (err: Error | null, c?: pg.Client) => void;
    ready.then(
      (client) => done(null, client),
      (err: unknown) => done(err instanceof Error ? err : new Error(String(err))),
    );
  }
}

/**
 * Whether a statement may change data: anything but a plain SELECT (a WITH may hold an INSERT;
 * BEGIN and COMMIT count too). Triggers that change the data tokens fire only on INSERT, UPDATE,
 * DELETE and TRUNCATE.
 */
function mayWrite(query: unknown): boolean {
  const text = typeof query === 'string' ? query : typeof query === 'object' && query !== null && 'text' in query ? query.text : null;
  return typeof text !== 'string' || !/^\s*select\b/i.test(text);
}

/** A FreshSessionClient class that counts the statements sent that may write (see trackSingleWriter). */
function countingClientClass(counter: { writes: number }): typeof FreshSessionClient {
  class CountingClient extends FreshSessionClient {}
  // The inherited function (looked up at each call) with the same overloads, counting before it sends.
  CountingClient.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    if (mayWrite(args[0])) counter.writes += 1;
    return Reflect.apply(FreshSessionClient.prototype.query, this, args);
  } as typeof FreshSessionClient.prototype.query;
  return CountingClient;
}

/** Starts PGlite in a worker thread and resolves with the Unix socket directory it listens on. */
async function startPgliteWorker(dataDir: string | null): Promise<{ socketDir: string; stop: () => Promise<void> }> {
  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chainchief-pg-'));
  const socketPath = path.join(socketDir, '.s.PGSQL.5432');
  const worker = new Worker(path.join(ROOT, 'server/db/pglite-worker.mjs'), {
    workerData: { dataDir: dataDir ? path.resolve(dataDir) : null, socketPath },
  });
  await new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (msg: { type: string; message?: string }) => {
      if (msg.type === 'ready') resolve();
      else reject(new DatabaseOpenError(`嵌入式数据库无法启动 (embedded database failed to start): ${msg.message}`));
    });
  });
  const stop = async () => {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 5000);
      worker.once('message', () => {
        clearTimeout(timer);
        resolve();
      });
      worker.postMessage({ type: 'close' });
    });
    await worker.terminate();
    fs.rmSync(socketDir, { recursive: true, force: true });
  };
  return { socketDir, stop };
}

/**
 * Opens the application database: PostgreSQL when a URL is given, else the embedded PGlite in
 * `dataDir` (null = in memory, for tests). Both are reached through one `pg` pool and one Drizzle
 * instance so every query runs the same code path.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.kind === 'postgresql') {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, connectionTimeoutMillis: 5000 });
    pool.on('error', () => {
      /* idle client errors are reported by the next query */
    });
    try {
      const client = await pool.connect();
      client.release();
    } catch (err) {
      await pool.end().catch(() => undefined);
      const reason = err instanceof Error ? err.message : String(err);
      throw new DatabaseOpenError(`无法连接数据库 (cannot connect to the database): ${reason}`);
    }
    if (!options.readUrl) return { kind: 'postgresql', pool, db: drizzle(pool, { schema }), url: options.url, close: () => pool.end() };
    // The replica: no check at start (a replica may come up later); a failed read reports its error.
    const readPool = new pg.Pool({ connectionString: options.readUrl, max: options.poolSize ?? 10, connectionTimeoutMillis: 5000 });
    readPool.on('error', () => undefined);
    return {
      kind: 'postgresql',
      pool,
      db: drizzle(pool, { schema }),
      url: options.url,
      read: { pool: readPool, db: drizzle(readPool, { schema }) },
      close: async () => {
        await Promise.all([pool.end(), readPool.end()]);
      },
    };
  }

  const release = options.dataDir ? lockDataDir(options.dataDir) : () => undefined;
  try {
    const worker = await startPgliteWorker(options.dataDir);
    // PGlite is one Postgres session: a single connection keeps transactions from interleaving. The
    // connection is kept while idle (no reconnect every 10 s). A new connection (after a query error
    // destroyed the old one) would still find the session's named prepared statements, unknown to
    // the new client ("already exists" on each): FreshSessionClient drops them first.
    const counter = { writes: 0 };
    const pool = new pg.Pool({
      host: worker.socketDir,
      user: 'postgres',
      database: 'postgres',
      max: 1,
      idleTimeoutMillis: 0,
      Client: countingClientClass(counter),
    });
    pool.on('error', () => undefined);
    const close = async () => {
      await pool.end().catch(() => undefined);
      await worker.stop();
      release();
    };
    const db = drizzle(pool, { schema });
    // This process alone writes the embedded database (the lock above): the data tokens are read again
    // only after a statement that may write (server/db/versions.ts).
    trackSingleWriter(db, () => counter.writes);
    return { kind: 'pglite', pool, db, close };
  } catch (err) {
    release();
    throw err;
  }
}

export { DatabaseOpenError };
