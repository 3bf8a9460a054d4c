// SQL of the yearly major-project list: its entries with plan and what was reported, and the months.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { parseRows } from '../../db/sql.js';
import type { DataScope } from '../access/access.policy.js';
import { clearedSql, namedProjectRow, projectScopeSql, type Clearance } from './projects.queries.js';

const int = z.coerce.number().int();
const entryRow = namedProjectRow.extend({
  plannedInvestment: int.nullable(),
  annualPlan: int,
  completed: int,
  fundsArrived: int,
  isNew: z.boolean(),
  total: int,
});
export type MajorEntryRow = z.infer<typeof entryRow>;

function listedSql(scope: DataScope, year: number, chain: string | undefined) {
  const inScope = projectScopeSql(scope) ?? sql`true`;
  const chainCondition = chain === undefined ? sql`true` : sql`projects.chain_code = ${chain}`;
  return sql`(SELECT m.project_id, m.annual_plan FROM major_project_years m JOIN projects ON projects.id = m.project_id
              WHERE m.year = ${year} AND ${inScope} AND ${chainCondition})`;
}

/** One page of the year's list in scope, largest planned investment first. */
export async function selectMajorEntries(
  db: Db,
  input: { scope: DataScope; clearance: Clearance; year: number; chain?: string; limit: number; offset: number },
): Promise<MajorEntryRow[]> {
  const cleared = clearedSql(input.clearance);
  const result = await db.execute(sql`
    SELECT projects.id AS "projectId", projects.name AS "realName", projects.code_name AS "codeName", ${cleared} AS cleared,
           projects.chain_code AS "chainCode", projects.stage, projects.planned_investment AS "plannedInvestment",
           l.annual_plan AS "annualPlan",
           coalesce((SELECT sum(i.completed) FROM project_monthly_investment i WHERE i.project_id = projects.id
                     AND i.period BETWEEN ${`${input.year}-01`} AND ${`${input.year}-12`}), 0)::bigint AS completed,
           coalesce((SELECT sum(i.funds_arrived) FROM project_monthly_investment i WHERE i.project_id = projects.id
                     AND i.period BETWEEN ${`${input.year}-01`} AND ${`${input.year}-12`}), 0)::bigint AS "fundsArrived",
           NOT EXISTS (SELECT 1 FROM major_project_years e WHERE e.project_id = projects.id AND e.year < ${input.year}) AS "isNew",
           count(*) OVER ()::int AS total
    FROM ${listedSql(input.scope, input.year, input.chain)} l JOIN projects ON projects.id = l.project_id
    ORDER BY projects.planned_investment DESC NULLS LAST, projects.id
    LIMIT ${input.limit} OFFSET ${input.offset}`);
  return parseRows(result, entryRow);
}

/** The year's months over the whole list in scope: completed investment and 到位资金 as reported, and the annual plan. */
export async function selectMajorMonths(
  db: Db,
  input: { scope: DataScope; year: number; chain?: string },
): Promise<{ annualPlan: number; months: { period: string; completed: number; fundsArrived: number }[] }> {
  const listed = listedSql(input.scope, input.year, input.chain);
  const [plan] = parseRows(
    await db.execute(sql`SELECT coalesce(sum(annual_plan), 0)::bigint AS plan FROM ${listed} l`),
    z.object({ plan: int }),
  );
  const months = parseRows(
    await db.execute(sql`
      SELECT i.period, sum(i.completed)::bigint AS completed, sum(i.funds_arrived)::bigint AS "fundsArrived"
      FROM project_monthly_investment i JOIN ${listed} l ON l.project_id = i.project_id
      WHERE i.period BETWEEN ${`${input.year}-01`} AND ${`${input.year}-12`}
      GROUP BY i.period ORDER BY i.period`),
    z.object({ period: z.string(), completed: int, fundsArrived: int }),
  );
  return { annualPlan: plan?.plan ?? 0, months };
}
