import {
  agendaSettings,
  DEFAULT_AGENDA_SETTINGS,
  markAgendaRequest,
  scheduleAgendaRequest,
  type AgendaItem,
  type AgendaResponse,
  type MarkAgendaRequest,
  type ScheduleAgendaRequest,
} from '../../../shared/contracts/agenda.js';
import type { Db } from '../../db/client.js';
import { settingOrDefault } from '../../db/settings.js';
import { todayInShanghai } from '../../lib/calendar.js';
import { AppError, invalidField } from '../../lib/errors.js';
import { requireVersion } from '../../lib/optimistic-lock.js';
import { requireAccess } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { auditedSetting, recordAudit, settingEndpoints } from '../audit/audit.service.js';
import { notify } from '../notifications/notifications.service.js';
import { canEditAgenda, canViewAgenda } from './agenda.policy.js';
import {
  groupColumnsOf,
  groupKeyOf,
  insertAgendaItem,
  selectAgendaChainOf,
  selectAgendaGroups,
  selectAgendaItems,
  selectAgendaRowForUpdate,
  selectChainName,
  updateAgendaItem,
} from './agenda.queries.js';

const setting = auditedSetting('agenda', settingOrDefault(agendaSettings, DEFAULT_AGENDA_SETTINGS));

/** The threshold in force: the stored one when valid, else 2 firms. */
export const readAgendaSettings: (db: Db) => Promise<{ minFirms: number }> = setting.read;

/** `GET /api/agenda/settings`; `PUT`: the admin sets how many firms make a common problem, audited. */
export const { get: getAgendaSettings, update: updateAgendaSettings } = settingEndpoints(setting, ({ value }) => value);

/** The chain's name; 404 for an unknown chain or one outside the caller's scope (the same answer). */
async function requireChain(db: Db, actor: Actor, chainCode: string): Promise<string> {
  const name = await selectChainName(db, chainCode);
  if (name === null || !canViewAgenda(actor, chainCode)) {
    throw new AppError('not_found', { messageKey: 'agenda.error.unknownChain', params: { code: chainCode } });
  }
  return name;
}

/**
 * `GET /api/agenda?chain=`: the chain's agenda items and the proposed ones: groups of open tickets
 * from at least `minFirms` firms not already on the agenda unresolved.
 */
export async function getAgenda(db: Db, actor: Actor, chainCode: string): Promise<AgendaResponse> {
  const chainName = await requireChain(db, actor, chainCode);
  const { minFirms } = await readAgendaSettings(db);
  const items = await selectAgendaItems(db, chainCode);
  const onAgenda = new Set(items.filter((i) => i.status !== 'resolved').map((i) => i.key));
  const proposals = (await selectAgendaGroups(db, chainCode, minFirms))
    .map((g) => ({ ...g, key: groupKeyOf(g) }))
    .filter((g) => !onAgenda.has(g.key));
  return { chainCode, chainName, minFirms, proposals, items, mayEdit: canEditAgenda(actor, chainCode) };
}

function notFound(id: number): AppError {
  return new AppError('not_found', { messageKey: 'agenda.error.notFound', params: { id } });
}

async function itemOf(db: Db, chainCode: string, id: number): Promise<AgendaItem> {
  const [item] = await selectAgendaItems(db, chainCode, id);
  if (!item) throw notFound(id);
  return item;
}

/**
 * `POST /api/agenda`: the chain office puts a proposed group on a meeting's agenda, with the firms
 * and tickets it holds today; the chain's 链长 is told. Refused: a meeting date before today, a
 * group that is not (or no longer) proposed (409), one already on the agenda (409).
 */
export async function scheduleAgendaItem(
  db: Db,
  actor: Actor,
  body: ScheduleAgendaRequest,
  today = todayInShanghai(),
): Promise<AgendaItem> {
  const input = scheduleAgendaRequest.parse(body);
  const chainName = await requireChain(db, actor, input.chainCode);
  requireAccess(canEditAgenda(actor, input.chainCode));
  if (input.meetingOn < today) {
    throw invalidField('body.meetingOn', 'agenda.error.pastMeeting', { date: input.meetingOn, today }, `before today ${today}`);
  }
  const key = groupKeyOf(input);
  const agenda = await getAgenda(db, actor, input.chainCode);
  if (agenda.items.some((i) => i.key === key && i.status !== 'resolved'))
    throw new AppError('conflict', { messageKey: 'agenda.error.alreadyOnAgenda' });
  const group = agenda.proposals.find((p) => p.key === key);
  if (!group) throw new AppError('conflict', { messageKey: 'agenda.error.notProposed', params: { minFirms: agenda.minFirms } });
  const id = await db.transaction(async (tx) => {
    const row = await insertAgendaItem(tx, {
      ...groupColumnsOf(input.chainCode, group),
      meetingOn: input.meetingOn,
      status: 'scheduled',
      createdBy: actor.system ? null : actor.id,
    });
    await recordAudit(tx, actor, {
      action: 'create',
      entity: 'agenda_item',
      entityId: String(row.id),
      after: { ...row, createdAt: undefined, updatedAt: undefined },
    });
    await notify(tx, actor, [{ roles: ['chain_chief'], kind: 'chain', refs: [input.chainCode] }], {
      kind: 'agenda_scheduled',
      ticketId: null,
      params: { chain: input.chainCode, chainName, meetingOn: input.meetingOn, firms: group.firms },
    });
    return row.id;
  });
  return itemOf(db, input.chainCode, id);
}

/** Where an item may go from each status: discussed once, resolved from either (resolved is final). */
const NEXT: Record<string, readonly string[]> = { scheduled: ['discussed', 'resolved'], discussed: ['resolved'], resolved: [] };

/** `POST /api/agenda/:id/status`: the chain office marks an item discussed or resolved, with a note. */
export async function markAgendaItem(db: Db, actor: Actor, id: number, body: MarkAgendaRequest): Promise<AgendaItem> {
  const input = markAgendaRequest.parse(body);
  const chainCode = await selectAgendaChainOf(db, id);
  if (chainCode === null || !canViewAgenda(actor, chainCode)) throw notFound(id);
  requireAccess(canEditAgenda(actor, chainCode));
  await db.transaction(async (tx) => {
    const before = await selectAgendaRowForUpdate(tx, id);
    if (!before) throw notFound(id);
    requireVersion(before.version, input.version);
    if (!(NEXT[before.status] ?? []).includes(input.status)) {
      throw new AppError('conflict', { messageKey: 'agenda.error.illegalStatus', params: { from: before.status, to: input.status } });
    }
    const after = await updateAgendaItem(tx, id, before.version, { status: input.status, note: input.note ?? before.note });
    await recordAudit(tx, actor, {
      action: input.status === 'resolved' ? 'resolve' : 'discuss',
      entity: 'agenda_item',
      entityId: String(id),
      before: { status: before.status, note: before.note },
      after: { status: after.status, note: after.note },
    });
  });
  return itemOf(db, chainCode, id);
}
