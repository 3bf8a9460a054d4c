import type { ProjectSummaryResponse } from '../../../shared/contracts/projects.js';
import type { Db } from '../../db/client.js';
import { dataScopeOf, requireAccess, type DataScope } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { createStatisticCache } from '../monitoring/monitoring.cache.js';
import { isProjectReader } from './projects.policy.js';
import { selectPipelineOutput, selectSummaryRow, type SummaryRow } from './projects.summary.queries.js';

/** Answers cached by scope and year under the stats token: a project write or a publication computes them afresh. */
const cached = createStatisticCache<ProjectSummaryResponse>();

const rate = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/**
 * The year's KPIs over the caller's projects. Definitions (domain brief): 履约率 = signed in the year
 * and both registered and started by its end / signed in the year; 开工率 and 投产率 the same cohort
 * started / in production by the year's end; 资金到位率 = 到位资金 of that cohort up to the year's
 * end / its 签约额; 年度投资完成率 = the year's completed investment of the year's major projects /
 * their annual plan. majorNew: projects whose first year on the major list is this year.
 */
export async function getProjectSummary(db: Db, actor: Actor, year: number): Promise<ProjectSummaryResponse> {
  requireAccess(isProjectReader(actor));
  const scope = dataScopeOf(actor);
  return cached(db, `${JSON.stringify(scope)}|${year}`, () => computeSummary(db, scope, year));
}

async function computeSummary(db: Db, scope: DataScope, year: number): Promise<ProjectSummaryResponse> {
  const [row, pipelineOutput] = await Promise.all([selectSummaryRow(db, scope, year), selectPipelineOutput(db, scope, year)]);
  return { ...summaryOf(row, year), pipelineOutput };
}

/**
 * The year's KPIs (as above, without the pipeline's output) over a scope another module names: the
 * assessment scores a chain or a park by them (`{ all: false, kind: 'chain', refs: ['CH02'] }`).
 */
export async function projectSummaryIn(db: Db, scope: DataScope, year: number): Promise<Omit<ProjectSummaryResponse, 'pipelineOutput'>> {
  return summaryOf(await selectSummaryRow(db, scope, year), year);
}

function summaryOf(row: SummaryRow, year: number): Omit<ProjectSummaryResponse, 'pipelineOutput'> {
  return {
    year,
    majorNew: { count: row.majorCount, totalInvestment: row.majorInvestment },
    signed: { count: row.signedCount, amount: row.signedAmount },
    rates: {
      performance: rate(row.performed, row.signedCount),
      started: rate(row.started, row.signedCount),
      inProduction: rate(row.producing, row.signedCount),
      fundsArrived: rate(row.fundsArrived, row.signedAmount),
      annualInvestment: rate(row.completed, row.annualPlan),
    },
  };
}
