// The demo's problem tickets (示例): ~400 a year over 2023 – the demo's today (mid-November 2026),
// with realistic closure times on the working-day calendar, some late, extended, parked, returned
// or still open. Deterministic: the same seed gives the same tickets. Written in bulk (the workflow
// service would take minutes for ~1,500 tickets); the dates follow the workflow's rules.
import type { TicketCategory, TicketState } from '../../../shared/tickets/workflow.js';
import { DEFAULT_TICKET_TIME_LIMITS } from '../../../shared/tickets/workflow.js';
import type { Db } from '../../db/client.js';
import { isWorkingDay, tryAddWorkingDays, tryWorkingDaysBetween } from '../../lib/calendar.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { createRandom, type Random } from '../demo/prng.js';
import {
  countTickets,
  insertTicketEventRows,
  insertTicketsReturningIds,
  insertTicketUnitRows,
  selectDemoFirms,
  type DemoFirmRow,
} from './tickets.demo.queries.js';
import { firmSnapshot, type TicketInsert } from './tickets.queries.js';

const PER_YEAR = 400;
const FIRST_YEAR = 2023;

/** Category weights, the lead unit of each, and the titles firms use. */
const CATEGORIES: readonly { category: TicketCategory; weight: number; unit: string; titles: readonly string[] }[] = [
  {
    category: 'finance',
    weight: 20,
    unit: '市财政局',
    titles: ['流动资金贷款续贷困难', '技改项目融资担保', '应收账款融资对接', '首贷支持'],
  },
  { category: 'labour', weight: 15, unit: '市人力资源和社会保障局', titles: ['技术工人招聘难', '订单班校企合作', '员工社保补贴申领'] },
  { category: 'approval', weight: 15, unit: '市发展和改革委员会', titles: ['技改项目备案', '能评审批进度', '施工许可办理'] },
  { category: 'land', weight: 12, unit: '市自然资源和规划局', titles: ['二期用地指标', '厂房不动产登记', '用地红线调整'] },
  { category: 'policy', weight: 12, unit: '市工业和信息化局', titles: ['技改补贴兑现', '专精特新奖励兑现', '首台套奖励申报'] },
  { category: 'power', weight: 10, unit: '国网衡阳供电公司', titles: ['专变增容', '双回路供电改造', '峰谷电价执行'] },
  { category: 'logistics', weight: 6, unit: '市交通运输局', titles: ['大件运输通行', '园区道路破损', '铁路专用线接入'] },
  { category: 'environment', weight: 6, unit: '市生态环境局', titles: ['环评批复', '排污许可证延续', 'VOCs治理验收'] },
  { category: 'other', weight: 4, unit: '市发展和改革委员会', titles: ['员工子女入学', '厂区周边治安', '天然气供应'] },
];
const ASSISTING = ['市发展和改革委员会', '市财政局', '市工业和信息化局', '市自然资源和规划局'];

type DemoEvent = {
  day: string;
  action: string;
  from: TicketState | null;
  to: TicketState;
  role: Actor['role'];
  actor: string;
  note: string | null;
};
type DemoTicket = { row: TicketInsert; lead: string | null; co: string[]; events: DemoEvent[] };

/** The n-th working day after `day`, or null past the calendar. */
const plus = (day: string, n: number) => tryAddWorkingDays(day, n);

/** A random working day of a year, not after `last`. */
function workingDayOf(random: Random, year: number, last: string): string | null {
  for (let tries = 0; tries < 20; tries++) {
    const day = new Date(Date.UTC(year, 0, 1) + random.int(0, 364) * 86_400_000).toISOString().slice(0, 10);
    if (day.startsWith(String(year)) && day <= last && isWorkingDay(day)) return day;
  }
  return null;
}

/** Working days a unit takes to answer: mostly 3–12, a tail to 30 (the late ones). */
function answerDays(random: Random): number {
  const u = random.next();
  if (u < 0.7) return random.int(3, 9);
  if (u < 0.9) return random.int(8, 14);
  return random.int(12, 30);
}

