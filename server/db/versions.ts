import { eq } from 'drizzle-orm';
import type { Db } from './client.js';
import { statsVersion } from './schema.js';

/**
 * The data tokens of the one `stats_version` row (triggers change them, migrations 0003 and 0021):
 * `stats` on any write the statistics read, `master` on those writes but monthly figures and 预警
 * dispositions (master data, memberships, 规上 years, month statuses and snapshots: what a published
 * month's answer and the master-data lists depend on), `auth` when a
 * session ends or an account's role, name, activity or scopes change.
 */
export type DataVersions = { stats: string; master: string; auth: string };

function prepareVersionsQuery(db: Db) {
  return db
    .select({ stats: statsVersion.token, master: statsVersion.masterToken, auth: statsVersion.authToken })
    .from(statsVersion)
    .where(eq(statsVersion.id, 1))
    .prepare('data_versions');
}

type Reader = {
  query: ReturnType<typeof prepareVersionsQuery>;
  /**
   * On a database this process alone writes (PGlite: one connection, a lock file refuses a second
   * process), the count of statements sent that may write; null elsewhere (PostgreSQL: other instances).
   */
  writes: (() => number) | null;
  /** The last read's answer and the write count when it was asked for. */
  last: { writes: number; versions: DataVersions } | null;
  /** The read on the wire now, if any. */
  running: Promise<DataVersions> | null;
  /** The read that starts when the running one ends, shared by every caller that came meanwhile. */
  queued: Promise<DataVersions> | null;
  /** How many reads went to the database (for tests and the profile notes in docs/BENCHMARKS.md). */
  reads: number;
};

const readers = new WeakMap<Db, Reader>();
const singleWriters = new WeakMap<Db, () => number>();

/**
 * Declares `db` a database only this process writes, `writes` counting the statements sent to it that
 * may write (server/db/client.ts counts every statement but a plain SELECT): the tokens are then read
 * again only after such a statement, so cached answers cost no round trip on the one connection.
 */
export function trackSingleWriter(db: Db, writes: () => number): void {
  singleWriters.set(db, writes);
}

function readerOf(db: Db): Reader {
  let reader = readers.get(db);
  if (!reader) {
    reader = { query: prepareVersionsQuery(db), writes: singleWriters.get(db) ?? null, running: null, queued: null, reads: 0, last: null };
    readers.set(db, reader);
  }
  return reader;
}

function start(reader: Reader): Promise<DataVersions> {
  reader.reads += 1;
  const writes = reader.writes?.() ?? null;
  const read: Promise<DataVersions> = reader.query.execute().then(([row]) => {
    const versions = row ?? { stats: 'none', master: 'none', auth: 'none' };
    if (writes !== null) reader.last = { writes, versions };
    return versions;
  });
  const running = read.finally(() => {
    if (reader.running === running) reader.running = null;
  });
  reader.running = running;
  return running;
}

/**
 * The current data tokens, read from the database by a query that starts after this call: an
 * answer is never older than the request that asks, so a write another request (or another
 * instance) committed before is always seen. Concurrent callers share reads: a caller that comes
 * while a read is on the wire waits for the next one, which every caller of that moment shares, so
 * a burst of requests costs one round trip instead of one each (measured in docs/BENCHMARKS.md).
 * On a database only this process writes, no round trip at all until a statement that may write.
 */
export function readDataVersions(db: Db): Promise<DataVersions> {
  const reader = readerOf(db);
  // This process alone writes, and nothing that may write was sent since the last read was asked for:
  // the tokens are what that read answered (the connection runs statements in the order sent).
  if (reader.last !== null && reader.writes !== null && reader.last.writes === reader.writes())
    return Promise.resolve(reader.last.versions);
  if (reader.queued) return reader.queued;
  const running = reader.running;
  if (!running) return start(reader);
  const queued = running
    .then(
      () => undefined,
      () => undefined,
    )
    .then(() => {
      reader.queued = null;
      return start(reader);
    });
  reader.queued = queued;
  return queued;
}

/** How many token reads went to the database on `db` (tests compare two counts). */
export function dataVersionReads(db: Db): number {
  return readerOf(db).reads;
}
