// The monthly chain briefs (产业链运行月报): one row per version of a series (a month, a kind and the
// chain or county it covers). Regenerating adds a version and keeps the old ones; the generated
// sections are kept whole in `content` (shared/contracts/briefs.ts), narratives edited in place.
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { BRIEF_KINDS, BRIEF_STATUSES } from '../../shared/contracts/briefs.js';
import { inList } from './schema-checks.js';
import { editedColumns, identityId } from './schema-columns.js';

export const briefs = pgTable(
  'briefs',
  {
    id: identityId(),
    /** `2024-06|city|`, `2024-06|chain|CH02`, `2024-06|region|430421`: the versions of one brief. */
    seriesKey: text('series_key').notNull(),
    seriesVersion: integer('series_version').notNull(),
    period: text('period').notNull(),
    kind: text('kind').notNull(),
    chainCode: text('chain_code'),
    regionCode: text('region_code'),
    status: text('status').notNull(),
    /** Read from a month not yet published (初步): never publishable. */
    preliminary: boolean('preliminary').notNull().default(false),
    /** The snapshot the figures were read from (null for a 初步 brief): a newer one marks the brief outdated. */
    snapshotId: integer('snapshot_id'),
    /** The generated brief: title, lead, sections (with their narratives), as-of and publication note. */
    content: jsonb('content').notNull(),
    /** `{ username, displayName, at }` of each step; null until it happens. */
    generatedBy: jsonb('generated_by').notNull(),
    submittedBy: jsonb('submitted_by'),
    reviewedBy: jsonb('reviewed_by'),
    publishedBy: jsonb('published_by'),
    returnedBy: jsonb('returned_by'),
    returnReason: text('return_reason'),
    ...editedColumns(),
  },
  (t) => [
    uniqueIndex('briefs_series_version_key').on(t.seriesKey, t.seriesVersion),
    index('briefs_period_idx').on(t.period),
    inList('briefs_kind_check', t.kind, BRIEF_KINDS),
    inList('briefs_status_check', t.status, BRIEF_STATUSES),
    check('briefs_preliminary_unpublished_check', sql`not (${t.preliminary} and ${t.status} = 'published')`),
  ],
);
