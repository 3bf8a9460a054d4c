// Rows of app_settings by key: the one table every module's settings live in (warning thresholds,
// the agenda's threshold), read and written the same way.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from './client.js';
import { isoSql, parseRows } from './sql.js';

export type SettingRow = { value: unknown; updatedAt: string; updatedBy: string | null };

/** One settings row with the display name of who changed it last; null when never set. */
export async function selectSetting(db: Db, key: string): Promise<SettingRow | null> {
  const result = parseRows(
    await db.execute(sql`
    SELECT s.value, ${isoSql(sql`s.updated_at`)} AS updated_at, u.display_name AS updated_by
      FROM app_settings s LEFT JOIN users u ON u.id = s.updated_by
     WHERE s.key = ${key}`),
    z.object({ value: z.unknown(), updated_at: z.string(), updated_by: z.string().nullable() }),
  );
  const row = result[0];
  return row ? { value: row.value, updatedAt: row.updated_at, updatedBy: row.updated_by } : null;
}

/** Creates or replaces one settings row. */
export async function upsertSetting(db: Db, key: string, value: unknown, userId: string | null): Promise<void> {
  await db.execute(sql`
    INSERT INTO app_settings (key, value, updated_at, updated_by) VALUES (${key}, ${JSON.stringify(value)}::jsonb, now(), ${userId})
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`);
}
