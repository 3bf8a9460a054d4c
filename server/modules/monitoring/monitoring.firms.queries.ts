import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { isoSql, parseRows } from '../../db/sql.js';
import { NO_FILTER, firmStatsSql, membersSql, type FiguresView, type MonthRange } from './monitoring.sql.js';

export type FirmFiguresRow = { uscc: string; output: number; base: number; hasBase: boolean; reported: boolean; asOf: string | null };

/**
 * Per firm in scope for the range's year (规上 名录 × a membership in a node of one of `chainCodes`),
 * its output over the range and comparable base, by the engine's rules (firmStatsSql).
 */
export async function selectChainFirmFigures(
  db: Db,
  input: { range: MonthRange; chainCodes: readonly string[]; view: FiguresView },
): Promise<FirmFiguresRow[]> {
  const filter = { ...NO_FILTER, chainCodes: input.chainCodes };
  const rows = parseRows(
    await db.execute(sql`
    WITH members_now AS (${membersSql(input.range.year, filter)}),
    firms AS (SELECT uscc, array_agg(DISTINCT chain_code ORDER BY chain_code) AS codes_now, NULL::text[] AS codes_prev
                FROM members_now GROUP BY uscc),
    firm_stats AS (${firmStatsSql(input.range, input.view)})
    SELECT uscc, output::bigint AS output, base::bigint AS base, has_base, reported, ${isoSql('as_of_now')} AS as_of
      FROM firm_stats`),
    z.object({
      uscc: z.string(),
      output: z.number(),
      base: z.number(),
      has_base: z.boolean(),
      reported: z.boolean(),
      as_of: z.string().nullable(),
    }),
  );
  return rows.map((r) => ({ uscc: r.uscc, output: r.output, base: r.base, hasBase: r.has_base, reported: r.reported, asOf: r.as_of }));
}
