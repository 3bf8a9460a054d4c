// SQL of 督查考核 assessment: schemes with their run counts, entries, runs.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { AssessmentKind, EntryKind, ObjectResult, SchemeDefinition, SchemeStatus } from '../../../shared/contracts/assessment.js';
import type { Db } from '../../db/client.js';
import { assessmentEntries, assessmentRuns, assessmentSchemes } from '../../db/schema.js';

export type SchemeRow = typeof assessmentSchemes.$inferSelect & { runCount: number; lastRunId: number | null };

// Qualified by hand: Drizzle writes a column of the selected table unqualified, which inside the subquery would name r's own id.
const runCount = sql<number>`(SELECT count(*)::int FROM assessment_runs r WHERE r.scheme_id = assessment_schemes.id)`;
const lastRunId = sql<number | null>`(SELECT max(r.id) FROM assessment_runs r WHERE r.scheme_id = assessment_schemes.id)`;

/** Schemes, newest year and version first, optionally of one kind and year. */
export async function selectSchemes(db: Db, filter: { kind?: AssessmentKind; year?: number }): Promise<SchemeRow[]> {
  const where = and(
    filter.kind ? eq(assessmentSchemes.kind, filter.kind) : undefined,
    filter.year ? eq(assessmentSchemes.year, filter.year) : undefined,
  );
  return db
    .select({ ...getColumns(), runCount, lastRunId })
    .from(assessmentSchemes)
    .where(where)
    .orderBy(desc(assessmentSchemes.year), asc(assessmentSchemes.kind), desc(assessmentSchemes.version));
}

function getColumns() {
  const { id, kind, year, version, name, status, definition, createdBy, createdAt, updatedAt } = assessmentSchemes;
  return { id, kind, year, version, name, status, definition, createdBy, createdAt, updatedAt };
}

export async function selectScheme(db: Db, id: number): Promise<SchemeRow | undefined> {
  const [row] = await db
    .select({ ...getColumns(), runCount, lastRunId })
    .from(assessmentSchemes)
    .where(eq(assessmentSchemes.id, id));
  return row;
}

/** The highest version of a kind and year (0 when none). */
export async function selectLatestVersion(db: Db, kind: AssessmentKind, year: number): Promise<number> {
  const [row] = await db
    .select({ v: sql<number>`coalesce(max(${assessmentSchemes.version}), 0)::int` })
    .from(assessmentSchemes)
    .where(and(eq(assessmentSchemes.kind, kind), eq(assessmentSchemes.year, year)));
  return row?.v ?? 0;
}

export async function countSchemes(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(assessmentSchemes);
  return row?.n ?? 0;
}

export async function insertScheme(
  db: Db,
  values: {
    kind: AssessmentKind;
    year: number;
    version: number;
    name: string;
    status: SchemeStatus;
    definition: SchemeDefinition;
    createdBy: string | null;
  },
): Promise<number> {
  const [row] = await db.insert(assessmentSchemes).values(values).returning({ id: assessmentSchemes.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

export async function updateScheme(
  db: Db,
  id: number,
  patch: { name?: string; status?: SchemeStatus; definition?: SchemeDefinition },
): Promise<void> {
  await db
    .update(assessmentSchemes)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(assessmentSchemes.id, id));
}

/** Archives the other active schemes of a kind and year (one active scheme per year). */
export async function archiveOtherActive(db: Db, kind: AssessmentKind, year: number, keepId: number): Promise<void> {
  await db
    .update(assessmentSchemes)
    .set({ status: 'archived', updatedAt: sql`now()` })
    .where(
      and(
        eq(assessmentSchemes.kind, kind),
        eq(assessmentSchemes.year, year),
        eq(assessmentSchemes.status, 'active'),
        sql`${assessmentSchemes.id} <> ${keepId}`,
      ),
    );
}

export type EntryRow = typeof assessmentEntries.$inferSelect;

export async function selectEntries(db: Db, schemeId: number): Promise<EntryRow[]> {
  return db
    .select()
    .from(assessmentEntries)
    .where(eq(assessmentEntries.schemeId, schemeId))
    .orderBy(asc(assessmentEntries.objectCode), asc(assessmentEntries.itemCode));
}

export async function selectEntry(db: Db, schemeId: number, objectCode: string, itemCode: string): Promise<EntryRow | undefined> {
  const [row] = await db
    .select()
    .from(assessmentEntries)
    .where(
      and(eq(assessmentEntries.schemeId, schemeId), eq(assessmentEntries.objectCode, objectCode), eq(assessmentEntries.itemCode, itemCode)),
    );
  return row;
}

export async function upsertEntry(
  db: Db,
  values: {
    schemeId: number;
    objectCode: string;
    itemCode: string;
    kind: EntryKind;
    value: number | null;
    evidence: string;
    enteredBy: string;
  },
): Promise<void> {
  await db
    .insert(assessmentEntries)
    .values(values)
    .onConflictDoUpdate({
      target: [assessmentEntries.schemeId, assessmentEntries.objectCode, assessmentEntries.itemCode],
      set: { kind: values.kind, value: values.value, evidence: values.evidence, enteredBy: values.enteredBy, enteredAt: sql`now()` },
    });
}

/** Copies a scheme version's entries to its next version (a new version starts with what was entered). */
export async function copyEntries(db: Db, fromId: number, toId: number): Promise<void> {
  await db.execute(sql`INSERT INTO assessment_entries (scheme_id, object_code, item_code, kind, value, evidence, entered_by, entered_at)
    SELECT ${toId}, object_code, item_code, kind, value, evidence, entered_by, entered_at FROM assessment_entries WHERE scheme_id = ${fromId}`);
}

export async function insertRun(
  db: Db,
  values: { schemeId: number; definition: SchemeDefinition; results: ObjectResult[]; ranBy: string },
): Promise<number> {
  const [row] = await db.insert(assessmentRuns).values(values).returning({ id: assessmentRuns.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

export type RunRow = typeof assessmentRuns.$inferSelect & { kind: AssessmentKind; year: number; schemeName: string; schemeVersion: number };

const runColumns = {
  id: assessmentRuns.id,
  schemeId: assessmentRuns.schemeId,
  definition: assessmentRuns.definition,
  results: assessmentRuns.results,
  ranBy: assessmentRuns.ranBy,
  ranAt: assessmentRuns.ranAt,
  kind: assessmentSchemes.kind,
  year: assessmentSchemes.year,
  schemeName: assessmentSchemes.name,
  schemeVersion: assessmentSchemes.version,
};

export async function selectRun(db: Db, id: number): Promise<RunRow | undefined> {
  const [row] = await db
    .select(runColumns)
    .from(assessmentRuns)
    .innerJoin(assessmentSchemes, eq(assessmentSchemes.id, assessmentRuns.schemeId))
    .where(eq(assessmentRuns.id, id));
  return row;
}

/** Runs, newest first, optionally of one scheme version. */
export async function selectRuns(db: Db, schemeId: number | undefined): Promise<RunRow[]> {
  return db
    .select(runColumns)
    .from(assessmentRuns)
    .innerJoin(assessmentSchemes, eq(assessmentSchemes.id, assessmentRuns.schemeId))
    .where(schemeId === undefined ? undefined : eq(assessmentRuns.schemeId, schemeId))
    .orderBy(desc(assessmentRuns.id));
}
