// The SQL helpers every queries file uses: raw rows parsed at the boundary, timestamps as ISO text,
// arrays as parameters. One place, so a change of driver or database kind is made once.
import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';

/**
 * The rows of a raw `db.execute` answer, each checked against `schema`. The driver hands rows over
 * untyped (and int8, numeric and timestamps as their database text unless cast), so the shape is
 * checked here instead of trusted: a query that drifts from its row type fails loudly at its source.
 */
export function parseRows<S extends z.ZodType>(result: { rows: readonly unknown[] }, schema: S): z.output<S>[] {
  const out: z.output<S>[] = [];
  for (const [index, row] of result.rows.entries()) {
    const parsed = schema.safeParse(row);
    if (!parsed.success) throw new Error(`row ${index} does not match its row type: ${parsed.error.message}`);
    out.push(parsed.data);
  }
  return out;
}

/** A timestamptz expression as ISO 8601 text in UTC (the pg driver hands timestamps over as raw text). */
export function isoSql(expression: SQL | string): SQL {
  const value = typeof expression === 'string' ? sql.raw(expression) : expression;
  return sql`to_char(${value} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** Strings as one text[] parameter (`= ANY(…)`), however many there are. */
export function textArray(values: readonly string[]): SQL {
  return sql`${sql.param([...values])}::text[]`;
}
