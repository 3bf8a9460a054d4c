// The to-do registry of the home page (待办): one entry per source, each reading through the owning
// module's service (or its snapshots/stored export) with the caller's own rights and data scope, so a
// new source is one more entry here.
import type { ProjectWarningKind } from '../../../shared/contracts/projects.js';
import type { TodoItem, TodoKind } from '../../../shared/contracts/workspace.js';
import type { Role } from '../../../shared/roles.js';
import { shiftPeriod } from '../../../shared/stats/period.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { dataScopeOf } from '../access/access.policy.js';
import { getAgenda } from '../agenda/agenda.service.js';
import { listBriefs } from '../briefs/briefs.service.js';
import { canMovePeriod, isDataStaff } from '../periods/periods.policy.js';
import { periodStatuses } from '../periods/periods.snapshots.js';
import { listProjectWarnings } from '../projects/projects.warnings.js';
import { listBlockers } from '../projects/projects.support.js';
import { listTasks } from '../supervision/supervision.service.js';
import { listTickets } from '../tickets/tickets.service.js';
import { listWarnings } from '../warnings/warnings.service.js';
import type { TicketState } from '../../../shared/tickets/workflow.js';

/** What every source is given: the caller, today in the city and the month being reported now. */
export type SourceContext = {
  db: Db;
  actor: Actor;
  now: Date;
  /** YYYY-MM-DD, Beijing. */
  today: string;
  /** The calendar month now (YYYY-MM); last month is the one being reported. */
  currentPeriod: string;
};

export type TodoSource = {
  /** The kinds it may answer (its titles are `workspace.todo.<kind>`). */
  kinds: readonly TodoKind[];
  /** The roles it is asked for; the service's own checks still decide. */
  roles: readonly Role[];
  collect: (ctx: SourceContext) => Promise<TodoItem[]>;
};

const todo = (kind: TodoKind, count: number, path: string, extra: Partial<Omit<TodoItem, 'kind' | 'count' | 'path'>> = {}): TodoItem => ({
  kind,
  count,
  path,
  params: { count, ...extra.params },
  dueDate: extra.dueDate ?? null,
  overdue: extra.overdue ?? false,
});

/** The months of the last 13 in 审核中, oldest first (January moves with February, so it is left out). */
async function monthsInReview(db: Db, currentPeriod: string): Promise<string[]> {
  const statuses = await periodStatuses(db, shiftPeriod(currentPeriod, -13), currentPeriod);
  const months = [...statuses].filter(([period, status]) => status === 'review' && !period.endsWith('-01')).map(([period]) => period);
  return months.sort();
}

/** Months waiting in 审核中 (the statistics reviewers publish them), over the last 13 months. */
const periodsToReview: TodoSource = {
  kinds: ['period_review'],
  roles: ['admin', 'leader'],
  async collect({ db, actor, currentPeriod }) {
    if (!canMovePeriod(actor)) return [];
    return (await monthsInReview(db, currentPeriod)).map((period) =>
      todo('period_review', 1, `/periods?period=${period}`, { params: { period } }),
    );
  },
};

/**
 * 预警 of the latest month in scope not disposed yet (data staff dispose them, for the others they are
 * to look at); data staff see the month in review, the others the latest published one. Firms not reported once the deadline passed are their own item for
 * the roles that chase them (parks, counties, chain offices, data staff).
 */
