// One app_settings row by key, for the modules that keep a setting group there (each validates the
// value with its own zod contract and falls back to its defaults: `settingOrDefault`).
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from './client.js';
import { isoSql, parseRows } from './sql.js';

/** A stored row: its value, when it was last changed and the display name of who did (null: the system). */
export type SettingRow = { value: unknown; updatedAt: string; updatedBy: string | null };

/** The stored value of `key`, when and by whom it was last changed, or null when never set. */
export async function selectSettingRow(db: Db, key: string): Promise<SettingRow | null> {
  const result = await db.execute(sql`
    SELECT s.value, ${isoSql(sql`s.updated_at`)} AS "updatedAt", u.display_name AS "updatedBy"
      FROM app_settings s LEFT JOIN users u ON u.id = s.updated_by
     WHERE s.key = ${key}`);
  return parseRows(result, z.object({ value: z.unknown(), updatedAt: z.string(), updatedBy: z.string().nullable() }))[0] ?? null;
}

/** Stores `value` under `key` (replacing it), by `userId` (null: the system). */
export async function upsertSettingRow(db: Db, key: string, value: unknown, userId: string | null): Promise<void> {
  await db.execute(sql`
    INSERT INTO app_settings (key, value, updated_at, updated_by) VALUES (${key}, ${JSON.stringify(value)}::jsonb, now(), ${userId})
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`);
}

/** The reader of a setting group stored whole: the stored value when `schema` accepts it, else `defaults`. */
export function settingOrDefault<T>(schema: z.ZodType<T>, defaults: T): (stored: unknown) => T {
  return (stored) => {
    const parsed = schema.safeParse(stored);
    return parsed.success ? parsed.data : defaults;
  };
}
