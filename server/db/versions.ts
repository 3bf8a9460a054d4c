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
  /** The read on the wire now, if any. */
  running: Promise<DataVersions> | null;
  /** The read that starts when the running one ends, shared by every caller that came meanwhile. */
  queued: Promise<DataVersions> | null;
  /** How many reads went to the database (for tests and the profile notes in docs/BENCHMARKS.md). */
  reads: number;
};

const readers = new WeakMap<Db, Reader>();

function readerOf(db: Db): Reader {
  let reader = readers.get(db);
  if (!reader) {
    reader = { query: prepareVersionsQuery(db), running: null, queued: null, reads: 0 };
    readers.set(db, reader);
  }
  return reader;
}

function start(reader: Reader): Promise<DataVersions> {
  reader.reads += 1;
  const read: Promise<DataVersions> = reader.query.execute().then(([row]) => row ?? { stats: 'none', master: 'none', auth: 'none' });
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
 */
export function readDataVersions(db: Db): Promise<DataVersions> {
  const reader = readerOf(db);
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
