// The home page's answer (工作台): what the caller has to do today, and the key figures of their scope.
import { z } from 'zod';
import { periodStatus } from './periods.js';

/**
 * Kinds of to-do items, one per source in server/modules/workspace/workspace.sources.ts. Each has a
 * title `workspace.todo.<kind>` in shared/i18n ({count}, {period} and the like filled from `params`).
 */
export const TODO_KINDS = [
  'period_review',
  'warnings_open',
  'not_reported',
  'tickets_to_accept',
  'tickets_to_close',
  'tickets_to_handle',
  'tickets_to_rate',
  'tickets_overdue',
  'tasks_open',
  'tasks_overdue',
  'blockers_overdue',
  'project_warnings',
  'agenda_scheduled',
  'report_month',
  'briefs_to_review',
  'briefs_to_publish',
] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

export const todoItem = z.object({
  kind: z.enum(TODO_KINDS),
  /** Placeholders of the title (`workspace.todo.<kind>`): always `count`, often `period` or `date`. */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  count: z.number().int(),
  /** The deadline the items run against (YYYY-MM-DD, Beijing), when there is one. */
  dueDate: z.string().nullable(),
  /** Past its deadline (逾期). */
  overdue: z.boolean(),
  /** The web page where the work is done (a path of web/config/paths.ts with its query). */
  path: z.string(),
});
export type TodoItem = z.infer<typeof todoItem>;

export const KEY_FIGURE_KEYS = ['output', 'growth', 'firms', 'double_digit', 'chains'] as const;
export type KeyFigureKey = (typeof KEY_FIGURE_KEYS)[number];

/**
 * The key figures of the caller's scope from the published 驾驶舱 answer: YTD output (元), comparable
 * growth (a fraction), firms, chains with double-digit growth. The block states what they are of:
 * the month, the months covered, the unit of money, the as-of time and the month's publication status.
 */
export const keyFigures = z.object({
  period: z.string(),
  months: z.object({ from: z.string(), to: z.string() }),
  asOf: z.string().nullable(),
  status: periodStatus,
  preliminary: z.boolean(),
  unit: z.literal('元'),
  items: z.array(z.object({ key: z.enum(KEY_FIGURE_KEYS), value: z.number().nullable() })),
});
export type KeyFigures = z.infer<typeof keyFigures>;

/** One of the enterprise's own months (its reported 工业总产值, 元; null when it has not reported it). */
export const enterpriseMonth = z.object({ period: z.string(), grossOutput: z.number().int().nullable() });

/** The enterprise account's own home: the month it reports now and its deadline, its last months, its open problems. */
export const enterpriseHome = z.object({
  uscc: z.string(),
  name: z.string(),
  /** The month to report now (last month) and the day it is due (Beijing). */
  reportPeriod: z.string(),
  dueDate: z.string(),
  reported: z.boolean(),
  deadlinePassed: z.boolean(),
  recentMonths: z.array(enterpriseMonth),
  openTickets: z.number().int(),
  ticketsToRate: z.number().int(),
});
export type EnterpriseHome = z.infer<typeof enterpriseHome>;

export const workspaceResponse = z
  .object({
    /** Today in the city (YYYY-MM-DD) and the moment the answer was made. */
    today: z.string(),
    asOf: z.string(),
    todos: z.array(todoItem),
    keyFigures: keyFigures.nullable(),
    enterprise: enterpriseHome.nullable(),
  })
  .meta({ id: 'Workspace' });
export type WorkspaceResponse = z.infer<typeof workspaceResponse>;
