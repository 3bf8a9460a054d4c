// 督查考核 assessment: schemes versioned by year, the assessors' entries and the stored runs.
import { index, integer, jsonb, numeric, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
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
import { inList, references } from './schema-checks.js';
import { createdAt, identityId, updatedAt, writtenAt } from './schema-columns.js';

/**
 * One version of a scheme of a year. The definition (indicators, weights, rules, bonus, deduction
 * and veto items) is checked by the service (weights sum to 100, known sources) before it is stored.
 * A scheme with a stored run is never changed in place: an edit writes version + 1.
 */
export const assessmentSchemes = pgTable(
  'assessment_schemes',
  {
    id: identityId(),
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
    inList('assessment_schemes_kind_check', t.kind, ASSESSMENT_KINDS),
    inList('assessment_schemes_status_check', t.status, SCHEME_STATUSES),
  ],
);

/** An assessor's figure for one object and one item of a scheme version (a manual value, points, a veto). */
export const assessmentEntries = pgTable(
  'assessment_entries',
  {
    id: identityId(),
    schemeId: integer('scheme_id').notNull(),
    objectCode: text('object_code').notNull(),
    itemCode: text('item_code').notNull(),
    kind: text('kind').$type<EntryKind>().notNull(),
    value: numeric('value', { precision: 14, scale: 4, mode: 'number' }),
    evidence: text('evidence').notNull(),
    enteredBy: text('entered_by'),
    enteredAt: writtenAt('entered_at'),
  },
  (t) => [
    references('assessment_entries_scheme_id_fkey', t.schemeId, assessmentSchemes.id).onDelete('cascade'),
    unique('assessment_entries_scheme_object_item_key').on(t.schemeId, t.objectCode, t.itemCode),
    inList('assessment_entries_kind_check', t.kind, ENTRY_KINDS),
  ],
);

/**
 * A stored run: the scheme's definition as scored and every object's results with the source figures
 * each indicator was scored on, so a past year's run reads the same whatever changes later.
 */
export const assessmentRuns = pgTable(
  'assessment_runs',
  {
    id: identityId(),
    schemeId: integer('scheme_id').notNull(),
    definition: jsonb('definition').$type<SchemeDefinition>().notNull(),
    results: jsonb('results').$type<ObjectResult[]>().notNull(),
    ranBy: text('ran_by').notNull(),
    ranAt: createdAt(),
  },
  (t) => [
    references('assessment_runs_scheme_id_fkey', t.schemeId, assessmentSchemes.id),
    index('assessment_runs_scheme_id_idx').on(t.schemeId),
  ],
);
