// SQL of the yearly project KPIs: one pass over the projects in scope, the monthly investment and the
// major-project list, and the published output of the enterprises the pipeline brought in.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { parseRows } from '../../db/sql.js';
import type { DataScope } from '../access/access.policy.js';
import { figuresSql } from '../monitoring/monitoring.sql.js';
import { projectScopeSql } from './projects.queries.js';

const int = z.coerce.number().int();

const summaryRow = z.object({
  majorCount: int,
  majorInvestment: int,
  signedCount: int,
  signedAmount: int,
  performed: int,
  started: int,
  producing: int,
  fundsArrived: int,
  completed: int,
  annualPlan: int,
});
export type SummaryRow = z.infer<typeof summaryRow>;

/**
 * The year's counts and sums over the projects in scope. The cohort of the rates is the projects
 * signed in the year; a stage counts when it was reached by the year's end.
 */
export async function selectSummaryRow(db: Db, scope: DataScope, year: number): Promise<SummaryRow> {
  const inScope = projectScopeSql(scope) ?? sql`true`;
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const reached = (stage: string) => sql`(projects.stage_dates->>${stage}) <= ${last}`;
  const result = await db.execute(sql`
    WITH scoped AS (SELECT * FROM projects WHERE ${inScope}),
    cohort AS (SELECT * FROM scoped WHERE signed_on BETWEEN ${first} AND ${last}),
    listed AS (SELECT m.project_id, m.annual_plan, (SELECT min(y.year) FROM major_project_years y WHERE y.project_id = m.project_id) AS first_year
               FROM major_project_years m JOIN scoped s ON s.id = m.project_id WHERE m.year = ${year})
    SELECT
      (SELECT count(*)::int FROM listed WHERE first_year = ${year}) AS "majorCount",
      (SELECT coalesce(sum(s.planned_investment), 0)::bigint FROM listed l JOIN scoped s ON s.id = l.project_id WHERE l.first_year = ${year}) AS "majorInvestment",
      (SELECT count(*)::int FROM cohort) AS "signedCount",
      (SELECT coalesce(sum(signed_amount), 0)::bigint FROM cohort) AS "signedAmount",
      (SELECT count(*)::int FROM cohort projects WHERE ${reached('registered')} AND ${reached('started')}) AS "performed",
      (SELECT count(*)::int FROM cohort projects WHERE ${reached('started')}) AS "started",
      (SELECT count(*)::int FROM cohort projects WHERE ${reached('producing')}) AS "producing",
      (SELECT coalesce(sum(i.funds_arrived), 0)::bigint FROM project_monthly_investment i JOIN cohort c ON c.id = i.project_id
        WHERE i.period <= ${`${year}-12`}) AS "fundsArrived",
      (SELECT coalesce(sum(i.completed), 0)::bigint FROM project_monthly_investment i JOIN listed l ON l.project_id = i.project_id
        WHERE i.period BETWEEN ${`${year}-01`} AND ${`${year}-12`}) AS "completed",
      (SELECT coalesce(sum(annual_plan), 0)::bigint FROM listed) AS "annualPlan"`);
  const [row] = parseRows(result, summaryRow);
  if (!row) throw new Error('the summary query returned no row');
  return row;
}

/**
 * The enterprises registered through projects in scope by the year's end, and their gross output of the year as
 * published: the figures of the year's latest snapshot (frozen), up to the month it published.
 */
export async function selectPipelineOutput(db: Db, scope: DataScope, year: number): Promise<{ enterprises: number; output: number }> {
  const inScope = projectScopeSql(scope) ?? sql`true`;
  // Firms of projects registered (注册) by the year's end: a firm that came later has no output of the year to show.
  const linked = sql`(SELECT DISTINCT enterprise_uscc AS uscc FROM projects
    WHERE enterprise_uscc IS NOT NULL AND (stage_dates->>'registered') <= ${`${year}-12-31`} AND ${inScope})`;
  const snapshots = parseRows(
    await db.execute(sql`SELECT period, figures_version::bigint AS version FROM period_snapshots
      WHERE period BETWEEN ${`${year}-01`} AND ${`${year}-12`} ORDER BY period DESC, id DESC LIMIT 1`),
    z.object({ period: z.string(), version: int }),
  );
  const [count] = parseRows(await db.execute(sql`SELECT count(*)::int AS n FROM ${linked} l`), z.object({ n: int }));
  const snapshot = snapshots[0];
  if (!snapshot) return { enterprises: count?.n ?? 0, output: 0 };
  const [sum] = parseRows(
    await db.execute(sql`SELECT coalesce(sum(f.gross_output), 0)::bigint AS output
      FROM ${figuresSql({ kind: 'frozen', version: snapshot.version })} f
      WHERE f.uscc IN (SELECT uscc FROM ${linked} l) AND f.period BETWEEN ${`${year}-01`} AND ${snapshot.period}`),
    z.object({ output: int }),
  );
  return { enterprises: count?.n ?? 0, output: sum?.output ?? 0 };
}
