import type {
  CreateTicketRequest,
  ListTicketsQuery,
  ListTicketsResponse,
  TicketActionRequest,
  TicketDetail,
} from '../../../shared/contracts/tickets.js';
import { createTicketRequest, listTicketsQuery, ticketActionRequest } from '../../../shared/contracts/tickets.js';
import {
  stateAfter,
  ticketActionsFor,
  ticketWorkflow,
  type TicketAction,
  type TicketActionField,
  type TicketParty,
  type TicketState,
} from '../../../shared/tickets/workflow.js';
import type { Db } from '../../db/client.js';
import { pageWindow } from '../../db/sql.js';
import { addWorkingDays, todayInShanghai, tryAddWorkingDays, tryWorkingDaysBetween } from '../../lib/calendar.js';
import { AppError, invalidField } from '../../lib/errors.js';
import { lightBoundsOf } from '../../lib/lights.js';
import { requireVersion } from '../../lib/optimistic-lock.js';
import { actorStamp, applyTransition, bilingualParam, requireFields, requireMove } from '../../lib/workflow.js';
import { dataScopeOf, isFirmInScope, requireAccess } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { projectAccessFor } from '../projects/projects.service.js';
import { notifyForAction, notifyFiled } from './tickets.notify.js';
import { canFileTicket, canViewTicket, ticketPartiesOf, type TicketScopeFacts } from './tickets.policy.js';
import {
  deleteTicketUnits,
  firmSnapshot,
  insertTicket,
  insertTicketEvent,
  insertVisit,
  replaceTicketUnits,
  selectFirmFacts,
  selectNodeName,
  selectTicketEvents,
  selectTicketForUpdate,
  selectTicketItem,
  selectTicketRow,
  selectTicketsPage,
  selectTicketUnits,
  selectVisit,
  updateTicketRow,
  type TicketInsert,
  type TicketListRow,
  type TicketRow,
} from './tickets.queries.js';
import { readTicketTimeLimits } from './tickets.settings.js';

function notFound(id: number): AppError {
  return new AppError('not_found', { messageKey: 'tickets.error.notFound', params: { id } });
}

function scopeFactsOf(item: TicketListRow): TicketScopeFacts {
  return {
    uscc: item.uscc,
    regionCode: item.regionCode,
    park: item.parkId === null ? null : { id: item.parkId, shortName: item.parkShortName ?? '', name: item.parkName ?? '' },
    chainCodes: item.chainCodes,
    leadUnit: item.leadUnit,
    coUnits: item.coUnits,
  };
}

/** The ticket as its list item, 404 when unknown or outside the caller's scope (the same answer). */
async function requireVisible(db: Db, actor: Actor, id: number, today: string): Promise<TicketListRow> {
  const item = await selectTicketItem(db, id, lightBoundsOf(today));
  if (!item || !canViewTicket(actor, scopeFactsOf(item))) throw notFound(id);
  return item;
}

function presentItem(item: TicketListRow) {
  const { parkShortName: _short, ...rest } = item;
  return rest;
}

/** `GET /api/tickets`: the caller's tickets (scope in SQL) with filters, lights and paging. */
export async function listTickets(db: Db, actor: Actor, input: ListTicketsQuery, today = todayInShanghai()): Promise<ListTicketsResponse> {
  const query = listTicketsQuery.parse(input);
  const { rows, total } = await selectTicketsPage(
    db,
    dataScopeOf(actor),
    { ...query, open: query.open === undefined ? undefined : query.open === 'true', ...pageWindow(query) },
    lightBoundsOf(today),
  );
  return { items: rows.map(presentItem), total };
}

/** `GET /api/tickets/:id`: one ticket with its timeline and the actions the caller may take now. */
export async function getTicket(db: Db, actor: Actor, id: number, today = todayInShanghai()): Promise<TicketDetail> {
  const item = await requireVisible(db, actor, id, today);
  const row = await selectTicketRow(db, id);
  if (!row) throw notFound(id);
  const parties = ticketPartiesOf(actor, scopeFactsOf(item));
  return {
    ...presentItem(item),
    description: row.description,
    answer: row.answer,
    answeredOn: row.answeredOn,
    ratingComment: row.ratingComment,
    projectId: row.projectId,
    warningRef: row.warningRef,
    nodeName: row.nodeId === null ? null : await selectNodeName(db, row.nodeId),
    extensionDue: row.extensionDue,
    extensionReason: row.extensionReason,
    visit: row.visitId === null ? null : await selectVisit(db, row.visitId),
    events: await selectTicketEvents(db, id),
    parties,
    actions: ticketActionsFor(item.state, parties),
  };
}

