// All SQL of the figures module: the firms a file names, stored months and their marks, the trailing
// medians behind the unit-slip warning, and the writes (months, revisions, marks) of an import or
// a manual entry. Lists travel as arrays (unnest), so 50,000 rows are a handful of statements.
import { isoSql, parseRows, textArray } from '../../db/sql.js';
import { z } from 'zod';
import { sql, type SQL } from 'drizzle-orm';
import {
  FIGURE_FIELDS,
  figureSourceSchema,
  figureValues,
  type FigureField,
  type FigureSource,
  type FigureValues,
} from '../../../shared/contracts/figures.js';
import type { Db } from '../../db/client.js';
import { membershipCurrentSql } from '../enterprises/memberships.sql.js';

const COLUMN: Record<FigureField, string> = {
  grossOutput: 'gross_output',
  revenue: 'revenue',
  profit: 'profit',
  taxes: 'taxes',
  electricityKwh: 'electricity_kwh',
  employees: 'employees',
  prevYearGrossOutput: 'prev_year_gross_output',
  prevYearRevenue: 'prev_year_revenue',
  prevYearProfit: 'prev_year_profit',
  prevYearTaxes: 'prev_year_taxes',
};
const VALUE_COLUMNS = sql.raw(FIGURE_FIELDS.map((f) => `f.${COLUMN[f]} AS "${f}"`).join(', '));

/** USCCs as char(18) values: compared with the char(18) key as text, the planner could not use its index. */
function usccArray(values: readonly string[]): SQL {
  return sql`${sql.param([...values])}::bpchar[]`;
}

/** Writes go in slices: one statement's parameters stay far below PostgreSQL's limit. */
const SLICE = 5000;
function slices<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += SLICE) out.push(items.slice(i, i + SLICE));
  return out;
}

/** What access checks and messages need of a firm: its place (region, park) and its chains. */
export type FirmFacts = {
  uscc: string;
  name: string;
  regionCode: string;
  park: { id: number; name: string; shortName: string } | null;
  chainCodes: string[];
};

export async function selectFirmFacts(db: Db, usccs: readonly string[]): Promise<FirmFacts[]> {
  if (usccs.length === 0) return [];
  const result = parseRows(
    await db.execute(sql`
    SELECT e.uscc, e.name, e.region_code, e.park_id, p.name AS park_name, p.short_name AS park_short_name,
           coalesce(array_agg(DISTINCT n.chain_code) FILTER (WHERE n.chain_code IS NOT NULL), '{}') AS chain_codes
      FROM enterprises e
      LEFT JOIN parks p ON p.id = e.park_id
      LEFT JOIN enterprise_memberships m ON m.uscc = e.uscc AND ${membershipCurrentSql('m')}
      LEFT JOIN chain_nodes n ON n.id = m.node_id
     WHERE e.uscc = ANY(${usccArray(usccs)})
     GROUP BY e.uscc, p.id`),
    z.object({
      uscc: z.string(),
      name: z.string(),
      region_code: z.string(),
      park_id: z.number().nullable(),
      park_name: z.string().nullable(),
      park_short_name: z.string().nullable(),
      chain_codes: z.array(z.string()),
    }),
  );
  return result.map((r) => ({
    uscc: r.uscc,
    name: r.name,
    regionCode: r.region_code,
    park: r.park_id === null ? null : { id: r.park_id, name: r.park_name ?? '', shortName: r.park_short_name ?? '' },
    chainCodes: r.chain_codes,
  }));
}

/** Firms whose name is one of `names`: the USCC to suggest when a file's code is unknown. */
export async function selectFirmsByName(db: Db, names: readonly string[]): Promise<{ uscc: string; name: string }[]> {
  if (names.length === 0) return [];
  const result = parseRows(
    await db.execute(sql`SELECT uscc, name FROM enterprises WHERE name = ANY(${textArray(names)})`),
    z.object({ uscc: z.string(), name: z.string() }),
  );
  return result;
}

const storedRow = figureValues.extend({
  uscc: z.string(),
  period: z.string(),
  source: figureSourceSchema,
  updatedAt: z.string(),
  version: z.string(),
});
export type StoredRow = z.infer<typeof storedRow>;

