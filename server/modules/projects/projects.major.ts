import type { MajorProjectsQuery, MajorProjectsResponse } from '../../../shared/contracts/projects.js';
import type { Db } from '../../db/client.js';
import { pageWindow } from '../../db/sql.js';
import { dataScopeOf, requireAccess, type DataScope } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { clearanceOf, isProjectReader } from './projects.policy.js';
import { selectMajorEntries, selectMajorMonths } from './projects.major.queries.js';
import type { Clearance } from './projects.queries.js';
import { createStatisticCache } from '../monitoring/monitoring.cache.js';

/** Answers cached by scope, clearance and query under the stats token (project, list and investment writes change it). */
const majorCache = createStatisticCache<MajorProjectsResponse>();

/**
 * The year's major-project list in the caller's scope (a project may stay on it several years;
 * isNew marks its first), with each entry's annual plan and what it reported, and plan vs done by
 * month: the plan spread evenly over the twelve months (元, the remainder in December).
 */
export async function listMajorProjects(db: Db, actor: Actor, query: MajorProjectsQuery): Promise<MajorProjectsResponse> {
  requireAccess(isProjectReader(actor));
  const scope = dataScopeOf(actor);
  const clearance = clearanceOf(actor);
  return majorCache(db, JSON.stringify([scope, clearance, query]), () => computeMajorList(db, scope, clearance, query));
}

async function computeMajorList(db: Db, scope: DataScope, clearance: Clearance, query: MajorProjectsQuery): Promise<MajorProjectsResponse> {
  const [rows, totals] = await Promise.all([
    selectMajorEntries(db, {
      scope,
      clearance,
      year: query.year,
      chain: query.chain,
      ...pageWindow(query),
    }),
    selectMajorMonths(db, { scope, year: query.year, chain: query.chain }),
  ]);
  const monthly = Math.floor(totals.annualPlan / 12);
  const reported = new Map(totals.months.map((m) => [m.period, m]));
  const months = Array.from({ length: 12 }, (_, i) => {
    const period = `${query.year}-${String(i + 1).padStart(2, '0')}`;
    const done = reported.get(period);
    const plan = i === 11 ? totals.annualPlan - monthly * 11 : monthly;
    return { period, plan, completed: done?.completed ?? 0, fundsArrived: done?.fundsArrived ?? 0 };
  });
  return {
    items: rows.map(({ realName, codeName, cleared, total: _total, ...rest }) => ({
      ...rest,
      name: cleared ? realName : (codeName ?? ''),
    })),
    total: rows[0]?.total ?? 0,
    months,
  };
}
