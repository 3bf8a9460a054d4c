// 督查考核 assessment: schemes versioned by year, the assessors' entries and the stored runs.
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, jsonb, numeric, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import {
  ASSESSMENT_KINDS,
  ENTRY_KINDS,
  SCHEME_STATUSES,
  type AssessmentKind,
  type EntryKind,
  type ObjectResult,
  type SchemeDefinition,
  type SchemeStatus,
} from '../../shared/contracts/assessment.js';
import { createdAt, updatedAt } from './schema-master.js';
import { list } from './schema-checks.js';

/**
 * One version of a scheme of a year. The definition (indicators, weights, rules, bonus, deduction
 * and veto items) is checked by the service (weights sum to 100, known sources) before it is stored.
 * A scheme with a stored run is never changed in place: an edit writes version + 1.
 */
export const assessmentSchemes = pgTable(
  'assessment_schemes',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    kind: text('kind').$type<AssessmentKind>().notNull(),
    year: integer('year').notNull(),
    version: integer('version').notNull().default(1),
    name: text('name').notNull(),
    status: text('status').$type<SchemeStatus>().notNull().default('draft'),
    definition: jsonb('definition').$type<SchemeDefinition>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('assessment_schemes_kind_year_version_key').on(t.kind, t.year, t.version),
    check('assessment_schemes_kind_check', sql.raw(`kind in (${list(ASSESSMENT_KINDS)})`)),
    check('assessment_schemes_status_check', sql.raw(`status in (${list(SCHEME_STATUSES)})`)),
  ],
);

/** An assessor's figure for one object and one item of a scheme version (a manual value, points, a veto). */
export const assessmentEntries = pgTable(
  'assessment_entries',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    schemeId: integer('scheme_id').notNull(),
    objectCode: text('object_code').notNull(),
    itemCode: text('item_code').notNull(),
    kind: text('kind').$type<EntryKind>().notNull(),
    value: numeric('value', { precision: 14, scale: 4, mode: 'number' }),
    evidence: text('evidence').notNull(),
    enteredBy: text('entered_by'),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: 'assessment_entries_scheme_id_fkey', columns: [t.schemeId], foreignColumns: [assessmentSchemes.id] }).onDelete(
      'cascade',
    ),
    unique('assessment_entries_scheme_object_item_key').on(t.schemeId, t.objectCode, t.itemCode),
    check('assessment_entries_kind_check', sql.raw(`kind in (${list(ENTRY_KINDS)})`)),
  ],
);

/**
 * A stored run: the scheme's definition as scored and every object's results with the source figures
 * each indicator was scored on, so a past year's run reads the same whatever changes later.
 */
export const assessmentRuns = pgTable(
  'assessment_runs',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    schemeId: integer('scheme_id').notNull(),
    definition: jsonb('definition').$type<SchemeDefinition>().notNull(),
    results: jsonb('results').$type<ObjectResult[]>().notNull(),
    ranBy: text('ran_by').notNull(),
    ranAt: createdAt(),
  },
  (t) => [
    foreignKey({ name: 'assessment_runs_scheme_id_fkey', columns: [t.schemeId], foreignColumns: [assessmentSchemes.id] }),
    index('assessment_runs_scheme_id_idx').on(t.schemeId),
  ],
);