/** A stored month as an import compares it: the values and `version` (see selectStoredFigures). */
export type StoredMonthRow = FigureValues & { uscc: string; period: string; version: string };

/** An integer value column as the driver hands it over (int8 as a number: server/db/client.ts), or null. */
function isStoredValue(value: unknown): value is number | null {
  return value === null || Number.isSafeInteger(value);
}

/**
 * The rows of selectStoredFigures, checked as parseRows would (a row of another shape fails loudly)
 * but without a copy of each: an import reads a hundred thousand of them and more, and zod's copy of
 * each (then another without uscc and period) made two objects of garbage per stored month.
 */
function checkedStoredRows(rows: readonly unknown[]): StoredMonthRow[] {
  rows.forEach((row, index) => {
    // Only read here, each property checked below.
    const r = row as Record<string, unknown>;
    const ok =
      typeof r.uscc === 'string' &&
      typeof r.period === 'string' &&
      typeof r.version === 'string' &&
      FIGURE_FIELDS.every((f) => isStoredValue(r[f]));
    if (!ok) throw new Error(`row ${index} does not match its row type: ${JSON.stringify(row)}`);
  });
  return rows as StoredMonthRow[]; // every row checked above
}

/**
 * Stored months of the firms between two periods, with what writes compare (the values) and check
 * (`version`: updated_at to the microsecond, so a write can check nobody changed the row since it was
 * read); nothing else, as an import holds tens of thousands of them.
 */
export async function selectStoredFigures(db: Db, usccs: readonly string[], from: string, to: string): Promise<StoredMonthRow[]> {
  if (usccs.length === 0) return [];
  const result = await db.execute(sql`
    SELECT f.uscc, f.period, ${VALUE_COLUMNS},
           to_char(f.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS version
      FROM monthly_figures f
     WHERE f.uscc = ANY(${usccArray(usccs)}) AND f.period BETWEEN ${from} AND ${to}`);
  return checkedStoredRows(result.rows);
}

/** Februaries marked as holding the combined 1–2月 figure. */
export async function selectCombinedMarks(
  db: Db,
  usccs: readonly string[],
  from: string,
  to: string,
): Promise<{ uscc: string; period: string }[]> {
  if (usccs.length === 0) return [];
  const result = parseRows(
    await db.execute(sql`
    SELECT uscc, period FROM monthly_figure_marks
     WHERE mark = 'jan_feb_combined' AND uscc = ANY(${usccArray(usccs)}) AND period BETWEEN ${from} AND ${to}`),
    z.object({ uscc: z.string(), period: z.string() }),
  );
  return result;
}

/** Measures the unit-slip check looks at (利润 may be negative or near zero, so a ratio says nothing). */
export const MEDIAN_FIELDS = ['grossOutput', 'revenue', 'taxes', 'electricityKwh', 'employees'] as const satisfies readonly FigureField[];
export type MedianField = (typeof MEDIAN_FIELDS)[number];

function valueArray(field: FigureField, values: readonly (number | null)[]): SQL {
  return sql`${sql.param([...values])}::${sql.raw(field === 'employees' ? 'int[]' : 'bigint[]')}`;
}

const NEW_COLUMNS = FIGURE_FIELDS.map((f) => COLUMN[f]);
const OLD_COLUMNS = FIGURE_FIELDS.map((f) => `old_${COLUMN[f]}`);

/** jsonb of a month with the API's field names, from columns named `<prefix><column>`. */
function monthJson(prefix: string): SQL {
  return sql.raw(`jsonb_build_object(${FIGURE_FIELDS.map((f) => `'${f}', ${prefix}${COLUMN[f]}`).join(', ')})`);
}

export type MonthWrite = { uscc: string; period: string; values: FigureValues };
export type MonthUpdate = MonthWrite & { before: FigureValues; version: string };
export type WrittenBy = { source: FigureSource; userId: string | null; userName: string };

/**
 * Creates new months and their first revision (old_values null) in one statement per slice. A month
 * that exists by now (someone else wrote it since it was read) is skipped: the count returned is
 * then short and the caller treats it as a conflict.
 */
