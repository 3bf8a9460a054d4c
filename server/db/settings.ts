// One app_settings row by key, for the modules that keep a setting group there (each validates the
// value with its own zod contract and falls back to its defaults).
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from './client.js';
import { isoSql, parseRows } from './sql.js';

/** The stored value of `key` and when it was last changed, or null when never set. */
export async function selectSettingRow(db: Db, key: string): Promise<{ value: unknown; updatedAt: string } | null> {
  const result = await db.execute(sql`SELECT value, ${isoSql('updated_at')} AS "updatedAt" FROM app_settings WHERE key = ${key}`);
  return parseRows(result, z.object({ value: z.unknown(), updatedAt: z.string() }))[0] ?? null;
}

/** Stores `value` under `key` (replacing it), by `userId` (null: the system). */
export async function upsertSettingRow(db: Db, key: string, value: unknown, userId: string | null): Promise<void> {
  await db.execute(sql`
    INSERT INTO app_settings (key, value, updated_at, updated_by) VALUES (${key}, ${JSON.stringify(value)}::jsonb, now(), ${userId})
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`);
}
