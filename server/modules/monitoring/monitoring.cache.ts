import type { Db } from '../../db/client.js';
import { readDataVersions } from '../../db/versions.js';

const MAX_ENTRIES = 200;

/**
 * The current data token: a new random value after every change to data the statistics read
 * (triggers, see server/db/versions.ts).
 */
export async function selectStatsToken(db: Db): Promise<string> {
  return (await readDataVersions(db)).stats;
}

/**
 * Which token an answer is kept under: `stats` (any write the statistics read) or `master` (only
 * for an answer over a published month's frozen figures: master data, memberships, 规上 years,
 * statuses and snapshots, not the live monthly figures, whose new rows a snapshot never reads).
 */
export type CacheToken = 'stats' | 'master';

/** The token of an answer over `view`: a published month's frozen figures need only the master token. */
export function tokenOf(view: { kind: 'live' | 'frozen' }): CacheToken {
  return view.kind === 'frozen' ? 'master' : 'stats';
}

/**
 * A cache of computed statistics of one kind. `get(db, key, compute, token)` returns the answer for
 * `key` computed on the current data, or computes it. The key must hold everything the answer
 * depends on besides the data (the query, the caller's scope, the snapshot of a frozen view); the
 * data token makes a stale answer impossible. Failed computations are not kept; the oldest entry goes
 * first when full. `computed` counts computations (tests prove a hit by it).
 */
export function createStatisticCache<T>() {
  const entries = new Map<string, Promise<T>>();
  const get = async function get(db: Db, key: string, compute: () => Promise<T>, token: CacheToken = 'stats'): Promise<T> {
    const versions = await readDataVersions(db);
    const fullKey = `${token}:${versions[token]}|${key}`;
    const hit = entries.get(fullKey);
    if (hit) return hit;
    get.computed += 1;
    const pending = compute();
    entries.set(fullKey, pending);
    if (entries.size > MAX_ENTRIES) {
      const oldest = entries.keys().next().value;
      if (oldest !== undefined) entries.delete(oldest);
    }
    pending.catch(() => entries.delete(fullKey));
    return pending;
  };
  get.computed = 0;
  return get;
}