export async function insertMonthsWithRevisions(db: Db, writes: readonly MonthWrite[], by: WrittenBy): Promise<number> {
  let written = 0;
  for (const slice of slices(writes)) {
    const arrays = FIGURE_FIELDS.map((f) =>
      valueArray(
        f,
        slice.map((w) => w.values[f]),
      ),
    );
    const result = await db.execute(sql`
      WITH u AS (
        SELECT * FROM unnest(${usccArray(slice.map((w) => w.uscc))}, ${textArray(slice.map((w) => w.period))}, ${sql.join(arrays, sql`, `)})
          AS u(uscc, period, ${sql.raw(NEW_COLUMNS.join(', '))})
      ), added AS (
        INSERT INTO monthly_figures (uscc, period, ${sql.raw(NEW_COLUMNS.join(', '))}, source, updated_at)
        SELECT uscc, period, ${sql.raw(NEW_COLUMNS.join(', '))}, ${by.source}, now() FROM u
        ON CONFLICT (uscc, period) DO NOTHING
        RETURNING uscc, period, ${sql.raw(NEW_COLUMNS.join(', '))}
      )
      INSERT INTO monthly_figure_revisions (uscc, period, old_values, new_values, source, changed_by, changed_by_name, changed_at)
      SELECT uscc, period, NULL, ${monthJson('')}, ${by.source}, ${by.userId}::uuid, ${by.userName}, now() FROM added`);
    written += result.rowCount ?? 0;
  }
  return written;
}

/**
 * Replaces stored months and records each change as a revision (whole month before and after), in
 * one statement per slice. Only rows still at the version that was read are updated, so a change
 * made by someone else in between leaves the count short (the caller rolls back: a conflict).
 */
export async function updateMonthsWithRevisions(db: Db, writes: readonly MonthUpdate[], by: WrittenBy): Promise<number> {
  let written = 0;
  for (const slice of slices(writes)) {
    const result = await db.execute(sql`
      WITH u AS (${updateRows(slice)}), changed AS (
        UPDATE monthly_figures f
           SET ${sql.raw(NEW_COLUMNS.map((c) => `${c} = u.${c}`).join(', '))}, source = ${by.source}, updated_at = now()
          FROM u
         WHERE ${VERSION_MATCH}
        RETURNING u.*
      )
      INSERT INTO monthly_figure_revisions (uscc, period, old_values, new_values, source, changed_by, changed_by_name, changed_at)
      SELECT uscc, period, ${monthJson('old_')}, ${monthJson('')}, ${by.source}, ${by.userId}::uuid, ${by.userName}, now() FROM changed`);
    written += result.rowCount ?? 0;
  }
  return written;
}

/**
 * The stored month `f` still at the version `u` was read at. "IS TRUE" keeps the version check out of
 * the join key: it runs on the matched rows only. The version (UTC to the microsecond, as
 * selectStoredFigures read it) comes as a timestamptz: compared as one, not as text formatted for each row.
 */
const VERSION_MATCH = sql.raw('f.uscc = u.uscc AND f.period = u.period AND (f.updated_at = u.version) IS TRUE');

/** Updates as rows (uscc, period, version, the new values, the old values `old_…`): arrays unnested. */
function updateRows(slice: readonly MonthUpdate[]): SQL {
  const arrays = [
    ...FIGURE_FIELDS.map((f) =>
      valueArray(
        f,
        slice.map((w) => w.values[f]),
      ),
    ),
    ...FIGURE_FIELDS.map((f) =>
      valueArray(
        f,
        slice.map((w) => w.before[f]),
      ),
    ),
  ];
  return sql`SELECT * FROM unnest(${usccArray(slice.map((w) => w.uscc))}, ${textArray(slice.map((w) => w.period))}, ${sql.param(slice.map((w) => `${w.version}Z`))}::timestamptz[], ${sql.join(arrays, sql`, `)})
          AS u(uscc, period, version, ${sql.raw([...NEW_COLUMNS, ...OLD_COLUMNS].join(', '))})`;
}

/** The temporary table an import's months are loaded into before one merge writes them (dropped at commit or rollback). */
const STAGE = sql.raw('figure_import_stage');

