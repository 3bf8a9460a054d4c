// SQL of the ticket statistics: one aggregate over the caller's tickets, grouped by a key (nothing,
// lead unit, primary chain, category) within a year, or by month.
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { parseRows } from '../../db/sql.js';
import type { DataScope } from '../access/access.policy.js';
import { ticketScopeSql } from './tickets.queries.js';

const statsRow = z.object({
  key: z.string().nullable(),
  label: z.string().nullable(),
  received: z.number(),
  closed: z.number(),
  onTime: z.number(),
  closedWithDays: z.number(),
  sumWorkingDays: z.number(),
  rated: z.number(),
  satisfied: z.number(),
  open: z.number(),
  overdue: z.number(),
});
export type TicketStatsRowRaw = z.infer<typeof statsRow>;

/** How to group: the SQL of the key and its label (over `t`, the ticket, and `c`, its primary chain). */
export type StatsGrouping = 'all' | 'unit' | 'chain' | 'category' | 'month';

const GROUPS: Record<Exclude<StatsGrouping, 'month'>, { key: SQL; label: SQL }> = {
  all: { key: sql`'all'`, label: sql`'all'` },
  unit: { key: sql`lead.department`, label: sql`lead.department` },
  chain: { key: sql`t.chain_code`, label: sql`c.name` },
  category: { key: sql`t.category`, label: sql`t.category` },
};

/** The measures of tickets whose dates fall in a period `[from, to)` (SQL dates). */
function measures(from: SQL, to: SQL, today: string): SQL {
  const inPeriod = (column: string) => sql`(${sql.raw(column)} >= ${from} AND ${sql.raw(column)} < ${to})`;
  const open = sql`t.state NOT IN ('closed', 'returned')`;
  const running = sql`(CASE t.state WHEN 'pending' THEN t.accept_due WHEN 'accepted' THEN t.accept_due
    WHEN 'assigned' THEN t.respond_due WHEN 'in_progress' THEN t.due_date WHEN 'parked' THEN t.review_on END)`;
  return sql`
    (count(*) FILTER (WHERE ${inPeriod('t.filed_on')}))::int AS received,
    (count(*) FILTER (WHERE ${inPeriod('t.closed_on')}))::int AS closed,
    (count(*) FILTER (WHERE ${inPeriod('t.closed_on')} AND t.on_time))::int AS "onTime",
    (count(t.working_days) FILTER (WHERE ${inPeriod('t.closed_on')}))::int AS "closedWithDays",
    coalesce(sum(t.working_days) FILTER (WHERE ${inPeriod('t.closed_on')}), 0)::int AS "sumWorkingDays",
    (count(t.rating) FILTER (WHERE ${inPeriod('t.rated_on')}))::int AS rated,
    (count(*) FILTER (WHERE ${inPeriod('t.rated_on')} AND t.rating >= 4))::int AS satisfied,
    (count(*) FILTER (WHERE ${inPeriod('t.filed_on')} AND ${open}))::int AS open,
    (count(*) FILTER (WHERE ${inPeriod('t.filed_on')} AND ((t.closed_on IS NOT NULL AND NOT t.on_time)
        OR (${open} AND ${running} < ${today}::date))))::int AS overdue`;
}

const FROM = sql`FROM tickets t
  LEFT JOIN ticket_units lead ON lead.ticket_id = t.id AND lead.is_lead
  LEFT JOIN chains c ON c.code = t.chain_code`;

/** The year's measures of the scope's tickets, grouped; `month` gives the 12 months of the year. */
export async function selectTicketStats(
  db: Db,
  scope: DataScope,
  year: number,
  grouping: StatsGrouping,
  today: string,
): Promise<TicketStatsRowRaw[]> {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  if (grouping === 'month') {
    const result = await db.execute(sql`
      SELECT to_char(m.m, 'YYYY-MM') AS key, to_char(m.m, 'YYYY-MM') AS label,
             ${measures(sql`m.m::date`, sql`(m.m + interval '1 month')::date`, today)}
        FROM generate_series(${from}::date, ${`${year}-12-01`}::date, interval '1 month') AS m(m)
        LEFT JOIN (SELECT t.* FROM tickets t WHERE ${ticketScopeSql(scope)}) t ON true
       GROUP BY m.m ORDER BY m.m`);
    return parseRows(result, statsRow);
  }
  const group = GROUPS[grouping];
  // Only tickets with a date in the year: a group with none of them is left out.
  const inYear = (column: string) => sql`(${sql.raw(column)} >= ${from}::date AND ${sql.raw(column)} < ${to}::date)`;
  const result = await db.execute(sql`
    SELECT ${group.key} AS key, ${group.label} AS label, ${measures(sql`${from}::date`, sql`${to}::date`, today)}
      ${FROM}
     WHERE ${ticketScopeSql(scope)}
       AND (${inYear('t.filed_on')} OR ${inYear('t.closed_on')} OR ${inYear('t.rated_on')})
     GROUP BY 1, 2 ORDER BY 1`);
  return parseRows(result, statsRow);
}