function auditView(row: TicketRow, units?: { department: string; isLead: boolean }[]) {
  return {
    state: row.state,
    category: row.category,
    title: row.title,
    uscc: row.uscc,
    respondDue: row.respondDue,
    dueDate: row.dueDate,
    reviewOn: row.reviewOn,
    extensionDue: row.extensionDue,
    rating: row.rating,
    ...(units ? { units } : {}),
  };
}

/**
 * `POST /api/tickets`: files a problem (待受理) for a firm. The enterprise files for itself; staff of
 * the admin, 链办, 园区 and 县市区 for a firm in their scope (with a 走访 record when given). The
 * firm's chains, primary node, park and county are copied on; the chain office has `acceptDays`
 * working days to accept it.
 */
export async function fileTicket(db: Db, actor: Actor, body: CreateTicketRequest, today = todayInShanghai()): Promise<TicketDetail> {
  const input = createTicketRequest.parse(body);
  const firm = await selectFirmFacts(db, input.uscc);
  if (!firm) throw new AppError('not_found', { messageKey: 'tickets.error.unknownEnterprise', params: { uscc: input.uscc } });
  const facts = {
    uscc: firm.uscc,
    regionCode: firm.regionCode,
    park: firm.parkId === null ? null : { id: firm.parkId, shortName: firm.parkShortName ?? '', name: firm.parkName ?? '' },
    chainCodes: firm.chainCodes,
  };
  // A firm outside the caller's scope answers like an unknown one; a role that sees it but does not file gets 403.
  if (!isFirmInScope(actor, facts))
    throw new AppError('not_found', { messageKey: 'tickets.error.unknownEnterprise', params: { uscc: input.uscc } });
  requireAccess(canFileTicket(actor, facts));
  if (input.visit && input.visit.visitedOn > today) {
    throw invalidField('body.visit.visitedOn', 'tickets.error.visitInFuture', undefined, 'after today');
  }
  // The project this problem holds up must be one the filer may see (an unknown one answers 404, as its page does).
  if (input.projectId != null) await projectAccessFor(db, actor, input.projectId);
  const limits = await readTicketTimeLimits(db);
  // Filing never fails for the calendar: without the year's holidays the accept deadline stays open.
  const acceptDue = tryAddWorkingDays(today, limits.acceptDays);
  const id = await db.transaction(async (tx) => {
    const visitId = input.visit
      ? await insertVisit(tx, { uscc: firm.uscc, ...input.visit, createdBy: actor.system ? null : actor.id })
      : null;
    const row = await insertTicket(tx, {
      uscc: firm.uscc,
      category: input.category,
      title: input.title,
      description: input.description,
      source: input.visit ? 'visit' : actor.role === 'enterprise' ? 'enterprise' : 'staff',
      visitId,
      state: 'pending',
      ...firmSnapshot(firm),
      projectId: input.projectId ?? null,
      warningRef: input.warningRef ?? null,
      filedOn: today,
      acceptDue,
      createdBy: actor.system ? null : actor.id,
    });
    await insertTicketEvent(tx, eventOf(actor, row.id, 'file', null, 'pending', null, { acceptDue }));
    await recordAudit(tx, actor, { action: 'create', entity: 'ticket', entityId: String(row.id), after: auditView(row) });
    await notifyFiled(tx, actor, row);
    return row.id;
  });
  return getTicket(db, actor, id, today);
}

/** A timeline row: who moved the ticket from which state to which, with the move's note and facts. */
function eventOf(
  actor: Actor,
  ticketId: number,
  action: string,
  from: TicketState | null,
  to: TicketState,
  note: string | null,
  data: unknown,
) {
  return { ticketId, action, fromState: from, toState: to, ...actorStamp(actor), note, data: data ?? null };
}

const PARTY_MESSAGE = {
  enterprise: 'tickets.error.onlyEnterprise',
  office: 'tickets.error.onlyOffice',
  lead_unit: 'tickets.error.onlyLeadUnit',
  co_unit: 'tickets.error.onlyCoUnit',
  leader: 'tickets.error.onlyLeader',
} as const satisfies Record<TicketParty, string>;

