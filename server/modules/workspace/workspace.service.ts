// 工作台: the home page's answer — the caller's to-do list (workspace.sources.ts), the key figures of
// their scope from the latest published month, and for an enterprise account its own reporting.
import type { EnterpriseHome, KeyFigures, WorkspaceResponse } from '../../../shared/contracts/workspace.js';
import { cityDate, currentPeriod, previousPeriod, shiftPeriod } from '../../../shared/stats/period.js';
import type { Db } from '../../db/client.js';
import { dataScopeOf } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { firmFactsOf, loadStored } from '../figures/figures.stored.js';
import { canViewMonitoring } from '../monitoring/monitoring.policy.js';
import { getChainStatistics } from '../monitoring/monitoring.service.js';
import { latestPublishedPeriod } from '../periods/periods.snapshots.js';
import { listTickets } from '../tickets/tickets.service.js';
import { dueDateOf } from '../warnings/warnings.service.js';
import { readWarningSettings } from '../warnings/warnings.settings.js';
import { collectTodos, type SourceContext } from './workspace.sources.js';

export type WorkspaceOptions = { now?: () => Date };

/** How many of its own months the enterprise home lists (the month being reported first). */
const RECENT_MONTHS = 6;

/**
 * The key figures of the caller's scope from the latest published month, year to date: output (元),
 * comparable growth, firms and — for the whole city — the chains growing by double digits. The
 * department sees none (its work is problems and tasks, not one area's figures); nor the enterprise.
 */
async function keyFiguresOf(db: Db, actor: Actor): Promise<KeyFigures | null> {
  if (!canViewMonitoring(actor) || actor.role === 'department') return null;
  const period = await latestPublishedPeriod(db);
  if (period === null) return null;
  const answer = await getChainStatistics(db, actor, { period, range: 'ytd' });
  const { total } = answer;
  const items: KeyFigures['items'] = [
    { key: 'output', value: total.output },
    { key: 'growth', value: total.yoy },
    { key: 'firms', value: total.enterpriseCount },
  ];
  if (answer.chains.length > 1) {
    items.push({ key: 'chains', value: answer.chains.length }, { key: 'double_digit', value: answer.doubleDigitCount });
  }
  return {
    period: answer.period,
    months: answer.months,
    asOf: answer.asOf,
    status: answer.publication.status,
    preliminary: answer.publication.preliminary,
    unit: answer.unit,
    items,
  };
}

/** The enterprise account's own firm: the month it reports now, its deadline, its last months, its problems. */
async function enterpriseHomeOf(ctx: SourceContext): Promise<EnterpriseHome | null> {
  const scope = dataScopeOf(ctx.actor);
  if (scope.all || scope.kind !== 'enterprise') return null;
  const uscc = scope.refs[0];
  if (uscc === undefined) return null;
  const firm = await firmFactsOf(ctx.db, uscc);
  if (!firm) return null;
  const reportPeriod = previousPeriod(ctx.currentPeriod);
  const settings = await readWarningSettings(ctx.db);
  const dueDate = dueDateOf(reportPeriod, settings.reportDeadlineDay);
  const from = shiftPeriod(reportPeriod, -(RECENT_MONTHS - 1));
  const stored = (await loadStored(ctx.db, [uscc], from, reportPeriod)).stored.get(uscc);
  const recentMonths = [];
  for (let i = 0; i < RECENT_MONTHS; i += 1) {
    const period = shiftPeriod(reportPeriod, -i);
    const month = stored?.get(period);
    recentMonths.push({ period, grossOutput: month?.grossOutput ?? null });
  }
  const reported = recentMonths[0]?.grossOutput !== null && recentMonths[0]?.grossOutput !== undefined;
  const [open, toRate] = await Promise.all([
    listTickets(ctx.db, ctx.actor, { open: 'true', pageSize: 1 }, ctx.today),
    listTickets(ctx.db, ctx.actor, { state: 'answered', pageSize: 1 }, ctx.today),
  ]);
  return {
    uscc,
    name: firm.name,
    reportPeriod,
    dueDate,
    reported,
    deadlinePassed: ctx.today > dueDate,
    recentMonths,
    openTickets: open.total,
    ticketsToRate: toRate.total,
  };
}

/** `GET /api/workspace`: the caller's 待办, key figures and (an enterprise) its own reporting, in their scope. */
export async function getWorkspace(db: Db, actor: Actor, options: WorkspaceOptions = {}): Promise<WorkspaceResponse> {
  const now = (options.now ?? (() => new Date()))();
  const ctx: SourceContext = { db, actor, now, today: cityDate(now), currentPeriod: currentPeriod(now) };
  const enterprise = await enterpriseHomeOf(ctx);
  const todos = await collectTodos(ctx);
  if (enterprise !== null && !enterprise.reported) {
    todos.unshift({
      kind: 'report_month',
      count: 1,
      params: { count: 1, period: enterprise.reportPeriod, date: enterprise.dueDate },
      dueDate: enterprise.dueDate,
      overdue: enterprise.deadlinePassed,
      path: `/figures/${encodeURIComponent(enterprise.uscc)}`,
    });
  }
  return { today: ctx.today, asOf: now.toISOString(), todos, keyFigures: await keyFiguresOf(db, actor), enterprise };
}