function oneTicket(random: Random, firm: DemoFirmRow, filed: string, now: string): DemoTicket | null {
  const kind = random.weighted(CATEGORIES.map((c) => [c, c.weight] as const));
  const title = random.pick(kind.titles);
  const limits = DEFAULT_TICKET_TIME_LIMITS;
  const events: DemoEvent[] = [];
  const byEnterprise = random.chance(0.55);
  const ev = (
    day: string,
    action: string,
    from: TicketState | null,
    to: TicketState,
    role: Actor['role'],
    actor: string,
    note: string | null = null,
  ) => events.push({ day, action, from, to, role, actor, note });
  const acceptDue = plus(filed, limits.acceptDays);
  if (!acceptDue) return null;
  const row: TicketInsert = {
    uscc: firm.uscc,
    category: kind.category,
    title: `${title}（示例）`,
    description: `示例数据：企业反映${title}问题，请协调解决。`,
    source: byEnterprise ? 'enterprise' : 'staff',
    state: 'pending',
    ...firmSnapshot(firm),
    filedOn: filed,
    acceptDue,
  };
  const done = (state: TicketState) => ({
    row: { ...row, state },
    lead: row.assignedOn ? kind.unit : null,
    co: row.assignedOn ? co : [],
    events,
  });
  ev(filed, 'file', null, 'pending', byEnterprise ? 'enterprise' : 'chain_office', byEnterprise ? '示例企业' : '示例链办');
  const co = random.chance(0.2) ? [random.pick(ASSISTING.filter((u) => u !== kind.unit))] : [];

  // The last few days' filings wait for the chain office half the time (some of them past the 1-day limit).
  if ((tryWorkingDaysBetween(filed, now) ?? 0) <= 2 && random.chance(0.5)) return done('pending');
  const accepted = random.chance(0.85) ? filed : plus(filed, random.int(1, 2));
  if (!accepted || accepted > now) return done('pending');
  if (random.chance(0.02)) {
    ev(accepted, 'return_to_enterprise', 'pending', 'returned', 'chain_office', '示例链办', '不属于政府协调事项，建议通过市场途径解决');
    return done('returned');
  }
  ev(accepted, 'accept', 'pending', 'accepted', 'chain_office', '示例链办');
  const dueDate = plus(accepted, co.length > 0 ? limits.multiDepartmentDays : limits.resolveDays);
  const respondDue = plus(accepted, limits.answerDays);
  if (!dueDate || !respondDue) return done('accepted');
  Object.assign(row, { assignedOn: accepted, dueDate, respondDue });
  ev(accepted, 'assign', 'accepted', 'assigned', 'chain_office', '示例链办');
  const started = plus(accepted, random.int(0, 2)) ?? accepted;
  if (started > now) return done('assigned');
  ev(started, 'start', 'assigned', 'in_progress', 'department', `示例${kind.unit}`);
  let due = dueDate;
  const hard = random.chance(0.04);
  const extend = !hard && random.chance(0.08);
  if (extend) {
    const asked = plus(started, random.int(3, 8));
    const extended = plus(dueDate, random.int(5, 15));
    if (asked && extended && asked <= now) {
      ev(asked, 'request_extension', 'in_progress', 'in_progress', 'department', `示例${kind.unit}`, '需上级部门审批，申请延期');
      ev(asked, 'approve_extension', 'in_progress', 'in_progress', 'chain_office', '示例链办');
      Object.assign(row, { dueDate: extended, extended: true });
      due = extended;
    }
  }
  if (hard) {
    const parkedOn = plus(started, random.int(3, 8));
    if (parkedOn && parkedOn <= now) {
      const reviewOn = plus(parkedOn, 60) ?? parkedOn;
      ev(parkedOn, 'park', 'in_progress', 'parked', 'chain_office', '示例链办', '涉及规划调整，列入挂账事项定期复核');
      Object.assign(row, { reviewOn });
      return done('parked');
    }
  }
  const answered = plus(started, answerDays(random));
  if (!answered || answered > now) return done('in_progress');
  Object.assign(row, { answeredOn: answered, answer: '示例答复：已协调相关单位，问题已解决。' });
  ev(answered, 'answer', 'in_progress', 'answered', 'department', `示例${kind.unit}`);
  const rated = plus(answered, random.int(0, 3));
  if (!rated || rated > now) return done('answered');
  const rating = random.weighted([
    [5, 55],
    [4, 30],
    [3, 11],
    [2, 3],
    [1, 1],
  ] as const);
  Object.assign(row, { rating, ratedOn: rated, ratingComment: rating >= 4 ? '满意' : rating === 3 ? '基本满意' : '问题未根本解决' });
  if (rating < 3) {
    ev(rated, 'rate', 'answered', 'in_progress', 'enterprise', '示例企业', '问题未根本解决');
    Object.assign(row, { answeredOn: null });
    return done('in_progress');
  }
  ev(rated, 'rate', 'answered', 'rated', 'enterprise', '示例企业');
  const closed = plus(rated, random.int(0, 2));
  if (!closed || closed > now) return done('rated');
  ev(closed, 'close', 'rated', 'closed', 'chain_office', '示例链办');
  Object.assign(row, { closedOn: closed, onTime: answered <= due, workingDays: tryWorkingDaysBetween(filed, closed) });
  return done('closed');
}

