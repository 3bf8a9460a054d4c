// Whole answers of read routes kept as the UTF-8 bytes of the JSON the route's response schema
// produced, so a hit costs neither the queries nor the validation, serialisation and encoding again.
import type { Db } from '../db/client.js';
import { readDataVersions, type DataVersions } from '../db/versions.js';
import type { Actor } from './actor.js';

/** Bytes of JSON kept per cache before the oldest answers go (a city's screens fit many times over). */
const MAX_BYTES = 32 * 1024 * 1024;
/** Answers larger than this are not kept (a long export page would push out many screens). */
const MAX_ANSWER_BYTES = 1024 * 1024;

/**
 * A cache of serialised answers of the routes of one kind: `token` names the data version the answers
 * follow (`stats`: any write the statistics read; `master`: master data, memberships, 规上 years,
 * month statuses and snapshots, not the monthly figures). Declared once per route file and handed to
 * `routes.get(url, { cache }, …)` (server/lib/routes.ts), which builds the key from everything else an
 * answer depends on: the route, its parsed parameters and query, the caller's role, scopes and
 * 统计审核员 flag, the language, and the day in Shanghai (answers that default to the current year or
 * month).
 */
export type AnswerCache = {
  db: Db;
  token: keyof Omit<DataVersions, 'auth'>;
  /**
   * The answer text for `key` at the current data version (`versions` when the request already read
   * them, after it came), or computes, keeps and returns it.
   */
  get: (key: string, compute: () => Promise<string>, versions?: DataVersions) => Promise<Buffer>;
  /** Answers computed (not served from the cache) since start: tests prove a hit with it. */
  computed: () => number;
  /**
   * Reads its data versions on its own database, never the request's (read on the primary): a cache
   * of answers computed on a read replica.
   */
  ownVersions: boolean;
};

export function createAnswerCache(db: Db, token: AnswerCache['token'], options: { ownVersions?: boolean } = {}): AnswerCache {
  const entries = new Map<string, Promise<Buffer>>();
  const sizes = new Map<string, number>();
  let bytes = 0;
  let computed = 0;
  const drop = (key: string) => {
    entries.delete(key);
    bytes -= sizes.get(key) ?? 0;
    sizes.delete(key);
  };
  return {
    db,
    token,
    ownVersions: options.ownVersions ?? false,
    computed: () => computed,
    async get(key, compute, versions) {
      const fullKey = `${(versions ?? (await readDataVersions(db)))[token]}|${key}`;
      const hit = entries.get(fullKey);
      if (hit) {
        // Most recently used last: the oldest entries are the ones the map yields first.
        entries.delete(fullKey);
        entries.set(fullKey, hit);
        return hit;
      }
      computed += 1;
      const pending = compute().then((text) => Buffer.from(text, 'utf8'));
      entries.set(fullKey, pending);
      pending.then(
        (body) => {
          if (entries.get(fullKey) !== pending) return;
          if (body.length > MAX_ANSWER_BYTES) return drop(fullKey);
          sizes.set(fullKey, body.length);
          bytes += body.length;
          for (const oldest of entries.keys()) {
            if (bytes <= MAX_BYTES) break;
            drop(oldest);
          }
        },
        () => drop(fullKey),
      );
      return pending;
    },
  };
}

/** What of the caller an answer may depend on: role, scopes (in a stable order) and the 统计审核员 flag, never the person. */
export function callerKeyOf(actor: Actor): string {
  const scopes = actor.scopes.map((s) => `${s.kind}:${s.ref}`).sort();
  return JSON.stringify([actor.role, actor.statsReviewer, scopes]);
}
