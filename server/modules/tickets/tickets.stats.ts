// The ticket statistics of a year: the head figures (the contract of GET /api/tickets/stats) and the
// breakdowns by lead unit (the department league table), primary chain, category and month.
import type { TicketStatsResponse, TicketStatsRow } from '../../../shared/contracts/tickets.js';
import type { Db } from '../../db/client.js';
import { todayInShanghai } from '../../lib/calendar.js';
import { dataScopeOf, type DataScope } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { selectTicketStats, type TicketStatsRowRaw } from './tickets.stats.queries.js';

/** A share rounded to 4 decimals (0.8571), null without a denominator. */
function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

function figuresOf(raw: TicketStatsRowRaw) {
  return {
    received: raw.received,
    closed: raw.closed,
    onTimeRate: share(raw.onTime, raw.closed),
    avgWorkingDays: raw.closedWithDays === 0 ? null : Math.round((raw.sumWorkingDays / raw.closedWithDays) * 10) / 10,
    satisfaction: share(raw.satisfied, raw.rated),
  };
}

function rowOf(raw: TicketStatsRowRaw, fallback: string): TicketStatsRow {
  return { key: raw.key ?? fallback, label: raw.label ?? raw.key ?? fallback, open: raw.open, overdue: raw.overdue, ...figuresOf(raw) };
}

/**
 * The league table order of the lead units: on-time rate, then satisfaction, then tickets closed
 * (a unit with nothing closed last).
 */
function byLeague(a: TicketStatsRow, b: TicketStatsRow): number {
  return (
    (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) ||
    (b.satisfaction ?? -1) - (a.satisfaction ?? -1) ||
    b.closed - a.closed ||
    a.key.localeCompare(b.key)
  );
}

/**
 * The head figures of a year (as below) over a scope another module names: the assessment scores a
 * chain or a park by its on-time rate (`{ all: false, kind: 'park', refs: ['3'] }`).
 */
export async function ticketFiguresIn(
  db: Db,
  scope: DataScope,
  year: number,
  today = todayInShanghai(),
): Promise<ReturnType<typeof figuresOf>> {
  const [head] = await selectTicketStats(db, scope, year, 'all', today);
  return figuresOf(
    head ?? {
      key: null,
      label: null,
      received: 0,
      closed: 0,
      onTime: 0,
      closedWithDays: 0,
      sumWorkingDays: 0,
      rated: 0,
      satisfied: 0,
      open: 0,
      overdue: 0,
    },
  );
}

/**
 * `GET /api/tickets/stats?year=`: over the caller's tickets (its scope): received = filed in the
 * year; closed = 办结 in it; onTimeRate = of those, answered by the deadline in force; avgWorkingDays
 * = their mean working days from filing to 办结; satisfaction = of the ratings given in the year, the
 * share of 4 or 5. Breakdowns: lead unit (a ticket never assigned has none and is left out), primary
 * chain, category, month (by the month of each date).
 */
export async function ticketStats(db: Db, actor: Actor, year: number, today = todayInShanghai()): Promise<TicketStatsResponse> {
  const scope = dataScopeOf(actor);
  const units = (await selectTicketStats(db, scope, year, 'unit', today)).filter((r) => r.key !== null);
  return {
    year,
    ...(await ticketFiguresIn(db, scope, year, today)),
    byUnit: units.map((r) => rowOf(r, '')).sort(byLeague),
    byChain: (await selectTicketStats(db, scope, year, 'chain', today)).map((r) => rowOf(r, 'none')),
    byCategory: (await selectTicketStats(db, scope, year, 'category', today)).map((r) => rowOf(r, 'other')),
    byMonth: (await selectTicketStats(db, scope, year, 'month', today)).map((r) => rowOf(r, '')),
  };
}
