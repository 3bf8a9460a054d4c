import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { statsVersion } from '../../db/schema.js';

const MAX_ENTRIES = 200;

function prepareTokenQuery(db: Db) {
  return db.select({ token: statsVersion.token }).from(statsVersion).where(eq(statsVersion.id, 1)).prepare('stats_token');
}

const tokenQueries = new WeakMap<Db, ReturnType<typeof prepareTokenQuery>>();

/**
 * The current data token: a new random value after every change to data the statistics read
 * (triggers). Asked before every cached answer, so a named prepared statement (planned once per connection).
 */
export async function selectStatsToken(db: Db): Promise<string> {
  let query = tokenQueries.get(db);
  if (!query) {
    query = prepareTokenQuery(db);
    tokenQueries.set(db, query);
  }
  const [row] = await query.execute();
  return row?.token ?? 'none';
}

/**
 * A cache of computed statistics of one kind. `get(db, key, compute)` returns the answer for `key`
 * computed on the current data, or computes it. The key must hold everything the answer depends on
 * besides the data (the query and the caller's scope); the data token makes a stale answer
 * impossible. Failed computations are not kept; the oldest entry goes first when full.
 */
export function createStatisticCache<T>() {
  const entries = new Map<string, Promise<T>>();
  return async function get(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
    const fullKey = `${await selectStatsToken(db)}|${key}`;
    const hit = entries.get(fullKey);
    if (hit) return hit;
    const pending = compute();
    entries.set(fullKey, pending);
    if (entries.size > MAX_ENTRIES) {
      const oldest = entries.keys().next().value;
      if (oldest !== undefined) entries.delete(oldest);
    }
    pending.catch(() => entries.delete(fullKey));
    return pending;
  };
}