/**
 * Creates the (empty) table an import's months are loaded into, in the caller's transaction: one
 * row per month to write, `version` null for a month to create. Loaded step by step
 * (insertStagedMonths), written by one statement (mergeStagedMonths): the triggers on monthly_figures
 * that work per statement (the kept versions, the statistics token, rollups) then run once per import.
 * Its key lets the merge join by index from either side: with hash joins off (withIndexJoins) and a
 * freshly filled monthly_figures the planner may take the stored months as the outer side.
 */
export async function createMonthStage(db: Db): Promise<void> {
  const columns = [...NEW_COLUMNS, ...OLD_COLUMNS].map((c) => `${c} ${c.endsWith('employees') ? 'int' : 'bigint'}`).join(', ');
  await db.execute(
    sql`CREATE TEMPORARY TABLE ${STAGE} (uscc char(18) NOT NULL, period text NOT NULL, version timestamptz, ${sql.raw(columns)}, PRIMARY KEY (uscc, period)) ON COMMIT DROP`,
  );
}

/** Loads months to create and to update into the import's stage (createMonthStage): one multi-row INSERT of unnested arrays per slice. */
export async function insertStagedMonths(db: Db, creates: readonly MonthWrite[], updates: readonly MonthUpdate[]): Promise<void> {
  for (const slice of slices(updates)) await db.execute(sql`INSERT INTO ${STAGE} ${updateRows(slice)}`);
  for (const slice of slices(creates)) {
    const arrays = FIGURE_FIELDS.map((f) =>
      valueArray(
        f,
        slice.map((w) => w.values[f]),
      ),
    );
    await db.execute(sql`
      INSERT INTO ${STAGE} (uscc, period, ${sql.raw(NEW_COLUMNS.join(', '))})
      SELECT * FROM unnest(${usccArray(slice.map((w) => w.uscc))}, ${textArray(slice.map((w) => w.period))}, ${sql.join(arrays, sql`, `)})`);
  }
}

/**
 * Writes the staged months in one statement: updates of months still at the version read, creates of
 * months still absent, and one revision per month written (old values null for a created month), as
 * insertMonthsWithRevisions and updateMonthsWithRevisions do. Returns how many were written: short
 * when someone changed or created a month in between (the caller rolls back: a conflict).
 */
export async function mergeStagedMonths(db: Db, by: WrittenBy): Promise<number> {
  const result = await db.execute(sql`
    WITH changed AS (
      UPDATE monthly_figures f
         SET ${sql.raw(NEW_COLUMNS.map((c) => `${c} = u.${c}`).join(', '))}, source = ${by.source}, updated_at = now()
        FROM ${STAGE} u
       WHERE u.version IS NOT NULL AND ${VERSION_MATCH}
      RETURNING u.*
    ), added AS (
      INSERT INTO monthly_figures (uscc, period, ${sql.raw(NEW_COLUMNS.join(', '))}, source, updated_at)
      SELECT uscc, period, ${sql.raw(NEW_COLUMNS.join(', '))}, ${by.source}, now() FROM ${STAGE} WHERE version IS NULL
      ON CONFLICT (uscc, period) DO NOTHING
      RETURNING uscc, period, ${sql.raw(NEW_COLUMNS.join(', '))}
    )
    INSERT INTO monthly_figure_revisions (uscc, period, old_values, new_values, source, changed_by, changed_by_name, changed_at)
    SELECT uscc, period, NULL, ${monthJson('')}, ${by.source}, ${by.userId}::uuid, ${by.userName}, now() FROM added
    UNION ALL
    SELECT uscc, period, ${monthJson('old_')}, ${monthJson('')}, ${by.source}, ${by.userId}::uuid, ${by.userName}, now() FROM changed`);
  return result.rowCount ?? 0;
}

/**
 * Runs `work` (in the caller's transaction) with the planner told to join by index: an import's
 * updates (updateMonthsWithRevisions), 5,000 months a statement. The planner knows a slice holds
 * 5,000 rows but, with the table's pages cached, it estimates a hash join over the whole table as cheaper than 5,000 primary-key lookups: measured at 100,000 updates on a 153,000-month
 * table (docs/BENCHMARKS.md), the hash join read every stored month once per slice (~40% of each
 * statement), and at province scale (millions of months) it would read them all 20 times over. The
 * settings are local to the transaction and put back when `work` is done (when it fails, the
 * transaction's rollback drops them).
 */