/** Refuses an action the workflow does not allow now, or not to the caller, with a message saying which. */
function requireTicketMove(action: TicketAction, state: TicketState, parties: TicketParty[]) {
  return requireMove(ticketWorkflow, action, state, parties, {
    illegal: 'tickets.error.illegalTransition',
    onlyParty: (move) => PARTY_MESSAGE[move.parties[0] ?? 'office'],
    params: { ...bilingualParam('state', `tickets.state.${state}`), ...bilingualParam('action', `tickets.action.${action}`) },
  });
}

/** Refuses a body missing what the action requires, naming every missing field (the units by their lead unit). */
function requireTicketFields(input: TicketActionRequest, fields: readonly TicketActionField[]): void {
  const present: Record<TicketActionField, boolean> = {
    reason: Boolean(input.reason),
    units: Boolean(input.leadUnit),
    answer: Boolean(input.answer),
    rating: input.rating !== undefined,
    reviewOn: input.reviewOn !== undefined,
    requestedDue: input.requestedDue !== undefined,
    note: Boolean(input.note),
  };
  requireFields('tickets.error.missingFields', fields, present, (f) => (f === 'units' ? 'leadUnit' : f));
}

function pastDate(path: string, date: string, today: string): AppError {
  return invalidField(`body.${path}`, 'tickets.error.pastDate', { date, today }, `before today ${today}`);
}

type Change = { fields: Partial<TicketInsert>; units?: { lead: string; co: string[] } | 'clear'; note: string | null; data?: unknown };

/** The lead and 协办 units of an assignment, checked: distinct, the lead not among the 协办. */
function unitsOf(input: TicketActionRequest): { lead: string; co: string[] } {
  const lead = input.leadUnit ?? '';
  const co = [...new Set(input.coUnits ?? [])].filter((u) => u !== lead);
  return { lead, co };
}

/** What each action changes besides the state; throws for what it refuses. */
async function changeOf(db: Db, row: TicketRow, leadUnit: string | null, input: TicketActionRequest, today: string): Promise<Change> {
  const reason = input.reason ?? null;
  switch (input.action) {
    case 'assign':
    case 'transfer': {
      const units = unitsOf(input);
      if (input.action === 'transfer' && units.lead === leadUnit) {
        throw invalidField('body.leadUnit', 'tickets.error.sameUnit', { unit: units.lead }, 'the current lead unit');
      }
      if (input.dueDate !== undefined && input.dueDate < today) throw pastDate('dueDate', input.dueDate, today);
      const limits = await readTicketTimeLimits(db);
      const dueDate = input.dueDate ?? addWorkingDays(today, units.co.length > 0 ? limits.multiDepartmentDays : limits.resolveDays);
      // A hand-set deadline may lie in a year the calendar lacks: the start deadline then stays open.
      const respond = tryAddWorkingDays(today, limits.answerDays);
      const respondDue = respond === null || respond < dueDate ? respond : dueDate;
      return {
        fields: { assignedOn: today, respondDue, dueDate, extensionDue: null, extensionReason: null },
        units,
        note: reason,
        data: { leadUnit: units.lead, coUnits: units.co, respondDue, dueDate, deadlineByHand: input.dueDate !== undefined },
      };
    }
    case 'send_back':
      return {
        fields: { respondDue: null, dueDate: null, assignedOn: null, extensionDue: null, extensionReason: null },
        units: 'clear',
        note: reason,
      };
    case 'answer':
      return { fields: { answeredOn: today, answer: input.answer ?? null }, note: input.answer ?? null };
    case 'rate': {
      const rating = input.rating ?? 0;
      const reopened = stateAfter('rate', row.state as TicketState, rating) === 'in_progress'; // row.state is one of TICKET_STATES (CHECK constraint)
      return {
        fields: { rating, ratingComment: input.comment ?? null, ratedOn: today, ...(reopened ? { answeredOn: null } : {}) },
        note: input.comment ?? null,
        data: { rating, reopened },
      };
    }
    case 'close': {
      const onTime = row.answeredOn !== null && row.dueDate !== null && row.answeredOn <= row.dueDate;
      // A year the calendar lacks: the average leaves this ticket out rather than guess.
      const workingDays = tryWorkingDaysBetween(row.filedOn, today);
      return { fields: { closedOn: today, onTime, workingDays }, note: null, data: { onTime, workingDays } };
    }
    case 'park':
      if (input.reviewOn !== undefined && input.reviewOn < today) throw pastDate('reviewOn', input.reviewOn, today);
      return { fields: { reviewOn: input.reviewOn ?? null }, note: reason, data: { reviewOn: input.reviewOn } };
    case 'unpark':
      return { fields: { reviewOn: null }, note: reason };
    case 'request_extension': {
      if (row.extensionDue !== null)
        throw new AppError('conflict', { messageKey: 'tickets.error.extensionPending', params: { date: row.extensionDue } });
      const requested = input.requestedDue ?? today;
      if (requested < today) throw pastDate('requestedDue', requested, today);
      if (row.dueDate !== null && requested <= row.dueDate) {
        throw invalidField(
          'body.requestedDue',
          'tickets.error.extensionNotLater',
          { date: requested, due: row.dueDate },
          `not after ${row.dueDate}`,
        );
      }
      return { fields: { extensionDue: requested, extensionReason: reason }, note: reason, data: { requestedDue: requested } };
    }
    case 'approve_extension':
    case 'refuse_extension': {
      if (row.extensionDue === null) throw new AppError('conflict', { messageKey: 'tickets.error.noExtensionPending' });
      const approve = input.action === 'approve_extension';
      return {
        fields: approve
          ? { dueDate: row.extensionDue, extended: true, extensionDue: null, extensionReason: null }
          : { extensionDue: null, extensionReason: null },
        note: reason,
        data: { from: row.dueDate, requestedDue: row.extensionDue },
      };
    }
    case 'co_note':
    case 'instruct':
      return { fields: {}, note: input.note ?? null };
    case 'accept':
    case 'start':
    case 'return_to_enterprise':
      return { fields: {}, note: reason };
  }
}

