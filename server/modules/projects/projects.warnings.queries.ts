// SQL of the project warnings: the 三未 past their planned dates and the duplicate signings.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { PROJECT_WARNING_KINDS } from '../../../shared/contracts/projects.js';
import type { Db } from '../../db/client.js';
import { parseRows } from '../../db/sql.js';
import type { DataScope } from '../access/access.policy.js';
import { clearedSql, namedProjectRow, projectScopeSql, type Clearance } from './projects.queries.js';

const warningRow = namedProjectRow.extend({
  kind: z.enum(PROJECT_WARNING_KINDS),
  date: z.string(),
  days: z.coerce.number().int(),
  otherProjectId: z.number().int().nullable(),
});
export type WarningRow = z.infer<typeof warningRow>;

/**
 * The warnings of the projects in scope on `asOf`: a project still at 签约 past its planned 注册
 * date (签约未注册), at 注册/供地 past its planned 开工 (注册未开工), at 开工 past its planned 竣工
 * (开工未竣工); a project signed within 12 months after another one of the same investor (by
 * USCC), chain and park (重复签约); and a project presented at two or more signing events (多次签约活动:
 * `days` is the number of events, `date` the latest). Most overdue first.
 */
export async function selectProjectWarnings(db: Db, scope: DataScope, clearance: Clearance, asOf: string): Promise<WarningRow[]> {
  const inScope = projectScopeSql(scope) ?? sql`true`;
  const cleared = clearedSql(clearance);
  const overdue = (kind: string, stages: string[], planned: string) => sql`
    SELECT ${kind}::text AS kind, projects.id AS "projectId", projects.name AS "realName", projects.code_name AS "codeName",
           ${cleared} AS cleared, projects.chain_code AS "chainCode", projects.stage,
           (projects.planned_dates->>${planned}) AS date, (${asOf}::date - (projects.planned_dates->>${planned})::date) AS days,
           NULL::int AS "otherProjectId"
    FROM projects
    WHERE ${inScope} AND projects.stage = ANY(${sql.param(stages)}::text[]) AND (projects.planned_dates->>${planned}) < ${asOf}`;
  const result = await db.execute(sql`
    ${overdue('unregistered', ['signed'], 'registered')}
    UNION ALL ${overdue('unstarted', ['registered', 'land'], 'started')}
    UNION ALL ${overdue('uncompleted', ['started'], 'completed')}
    UNION ALL
    SELECT 'duplicate_signing', projects.id, projects.name, projects.code_name, ${cleared}, projects.chain_code, projects.stage,
           earlier.signed_on::text, (projects.signed_on - earlier.signed_on), earlier.id
    FROM projects
    JOIN investors i ON i.id = projects.investor_id AND i.uscc IS NOT NULL
    JOIN projects earlier ON earlier.id <> projects.id AND earlier.chain_code = projects.chain_code AND earlier.park_id = projects.park_id
         AND earlier.signed_on IS NOT NULL AND earlier.stage <> 'terminated'
         AND (earlier.signed_on < projects.signed_on OR (earlier.signed_on = projects.signed_on AND earlier.id < projects.id))
         AND earlier.signed_on >= projects.signed_on - 365
    JOIN investors ei ON ei.id = earlier.investor_id AND ei.uscc = i.uscc
    WHERE ${inScope} AND projects.signed_on IS NOT NULL AND projects.signed_on <= ${asOf}::date AND projects.stage <> 'terminated'
    UNION ALL
    SELECT 'multi_event', projects.id, projects.name, projects.code_name, ${cleared}, projects.chain_code, projects.stage,
           max(e.held_on)::text, count(*)::int, NULL::int
    FROM projects
    JOIN project_signing_events e ON e.project_id = projects.id AND e.held_on <= ${asOf}::date
    WHERE ${inScope} AND projects.stage <> 'terminated'
    GROUP BY projects.id
    HAVING count(*) >= 2
    ORDER BY days DESC, "projectId"`);
  return parseRows(result, warningRow);
}
