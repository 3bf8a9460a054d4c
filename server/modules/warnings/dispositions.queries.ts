// SQL of the dispositions of 预警 (未处理 / 已核实属实 / 已更正 / 已交办) and their history; review
// items are the dispositions of the review kinds (unit_slip, output_drop).
import { isoSql, parseRows } from '../../db/sql.js';
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import {
  CORRECTION_SOURCES,
  DISPOSITION_STATUSES,
  type CorrectionSource,
  type DispositionStatus,
} from '../../../shared/publication/workflow.js';
import type { Db } from '../../db/client.js';

/** A disposition as it is written: which warning, and what its status says. */
type DispositionWrite = {
  period: string;
  uscc: string;
  kind: string;
  status: DispositionStatus;
  note: string | null;
  correctionSource: CorrectionSource | null;
  reference: string | null;
};

export type DispositionRow = DispositionWrite & {
  detail: unknown;
  detectedVersion: number | null;
  updatedByName: string | null;
  updatedAt: string;
};

// The columns are selected under their camelCase names, so rows parse straight into the row types.
/** What a disposition says: its status and, once settled, how (shared by dispositions and their history). */
const settlement = {
  status: z.enum(DISPOSITION_STATUSES),
  note: z.string().nullable(),
  correctionSource: z.enum(CORRECTION_SOURCES).nullable(),
  reference: z.string().nullable(),
};
const SETTLEMENT = sql`status, note, correction_source AS "correctionSource", reference`;
/** A settled disposition's key and settlement, as reopening finds them. */
const settledColumns = z.object({ period: z.string(), uscc: z.string(), kind: z.string(), ...settlement });
const SETTLED = sql`d.period, d.uscc, d.kind, d.status, d.note, d.correction_source AS "correctionSource", d.reference`;
const dispositionColumns = settledColumns.extend({
  detail: z.unknown(),
  detectedVersion: z.number().nullable(),
  updatedByName: z.string().nullable(),
  updatedAt: z.string(),
});
const SELECT = sql`${SETTLED}, d.detail, d.detected_version AS "detectedVersion", d.updated_by_name AS "updatedByName", ${isoSql(sql`d.updated_at`)} AS "updatedAt"`;

/** The dispositions of a month, optionally of some firms only. */
export async function selectDispositions(db: Db, period: string, usccs: readonly string[] | null): Promise<DispositionRow[]> {
  const firms = usccs === null ? sql`` : sql` AND d.uscc = ANY(${sql.param([...usccs])}::text[])`;
  return parseRows(
    await db.execute(sql`SELECT ${SELECT} FROM warning_dispositions d WHERE d.period = ${period}${firms} ORDER BY d.uscc, d.kind`),
    dispositionColumns,
  );
}

/** One disposition, or null. */
export async function selectDisposition(db: Db, key: { period: string; uscc: string; kind: string }): Promise<DispositionRow | null> {
  const result = parseRows(
    await db.execute(sql`
    SELECT ${SELECT} FROM warning_dispositions d WHERE d.period = ${key.period} AND d.uscc = ${key.uscc} AND d.kind = ${key.kind}`),
    dispositionColumns,
  );
  return result[0] ?? null;
}

/**
 * Records newly detected review items as 未处理, with the figure's version at detection; items
 * already recorded keep their disposition. Returns how many were new.
 */
export async function insertDetectedItems(
  db: Db,
  period: string,
  items: readonly { uscc: string; kind: string; detail: unknown }[],
): Promise<number> {
  if (items.length === 0) return 0;
  const result = parseRows(
    await db.execute(sql`
    INSERT INTO warning_dispositions (period, uscc, kind, status, detail, detected_version)
    SELECT ${period}, i.uscc, i.kind, 'pending', i.detail::jsonb, f.figure_version
      FROM unnest(${sql.param(items.map((i) => i.uscc))}::text[], ${sql.param(items.map((i) => i.kind))}::text[], ${sql.param(items.map((i) => JSON.stringify(i.detail)))}::text[]) AS i(uscc, kind, detail)
      LEFT JOIN monthly_figures f ON f.uscc = i.uscc AND f.period = ${period}
    ON CONFLICT (period, uscc, kind) DO NOTHING
    RETURNING uscc`),
    z.object({ uscc: z.string() }),
  );
  return result.length;
}

/** Sets a disposition (creating the row for a warning never disposed of before). */
export async function upsertDisposition(db: Db, row: DispositionWrite & { actorId: string | null; actorName: string }): Promise<void> {
  await db.execute(sql`
    INSERT INTO warning_dispositions (period, uscc, kind, status, note, correction_source, reference, updated_by, updated_by_name, updated_at)
    VALUES (${row.period}, ${row.uscc}, ${row.kind}, ${row.status}, ${row.note}, ${row.correctionSource}, ${row.reference}, ${row.actorId}, ${row.actorName}, now())
    ON CONFLICT (period, uscc, kind) DO UPDATE SET status = excluded.status, note = excluded.note, correction_source = excluded.correction_source,
      reference = excluded.reference, updated_by = excluded.updated_by, updated_by_name = excluded.updated_by_name, updated_at = excluded.updated_at`);
  await db.execute(sql`
    INSERT INTO warning_disposition_events (period, uscc, kind, status, note, correction_source, reference, actor_id, actor_name)
    VALUES (${row.period}, ${row.uscc}, ${row.kind}, ${row.status}, ${row.note}, ${row.correctionSource}, ${row.reference}, ${row.actorId}, ${row.actorName})`);
}

