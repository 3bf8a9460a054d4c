// The demo's agenda (示例): for each chain, its three largest groups of common problems among the
// demo's open tickets (most firms first, as the agenda proposes them): the first was resolved at the
// September meeting, the second discussed in October, the third waits for the November meeting.
import { DEFAULT_AGENDA_SETTINGS, type AgendaStatus } from '../../../shared/contracts/agenda.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  countAgendaItems,
  groupColumnsOf,
  insertAgendaItem,
  selectAgendaGroups,
  selectChainCodes,
  type AgendaGroupRow,
} from './agenda.queries.js';

const PLAN: readonly { status: AgendaStatus; meetingOn: string; note: string | null }[] = [
  { status: 'resolved', meetingOn: '2026-09-18', note: '示例：链长会议研究后已协调解决' },
  { status: 'discussed', meetingOn: '2026-10-23', note: '示例：会议研究，明确牵头单位和时限' },
  { status: 'scheduled', meetingOn: '2026-11-20', note: null },
];

/** The items of one chain: its first proposals (at most three), each with its place's status and meeting. */
export function demoAgendaOf(chainCode: string, proposals: readonly AgendaGroupRow[]) {
  return proposals.slice(0, PLAN.length).map((group, rank) => {
    const plan = PLAN[rank] ?? { status: 'scheduled' as const, meetingOn: '2026-11-20', note: null };
    return { ...groupColumnsOf(chainCode, group), meetingOn: plan.meetingOn, status: plan.status, note: plan.note, createdBy: null };
  });
}

/** Writes the demo agenda (once: nothing when any item exists) and one audit row; returns how many items. */
export async function seedDemoAgenda(db: Db, actor: Actor): Promise<number> {
  if ((await countAgendaItems(db)) > 0) return 0;
  let written = 0;
  await db.transaction(async (tx) => {
    for (const code of await selectChainCodes(tx)) {
      for (const item of demoAgendaOf(code, await selectAgendaGroups(tx, code, DEFAULT_AGENDA_SETTINGS.minFirms))) {
        await insertAgendaItem(tx, item);
        written += 1;
      }
    }
    await recordAudit(tx, actor, { action: 'seed', entity: 'demo_agenda', after: { items: written } });
  });
  return written;
}