export async function withIndexJoins<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const before = parseRows(
    await db.execute(sql`
      SELECT o.hash, o.merge, set_config('enable_hashjoin', 'off', true) AS h, set_config('enable_mergejoin', 'off', true) AS m
        FROM (SELECT current_setting('enable_hashjoin') AS hash, current_setting('enable_mergejoin') AS merge) AS o`),
    z.object({ hash: z.string(), merge: z.string() }),
  )[0];
  const result = await work();
  await db.execute(
    sql`SELECT set_config('enable_hashjoin', ${before?.hash ?? 'on'}, true), set_config('enable_mergejoin', ${before?.merge ?? 'on'}, true)`,
  );
  return result;
}

/** Sets or removes the combined 1–2月 mark on Februaries. */
export async function updateCombinedMarks(
  db: Db,
  add: readonly { uscc: string; period: string }[],
  remove: readonly { uscc: string; period: string }[],
): Promise<void> {
  for (const slice of slices(add)) {
    await db.execute(sql`
      INSERT INTO monthly_figure_marks (uscc, period, mark)
      SELECT u.uscc, u.period, 'jan_feb_combined' FROM unnest(${usccArray(slice.map((k) => k.uscc))}, ${textArray(slice.map((k) => k.period))}) AS u(uscc, period)
      ON CONFLICT DO NOTHING`);
  }
  for (const slice of slices(remove)) {
    await db.execute(sql`
      DELETE FROM monthly_figure_marks m
       USING unnest(${usccArray(slice.map((k) => k.uscc))}, ${textArray(slice.map((k) => k.period))}) AS u(uscc, period)
       WHERE m.uscc = u.uscc AND m.period = u.period AND m.mark = 'jan_feb_combined'`);
  }
}

const yearRow = storedRow.extend({ revisionCount: z.number(), janFebCombined: z.boolean() });
export type YearRow = z.infer<typeof yearRow>;

/** A firm's stored months of one year with their revision counts and marks, by period. */
export async function selectMonthsOfYear(db: Db, uscc: string, year: number): Promise<YearRow[]> {
  const result = parseRows(
    await db.execute(sql`
    SELECT f.uscc, f.period, ${VALUE_COLUMNS}, f.source, ${isoSql('f.updated_at')} AS "updatedAt", '' AS version,
           (SELECT count(*)::int FROM monthly_figure_revisions r WHERE r.uscc = f.uscc AND r.period = f.period) AS "revisionCount",
           EXISTS (SELECT 1 FROM monthly_figure_marks m WHERE m.uscc = f.uscc AND m.period = f.period AND m.mark = 'jan_feb_combined') AS "janFebCombined"
      FROM monthly_figures f
     WHERE f.uscc = ${uscc} AND f.period BETWEEN ${`${year}-01`} AND ${`${year}-12`}
     ORDER BY f.period`),
    yearRow,
  );
  return result;
}

/** Years in which the firm has stored months, newest first. */
export async function selectFigureYears(db: Db, uscc: string): Promise<number[]> {
  const result = parseRows(
    await db.execute(sql`
    SELECT DISTINCT substr(period, 1, 4)::int AS year FROM monthly_figures WHERE uscc = ${uscc} ORDER BY year DESC`),
    z.object({ year: z.number() }),
  );
  return result.map((r) => r.year);
}

const revisionRow = z.object({
  id: z.number(),
  changedAt: z.string(),
  changedByName: z.string(),
  source: z.string(),
  oldValues: z.unknown(),
  newValues: z.unknown(),
});
export type RevisionRow = z.infer<typeof revisionRow>;

/** Revisions of one enterprise-month, newest first. */
export async function selectRevisions(db: Db, uscc: string, period: string): Promise<RevisionRow[]> {
  const result = parseRows(
    await db.execute(sql`
    SELECT id, ${isoSql('changed_at')} AS "changedAt", changed_by_name AS "changedByName", source, old_values AS "oldValues", new_values AS "newValues"
      FROM monthly_figure_revisions
     WHERE uscc = ${uscc} AND period = ${period}
     ORDER BY changed_at DESC, id DESC`),
    revisionRow,
  );
  return result;
}
