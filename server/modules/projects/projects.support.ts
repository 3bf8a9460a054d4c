// 项目代办制: each signed project's agent (代办员) and approval checklist; 要素保障: blockers owned by a
// department with a due date, overdue ones listed for the chain office and leaders, and for the
// department that owns them.
import {
  APPROVAL_ITEMS,
  BLOCKER_KINDS,
  type BlockerItem,
  type CreateBlockerRequest,
  type ListBlockersQuery,
  type ListBlockersResponse,
  type ProjectSupportResponse,
  type ResolveBlockerRequest,
  type SetAgentRequest,
  type SetApprovalRequest,
} from '../../../shared/contracts/projects.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { dataScopeOf, requireAccess } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { listSigningEvents } from './projects.events.js';
import { requireEditableProject, requireEditableSignedProject } from './projects.plan.js';
import { hasClearance, isProjectReader } from './projects.policy.js';
import { getProject, todayInCity } from './projects.service.js';
import {
  insertBlocker,
  selectAgent,
  selectApprovals,
  selectBlocker,
  selectBlockers,
  updateBlockerResolved,
  upsertAgent,
  upsertApproval,
  type BlockerListRow,
} from './projects.support.queries.js';
import { selectProjectRow } from './projects.queries.js';

function presentBlocker(actor: Actor, row: BlockerListRow, today: string): BlockerItem {
  const kind = BLOCKER_KINDS.find((k) => k === row.kind) ?? 'other';
  const hidden = row.confidential && !hasClearance(actor, row);
  return {
    id: row.id,
    projectId: row.projectId,
    projectName: hidden ? (row.codeName ?? '') : row.projectName,
    kind,
    description: row.description,
    ownerDepartment: row.ownerDepartment,
    dueOn: row.dueOn,
    resolvedOn: row.resolvedOn,
    overdue: row.resolvedOn === null && row.dueOn < today,
  };
}

/** The agent, checklist and blockers of a project the caller sees. */
export async function getProjectSupport(db: Db, actor: Actor, id: number): Promise<ProjectSupportResponse> {
  await getProject(db, actor, id);
  const [agent, approvals, blockers, signingEvents] = await Promise.all([
    selectAgent(db, id),
    selectApprovals(db, id),
    selectBlockers(db, { scope: { all: true }, projectId: id }),
    listSigningEvents(db, id),
  ]);
  const today = todayInCity();
  return {
    agentName: agent?.agentName ?? null,
    agentPhone: agent?.agentPhone ?? null,
    approvals: approvals.flatMap((a) => {
      const item = APPROVAL_ITEMS.find((i) => i === a.item);
      const status = a.status === 'done' || a.status === 'in_progress' ? a.status : 'pending';
      return item ? [{ item, status, dueOn: a.dueOn, doneOn: a.doneOn }] : [];
    }),
    blockers: blockers.map((b) => presentBlocker(actor, b, today)),
    signingEvents,
  };
}

/** Names the agent of a signed project (代办制 starts at 签约). */
export async function setProjectAgent(db: Db, actor: Actor, id: number, input: SetAgentRequest): Promise<void> {
  await requireEditableSignedProject(db, actor, id, { messageKey: 'projects.error.agentNeedsSigned', path: 'body' });
  await db.transaction(async (tx) => {
    await upsertAgent(tx, { projectId: id, ...input });
    await recordAudit(tx, actor, { action: 'set', entity: 'project_agent', entityId: String(id), after: input });
  });
}

/** Sets one approval's status and dates; a done item needs the day it was done. */
export async function setProjectApproval(db: Db, actor: Actor, id: number, item: string, input: SetApprovalRequest): Promise<void> {
  await requireEditableProject(db, actor, id);
  if (input.status === 'done' && input.doneOn === null) {
    throw new AppError('validation_failed', {
      messageKey: 'projects.error.approvalDoneDate',
      details: [{ path: 'body.doneOn', message: 'required' }],
    });
  }
  await db.transaction(async (tx) => {
    await upsertApproval(tx, { projectId: id, item, ...input });
    await recordAudit(tx, actor, { action: 'set', entity: 'project_approval', entityId: `${id}:${item}`, after: input });
  });
}

export async function createBlocker(db: Db, actor: Actor, id: number, input: CreateBlockerRequest): Promise<BlockerItem> {
  await requireEditableProject(db, actor, id);
  const row = await db.transaction(async (tx) => {
    const inserted = await insertBlocker(tx, { projectId: id, ...input });
    await recordAudit(tx, actor, { action: 'create', entity: 'project_blocker', entityId: String(inserted.id), after: inserted });
    return inserted;
  });
  const [listed] = await selectBlockers(db, { scope: { all: true }, projectId: id }).then((rows) => rows.filter((r) => r.id === row.id));
  if (!listed) throw new Error('the new blocker is missing');
  return presentBlocker(actor, listed, todayInCity());
}

/**
 * Marks a blocker resolved: by whoever edits the project, or by the department that owns it. A
 * blocker outside both answers like an unknown one.
 */
export async function resolveBlocker(db: Db, actor: Actor, blockerId: number, input: ResolveBlockerRequest): Promise<void> {
  const blocker = await selectBlocker(db, blockerId);
  const notFound = new AppError('not_found', { messageKey: 'projects.error.blockerNotFound', params: { id: blockerId } });
  if (!blocker) throw notFound;
  const owner = actor.role === 'department' && actor.scopes.some((s) => s.kind === 'department' && s.ref === blocker.ownerDepartment);
  if (!owner) {
    const project = await selectProjectRow(db, blocker.projectId);
    if (!project) throw notFound;
    try {
      await requireEditableProject(db, actor, blocker.projectId);
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') throw notFound;
      throw error;
    }
  }
  await db.transaction(async (tx) => {
    const after = await updateBlockerResolved(tx, blockerId, input.resolvedOn, input.note);
    await recordAudit(tx, actor, { action: 'resolve', entity: 'project_blocker', entityId: String(blockerId), before: blocker, after });
  });
}

/** Blockers in the caller's scope (a department: those it owns), optionally only the overdue ones. */
export async function listBlockers(db: Db, actor: Actor, query: ListBlockersQuery): Promise<ListBlockersResponse> {
  requireAccess(isProjectReader(actor));
  const asOf = query.asOf ?? todayInCity();
  const rows = await selectBlockers(db, { scope: dataScopeOf(actor), overdueOn: query.overdue === 'true' ? asOf : undefined });
  const items = rows.map((row) => presentBlocker(actor, row, asOf));
  return { asOf, items, total: items.length };
}