/** The demo tickets, oldest first: ~400 a year from 2023 up to `now`, on random demo firms. */
export function generateDemoTickets(seed: number, firms: readonly DemoFirmRow[], now: string): DemoTicket[] {
  const random = createRandom(seed, 'tickets');
  const out: DemoTicket[] = [];
  const lastYear = Number(now.slice(0, 4));
  for (let year = FIRST_YEAR; year <= lastYear; year++) {
    const count =
      year < lastYear ? PER_YEAR : Math.round((PER_YEAR * (Date.parse(`${now}T00:00:00Z`) - Date.UTC(year, 0, 1))) / (365 * 86_400_000));
    const days: string[] = [];
    for (let i = 0; i < count; i++) {
      const day = workingDayOf(random, year, now);
      if (day) days.push(day);
    }
    days.sort();
    for (const day of days) {
      const ticket = oneTicket(random, random.pick(firms), day, now);
      if (ticket) out.push(ticket);
    }
  }
  return out;
}

/**
 * Writes the demo tickets (once: nothing when any ticket exists), with their units and timelines,
 * and one audit row for the lot. Returns how many were written.
 */
export async function seedDemoTickets(db: Db, actor: Actor, seed: number, now: string): Promise<number> {
  if ((await countTickets(db)) > 0) return 0;
  const firms = await selectDemoFirms(db);
  if (firms.length === 0) return 0;
  const generated = generateDemoTickets(seed, firms, now);
  await db.transaction(async (tx) => {
    const ids = await insertTicketsReturningIds(
      tx,
      generated.map((g) => g.row),
    );
    const units: { ticketId: number; department: string; isLead: boolean }[] = [];
    const events: {
      ticketId: number;
      at: Date;
      action: string;
      fromState: string | null;
      toState: string;
      actorId: null;
      actorName: string;
      actorRole: string;
      note: string | null;
    }[] = [];
    generated.forEach((g, i) => {
      const ticketId = ids[i] ?? 0;
      if (g.lead) units.push({ ticketId, department: g.lead, isLead: true });
      for (const department of g.co) units.push({ ticketId, department, isLead: false });
      g.events.forEach((e, k) => {
        // 09:00 Shanghai on the day, a minute apart in order.
        events.push({
          ticketId,
          at: new Date(Date.parse(`${e.day}T01:00:00Z`) + k * 60_000),
          action: e.action,
          fromState: e.from,
          toState: e.to,
          actorId: null,
          actorName: e.actor,
          actorRole: e.role,
          note: e.note,
        });
      });
    });
    await insertTicketUnitRows(tx, units);
    await insertTicketEventRows(tx, events);
    await recordAudit(tx, actor, {
      action: 'seed',
      entity: 'demo_tickets',
      after: { seed, tickets: generated.length, units: units.length, events: events.length },
    });
  });
  return generated.length;
}
