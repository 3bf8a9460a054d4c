// The sessions this process has looked up, with their caller (role, scopes), so a request costs no
// session query. Safe across instances on one database: an entry holds only while the auth token it
// was read under is still the database's (a trigger changes it when any session ends or any account's
// role, name, activity or scopes change, migration 0021); every request reads the token afresh
// (server/db/versions.ts, shared by concurrent requests), so the very next request on any instance
// sees a logout, a disable or a new scope. Entries also expire after a minute.
import type { Db } from '../../db/client.js';
import { readDataVersions, type DataVersions } from '../../db/versions.js';
import type { Actor } from '../access/actor.js';

/** How long an entry is trusted at most, whatever the token says (a safety net). */
const ENTRY_TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;

export type CachedSession = {
  actor: Omit<Actor, 'ip'>;
  csrfToken: string;
  expiresAt: Date;
  /** The activity time as this process last read or wrote it (another instance may have written a later one). */
  lastSeenAt: Date;
};

type Entry = CachedSession & { authToken: string; cachedAt: number };

const caches = new WeakMap<Db, Map<string, Entry>>();

function cacheOf(db: Db): Map<string, Entry> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

/**
 * The cached session of a token hash, with the data tokens read for this request: `session` when the
 * entry is still valid, and `versions.auth` to store a fresh lookup under (read before the lookup, so
 * a change committed meanwhile makes the next request look again).
 */
export async function cachedSessionOf(db: Db, tokenHash: string): Promise<{ session: CachedSession | null; versions: DataVersions }> {
  const versions = await readDataVersions(db);
  const cache = cacheOf(db);
  const entry = cache.get(tokenHash);
  if (!entry) return { session: null, versions };
  if (entry.authToken !== versions.auth || Date.now() - entry.cachedAt > ENTRY_TTL_MS) {
    cache.delete(tokenHash);
    return { session: null, versions };
  }
  return { session: entry, versions };
}

/** Keeps a session read from the database under the auth token read before the read. */
export function keepSession(db: Db, tokenHash: string, session: CachedSession, authToken: string): void {
  const cache = cacheOf(db);
  cache.delete(tokenHash);
  cache.set(tokenHash, { ...session, authToken, cachedAt: Date.now() });
  if (cache.size > MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
}

/** Forgets a session here at once (this process ended it; other processes see the auth token change). */
export function forgetSession(db: Db, tokenHash: string): void {
  cacheOf(db).delete(tokenHash);
}