const warnings: TodoSource = {
  kinds: ['warnings_open', 'not_reported'],
  roles: ['admin', 'leader', 'chain_chief', 'chain_office', 'park', 'county'],
  async collect({ db, actor, now, currentPeriod }) {
    const staff = isDataStaff(actor);
    const inReview = staff ? (await monthsInReview(db, currentPeriod)).at(-1) : undefined;
    const answer = await listWarnings(db, actor, { period: inReview, page: 1, pageSize: 500 }, { now: () => now });
    const items: TodoItem[] = [];
    const period = answer.period;
    // 未处置: no disposition recorded yet; the firms not reported are their own item below.
    const listed = answer.items.filter((i) => i.kind !== 'not_reported');
    const unlisted = answer.total - answer.items.length;
    const undisposed = listed.filter((i) => i.disposition === null).length + Math.max(0, unlisted);
    if (undisposed > 0) {
      items.push(todo('warnings_open', undisposed, `/warnings?period=${period}`, { params: { period } }));
    }
    const chasers: readonly Role[] = ['admin', 'chain_office', 'park', 'county'];
    if (answer.counts.not_reported > 0 && (staff || chasers.includes(actor.role))) {
      items.push(
        todo('not_reported', answer.counts.not_reported, `/warnings?period=${period}&kind=not_reported`, {
          params: { period, date: answer.dueDate },
          dueDate: answer.dueDate,
          overdue: answer.deadlinePassed,
        }),
      );
    }
    return items;
  },
};

/** Counts open tickets of the caller's scope in some states (and the red, overdue ones among them). */
async function countTickets(ctx: SourceContext, states: readonly TicketState[]): Promise<{ count: number; red: number }> {
  let count = 0;
  let red = 0;
  for (const state of states) {
    const all = await listTickets(ctx.db, ctx.actor, { state, pageSize: 1 }, ctx.today);
    const late = await listTickets(ctx.db, ctx.actor, { state, light: 'red', pageSize: 1 }, ctx.today);
    count += all.total;
    red += late.total;
  }
  return { count, red };
}

/**
 * Tickets waiting for the caller's move in the workflow (shared/tickets/workflow.ts): the chain office
 * accepts and closes, the lead unit's department starts and answers, the enterprise rates the answer;
 * leaders, chain chiefs, parks and counties watch the red (overdue) ones of their scope.
 */
const tickets: TodoSource = {
  kinds: ['tickets_to_accept', 'tickets_to_close', 'tickets_to_handle', 'tickets_to_rate', 'tickets_overdue'],
  roles: ['admin', 'leader', 'chain_chief', 'chain_office', 'department', 'park', 'county', 'enterprise'],
  async collect(ctx) {
    const items: TodoItem[] = [];
    const add = async (kind: TodoKind, states: readonly TicketState[], path: string) => {
      const { count, red } = await countTickets(ctx, states);
      if (count > 0) items.push(todo(kind, count, path, { overdue: red > 0, params: { overdue: red } }));
    };
    switch (ctx.actor.role) {
      case 'admin':
      case 'chain_office':
        await add('tickets_to_accept', ['pending'], '/problems?state=pending');
        await add('tickets_to_close', ['rated'], '/problems?state=rated');
        break;
      case 'department':
        await add('tickets_to_handle', ['assigned', 'in_progress'], '/problems');
        return items;
      case 'enterprise':
        await add('tickets_to_rate', ['answered'], '/problems?state=answered');
        return items;
    }
    const red = await listTickets(ctx.db, ctx.actor, { open: 'true', light: 'red', pageSize: 1 }, ctx.today);
    if (red.total > 0) items.push(todo('tickets_overdue', red.total, '/problems?light=red', { overdue: true }));
    return items;
  },
};

/** 督办任务: the assignee's open tasks (and the overdue ones); leaders and chain offices watch the red ones. */
const tasks: TodoSource = {
  kinds: ['tasks_open', 'tasks_overdue'],
  roles: ['admin', 'leader', 'chain_chief', 'chain_office', 'department', 'park', 'county'],
  async collect({ db, actor, today }) {
    const red = await listTasks(db, actor, { light: 'red', pageSize: 1 }, today);
    if (actor.role === 'department' || actor.role === 'park' || actor.role === 'county') {
      const todoTasks = await listTasks(db, actor, { status: 'todo', pageSize: 1 }, today);
      const working = await listTasks(db, actor, { status: 'in_progress', pageSize: 1 }, today);
      const open = todoTasks.total + working.total;
      return open > 0 ? [todo('tasks_open', open, '/supervision/tasks', { overdue: red.total > 0, params: { overdue: red.total } })] : [];
    }
    return red.total > 0 ? [todo('tasks_overdue', red.total, '/supervision/tasks?light=red', { overdue: true })] : [];
  },
};

