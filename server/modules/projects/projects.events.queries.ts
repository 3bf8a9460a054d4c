// SQL of the signing events (签约活动) a project was signed or presented at.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { projectSigningEvents } from '../../db/schema.js';
import { insertReturning } from '../../db/sql.js';

export type SigningEventRow = typeof projectSigningEvents.$inferSelect;

export async function selectSigningEvents(db: Db, projectId: number): Promise<SigningEventRow[]> {
  return db
    .select()
    .from(projectSigningEvents)
    .where(eq(projectSigningEvents.projectId, projectId))
    .orderBy(asc(projectSigningEvents.heldOn), asc(projectSigningEvents.id));
}

export async function insertSigningEvent(db: Db, row: { projectId: number; eventName: string; heldOn: string }): Promise<SigningEventRow> {
  return insertReturning(db, projectSigningEvents, row);
}

export async function deleteSigningEvent(db: Db, projectId: number, id: number): Promise<SigningEventRow | undefined> {
  const [row] = await db
    .delete(projectSigningEvents)
    .where(and(eq(projectSigningEvents.projectId, projectId), eq(projectSigningEvents.id, id)))
    .returning();
  return row;
}
