// Settings an administrator changes at run time (thresholds and the like), one jsonb value per key.
// Each module reads its own key, validates it with its zod contract and falls back to its defaults.
import { jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { updatedAt } from './schema-columns.js';

/** One row per setting group, e.g. key 'warnings' → the warning thresholds. Writes are audited. */
export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAt(),
  /** The user who last changed it; null for the system. */
  updatedBy: uuid('updated_by'),
});