export type DispositionEventRow = {
  id: number;
  status: DispositionStatus;
  note: string | null;
  correctionSource: CorrectionSource | null;
  reference: string | null;
  actorName: string;
  at: string;
};

/** The history of one warning's disposition, newest first. */
export async function selectDispositionEvents(db: Db, key: { period: string; uscc: string; kind: string }): Promise<DispositionEventRow[]> {
  return parseRows(
    await db.execute(sql`
    SELECT id::int AS id, ${SETTLEMENT}, actor_name AS "actorName", ${isoSql(sql`at`)} AS at
      FROM warning_disposition_events WHERE period = ${key.period} AND uscc = ${key.uscc} AND kind = ${key.kind} ORDER BY id DESC`),
    z.object({ id: z.number(), ...settlement, actorName: z.string(), at: z.string() }),
  );
}

/** The current version of a firm-month's figures, or null when it has none. */
export async function selectFigureVersion(db: Db, uscc: string, period: string): Promise<number | null> {
  const result = parseRows(
    await db.execute(sql`SELECT figure_version AS v FROM monthly_figures WHERE uscc = ${uscc} AND period = ${period}`),
    z.object({ v: z.number() }),
  );
  const row = result[0];
  return row ? Number(row.v) : null;
}

export type ReviewItemRow = DispositionRow & {
  name: string;
  regionCode: string;
  chainCodes: string[];
  grossOutput: number | null;
  revisedVersion: number | null;
};

/** The review items of a month (dispositions of the review kinds) with the firm, open ones first. */
export async function selectReviewItems(db: Db, period: string): Promise<ReviewItemRow[]> {
  const result = parseRows(
    await db.execute(sql`
    SELECT ${SELECT}, e.name, e.region_code AS "regionCode", f.gross_output AS "grossOutput", f.figure_version AS "revisedVersion",
           coalesce((SELECT array_agg(DISTINCT n.chain_code ORDER BY n.chain_code) FROM enterprise_memberships m JOIN chain_nodes n ON n.id = m.node_id WHERE m.uscc = d.uscc), '{}') AS "chainCodes"
      FROM warning_dispositions d
      JOIN enterprises e ON e.uscc = d.uscc
      LEFT JOIN monthly_figures f ON f.uscc = d.uscc AND f.period = d.period
     WHERE d.period = ${period} AND d.kind IN ('unit_slip', 'output_drop')
     ORDER BY (d.status IN ('pending', 'assigned')) DESC, d.kind DESC, d.uscc`),
    dispositionColumns.extend({
      name: z.string(),
      regionCode: z.string(),
      chainCodes: z.array(z.string()),
      grossOutput: z.number().nullable(),
      revisedVersion: z.number().nullable(),
    }),
  );
  return result;
}

/** A settled review item as it was before it was put back to 未处理. */
export type ReopenedItem = DispositionWrite;

/**
 * Puts the settled review items (已核实属实 / 已更正) of the given firm-months back to 未处理, with
 * the note, a history row each, and returns what they were. A settlement is for the figure that was
 * confirmed or corrected; once that figure changes, the item is reviewed again.
 */
export async function reopenSettledItems(
  db: Db,
  firmMonths: readonly { uscc: string; period: string }[],
  by: { note: string; actorId: string | null; actorName: string },
): Promise<ReopenedItem[]> {
  if (firmMonths.length === 0) return [];
  const rows = parseRows(
    await db.execute(sql`
    SELECT ${SETTLED}
      FROM warning_dispositions d
      JOIN unnest(${sql.param(firmMonths.map((f) => f.uscc))}::text[], ${sql.param(firmMonths.map((f) => f.period))}::text[]) AS c(uscc, period)
        ON d.uscc = c.uscc AND d.period = c.period
     WHERE d.kind IN ('unit_slip', 'output_drop') AND d.status IN ('confirmed', 'corrected')
     ORDER BY d.period, d.uscc, d.kind
     FOR UPDATE OF d`),
    settledColumns,
  );
  const reopened: ReopenedItem[] = rows;
  for (const item of reopened) {
    await upsertDisposition(db, {
      period: item.period,
      uscc: item.uscc,
      kind: item.kind,
      status: 'pending',
      note: by.note,
      correctionSource: null,
      reference: null,
      actorId: by.actorId,
      actorName: by.actorName,
    });
  }
  return reopened;
}