/** The 三未 warnings (签约未注册, 注册未开工, 开工未竣工); duplicate signings are for review, not a to-do. */
const THREE_UN: readonly ProjectWarningKind[] = ['unregistered', 'unstarted', 'uncompleted'];

/**
 * 要素保障 blockers past their due day, and 三未 project warnings,
 * for the roles that open the project list (a department's blockers have no page of its own yet).
 */
const projects: TodoSource = {
  kinds: ['blockers_overdue', 'project_warnings'],
  roles: ['admin', 'leader', 'chain_chief', 'chain_office', 'park', 'county'],
  async collect({ db, actor, today }) {
    const items: TodoItem[] = [];
    const blockers = await listBlockers(db, actor, { overdue: 'true', asOf: today });
    if (blockers.total > 0) items.push(todo('blockers_overdue', blockers.total, '/investment/list', { overdue: true }));
    const warned = await listProjectWarnings(db, actor, { asOf: today });
    const late = warned.items.filter((w) => THREE_UN.includes(w.kind)).length;
    if (late > 0) items.push(todo('project_warnings', late, '/investment/list', { overdue: true }));
    return items;
  },
};

/** Items on a chain's meeting agenda not discussed yet (the chain chief chairs, the office prepares); overdue once their meeting day has passed. */
const agenda: TodoSource = {
  kinds: ['agenda_scheduled'],
  roles: ['chain_chief', 'chain_office'],
  async collect({ db, actor, today }) {
    const scope = dataScopeOf(actor);
    if (scope.all) return [];
    const items: TodoItem[] = [];
    for (const chain of scope.refs) {
      const answer = await getAgenda(db, actor, chain);
      const scheduled = answer.items.filter((i) => i.status === 'scheduled');
      if (scheduled.length === 0) continue;
      const next = scheduled.map((i) => i.meetingOn).sort()[0] ?? null;
      items.push(
        todo('agenda_scheduled', scheduled.length, `/problems/agenda?chain=${chain}`, {
          params: { chain: answer.chainName, date: next ?? '' },
          dueDate: next,
          // A meeting day gone by with its items not marked discussed.
          overdue: next !== null && next < today,
        }),
      );
    }
    return items;
  },
};

/**
 * Monthly briefs submitted for review, and reviewed ones waiting to be published: the statistics
 * reviewers and the admin review and publish them (the same people who publish the month).
 */
const briefs: TodoSource = {
  kinds: ['briefs_to_review', 'briefs_to_publish'],
  roles: ['admin', 'leader'],
  async collect({ db, actor }) {
    if (!canMovePeriod(actor)) return [];
    const items: TodoItem[] = [];
    const submitted = (await listBriefs(db, actor, { status: 'submitted' })).items.length;
    if (submitted > 0) items.push(todo('briefs_to_review', submitted, '/reports?status=submitted'));
    const reviewed = (await listBriefs(db, actor, { status: 'reviewed' })).items.length;
    if (reviewed > 0) items.push(todo('briefs_to_publish', reviewed, '/reports?status=reviewed'));
    return items;
  },
};

/** Every source, in the order the list shows them. */
export const TODO_SOURCES: readonly TodoSource[] = [periodsToReview, briefs, warnings, tickets, tasks, projects, agenda];

/**
 * Asks every source meant for the caller's role. A source whose owner refuses the caller (403) adds
 * nothing: the home never fails because one module is closed to a role.
 */
export async function collectTodos(ctx: SourceContext, sources: readonly TodoSource[] = TODO_SOURCES): Promise<TodoItem[]> {
  const items: TodoItem[] = [];
  for (const source of sources) {
    if (!source.roles.includes(ctx.actor.role)) continue;
    try {
      for (const item of await source.collect(ctx)) items.push(item);
    } catch (error) {
      if (error instanceof AppError && (error.code === 'forbidden' || error.code === 'not_found')) continue;
      throw error;
    }
  }
  return items;
}