/**
 * `POST /api/tickets/:id/actions`: one move of the workflow, in one transaction: the new state and
 * fields, the timeline row, the audit row and the notifications. Refused, with nothing written: a
 * move the table does not hold from the ticket's state (409), a move by someone not its party (403),
 * a missing field, a deadline or review date in the past, a ticket changed since it was shown (409).
 */
export async function actOnTicket(
  db: Db,
  actor: Actor,
  id: number,
  body: TicketActionRequest,
  today = todayInShanghai(),
): Promise<TicketDetail> {
  const input = ticketActionRequest.parse(body);
  const item = await requireVisible(db, actor, id, today);
  const parties = ticketPartiesOf(actor, scopeFactsOf(item));
  const move = requireTicketMove(input.action, item.state, parties);
  requireTicketFields(input, move.requires);
  requireVersion(item.version, input.version);
  await applyTransition(db, input.version, {
    lock: (tx) => selectTicketForUpdate(tx, id),
    notFound: () => notFound(id),
    // The state column only ever holds TICKET_STATES (tickets_state_check).
    stateOf: (row) => row.state as TicketState,
    change: (tx, before) => changeOf(tx, before, item.leadUnit, input, today),
    stateAfter: (from) => stateAfter(input.action, from, input.rating),
    update: async (tx, before, to, change) => {
      const after = await updateTicketRow(tx, id, before.version, { ...change.fields, state: to });
      if (change.units === 'clear') await deleteTicketUnits(tx, id);
      else if (change.units) await replaceTicketUnits(tx, id, change.units.lead, change.units.co);
      return after;
    },
    record: async (tx, { before, after, from, to, change }) => {
      await insertTicketEvent(tx, eventOf(actor, id, input.action, from, to, change.note, change.data));
      const units = await selectTicketUnits(tx, id);
      const audit = { before: auditView(before), after: auditView(after, units) };
      await recordAudit(tx, actor, { action: input.action, entity: 'ticket', entityId: String(id), ...audit });
      const previousUnits = [item.leadUnit, ...item.coUnits];
      await notifyForAction(tx, actor, after, input.action, { previousUnits, units, rating: input.rating });
    },
  });
  return getTicket(db, actor, id, today);
}

/**
 * For files attached to a ticket (modules/attachments): 404 unless the caller sees the ticket;
 * `canAct` when the caller is one of its parties (may add files).
 */
export async function ticketAccessFor(db: Db, actor: Actor, id: number, today = todayInShanghai()): Promise<{ canAct: boolean }> {
  const item = await requireVisible(db, actor, id, today);
  return { canAct: ticketPartiesOf(actor, scopeFactsOf(item)).length > 0 };
}
