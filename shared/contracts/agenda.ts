import { z } from 'zod';
import { calendarDateSchema } from './calendar.js';
import { idParams, recordVersion, requiredText } from './common.js';
import { chainCodeSchema } from './identifiers.js';
import { TICKET_CATEGORIES } from './tickets.js';
import type { Role } from '../roles.js';

/** Roles that read a chain's meeting agenda (议题). */
export const AGENDA_READER_ROLES: readonly Role[] = ['admin', 'leader', 'chain_chief', 'chain_office'];

/**
 * A chain's meeting agenda (议题): problems common to several firms of one chain, grouped by category
 * and node, or by the department they are assigned to.
 */
export const AGENDA_GROUP_KINDS = ['category_node', 'department'] as const;
export type AgendaGroupKind = (typeof AGENDA_GROUP_KINDS)[number];

/** On the agenda (with a meeting date), discussed at the meeting, or resolved. */
export const AGENDA_STATUSES = ['scheduled', 'discussed', 'resolved'] as const;
export type AgendaStatus = (typeof AGENDA_STATUSES)[number];

export const agendaGroup = z.object({
  kind: z.enum(AGENDA_GROUP_KINDS),
  category: z.enum(TICKET_CATEGORIES).nullable(),
  nodeId: z.number().int().nullable(),
  department: requiredText(60).nullable(),
});
export type AgendaGroup = z.infer<typeof agendaGroup>;

export const agendaQuery = z.object({ chain: chainCodeSchema });

/** A proposed item: a group of open tickets of the chain from at least `minFirms` firms. */
export const agendaProposal = agendaGroup.extend({
  key: z.string(),
  nodeName: z.string().nullable(),
  firms: z.number().int(),
  tickets: z.number().int(),
  ticketIds: z.array(z.number().int()),
});
export type AgendaProposal = z.infer<typeof agendaProposal>;

export const agendaItem = agendaGroup.extend({
  id: z.number().int(),
  key: z.string(),
  nodeName: z.string().nullable(),
  chainCode: z.string(),
  /** Firms and tickets when it was put on the agenda. */
  firms: z.number().int(),
  tickets: z.number().int(),
  ticketIds: z.array(z.number().int()),
  meetingOn: z.string(),
  status: z.enum(AGENDA_STATUSES),
  note: z.string().nullable(),
  version: z.number().int(),
});
export type AgendaItem = z.infer<typeof agendaItem>;

export const agendaResponse = z.object({
  chainCode: z.string(),
  chainName: z.string(),
  minFirms: z.number().int(),
  /** Groups not on the agenda yet (or whose item was resolved), most firms first. */
  proposals: z.array(agendaProposal),
  items: z.array(agendaItem),
  /** Whether the caller may put items on the agenda and mark them. */
  mayEdit: z.boolean(),
});
export type AgendaResponse = z.infer<typeof agendaResponse>;

export const scheduleAgendaRequest = agendaGroup.extend({ chainCode: chainCodeSchema, meetingOn: calendarDateSchema });
export type ScheduleAgendaRequest = z.input<typeof scheduleAgendaRequest>;

export const agendaParams = idParams;
export const markAgendaRequest = z.object({
  status: z.enum(['discussed', 'resolved']),
  note: z.string().trim().max(2000).optional(),
  version: recordVersion,
});
export type MarkAgendaRequest = z.input<typeof markAgendaRequest>;

export const agendaSettings = z.object({ minFirms: z.number().int().min(2).max(50) });
export const DEFAULT_AGENDA_SETTINGS = { minFirms: 2 } as const;
