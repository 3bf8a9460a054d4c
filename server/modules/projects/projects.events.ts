// 签约活动: the signing events a project was signed or presented at. The city tallies each event's
// signings, so one project presented at two events is counted twice: the 多次签约活动 warning
// (projects.warnings.queries.ts) lists every project with two or more events.
import type { AddSigningEventRequest, SigningEventItem } from '../../../shared/contracts/projects.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { deleteSigningEvent, insertSigningEvent, selectSigningEvents, type SigningEventRow } from './projects.events.queries.js';
import { requireEditableProject, requireEditableSignedProject } from './projects.plan.js';
import { todayInCity } from './projects.service.js';

function presentEvent(row: SigningEventRow): SigningEventItem {
  return { id: row.id, eventName: row.eventName, heldOn: row.heldOn };
}

/** The signing events of a project (the caller's access to it is checked by the caller). */
export async function listSigningEvents(db: Db, projectId: number): Promise<SigningEventItem[]> {
  return (await selectSigningEvents(db, projectId)).map(presentEvent);
}

/**
 * Records that a signed project was signed or presented at an event. Only a project that reached
 * 签约 has signings; an event in the future has not happened yet; the same event twice is refused
 * (409 by the unique constraint).
 */
export async function addSigningEvent(db: Db, actor: Actor, projectId: number, input: AddSigningEventRequest): Promise<SigningEventItem> {
  await requireEditableSignedProject(db, actor, projectId, { messageKey: 'projects.error.eventNeedsSigned', path: 'body.eventName' });
  if (input.heldOn > todayInCity()) {
    throw new AppError('validation_failed', {
      messageKey: 'projects.error.eventInFuture',
      details: [{ path: 'body.heldOn', message: 'in the future' }],
    });
  }
  const row = await db.transaction(async (tx) => {
    const inserted = await insertSigningEvent(tx, { projectId, ...input });
    await recordAudit(tx, actor, { action: 'create', entity: 'project_signing_event', entityId: String(inserted.id), after: inserted });
    return inserted;
  });
  return presentEvent(row);
}

/** Removes a signing event recorded by mistake (an event of another project answers 404). */
export async function removeSigningEvent(db: Db, actor: Actor, projectId: number, eventId: number): Promise<void> {
  await requireEditableProject(db, actor, projectId);
  await db.transaction(async (tx) => {
    const removed = await deleteSigningEvent(tx, projectId, eventId);
    if (!removed) throw new AppError('not_found', { messageKey: 'projects.error.eventNotFound', params: { id: eventId } });
    await recordAudit(tx, actor, { action: 'delete', entity: 'project_signing_event', entityId: String(eventId), before: removed });
  });
}
