// Edits of a project besides its stage: amounts (every change kept), planned dates and notes; the
// yearly major-project list with its annual plan; the monthly completed investment and 到位资金.
import type {
  ProjectDetail,
  ReportInvestmentRequest,
  SetMajorYearRequest,
  UpdateProjectRequest,
} from '../../../shared/contracts/projects.js';
import type { Locale } from '../../../shared/i18n/index.js';
import { hasReached } from '../../../shared/project-lifecycle.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import { requireVersion } from '../../lib/optimistic-lock.js';
import { requireAccess } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { canEditProject, canViewProject } from './projects.policy.js';
import {
  insertAmountChange,
  selectParkRefs,
  selectProjectRow,
  updateProjectRow,
  upsertMajorYear,
  upsertMonthlyInvestment,
} from './projects.queries.js';
import { getProject } from './projects.service.js';
import { readProjectSettings } from './projects.settings.js';

/** The project if the actor may change it; outside its scope it answers like an unknown project (used by the support edits too). */
export async function requireEditableProject(db: Db, actor: Actor, id: number) {
  const row = await selectProjectRow(db, id);
  if (!row) throw new AppError('not_found', { messageKey: 'projects.error.notFound', params: { id } });
  const park = row.parkId === null ? null : ((await selectParkRefs(db, row.parkId)) ?? null);
  const facts = {
    chainCode: row.chainCode,
    regionCode: row.regionCode,
    park,
    enterpriseUscc: row.enterpriseUscc,
    createdBy: row.createdBy,
  };
  if (!canViewProject(actor, facts)) throw new AppError('not_found', { messageKey: 'projects.error.notFound', params: { id } });
  requireAccess(canEditProject(actor, facts));
  return row;
}

/**
 * A signed project the actor may change (what a 签约活动 or a 项目代办员 belongs to: a lead not yet signed has
 * neither); 400 with `messageKey` on `path` otherwise.
 */
export async function requireEditableSignedProject(
  db: Db,
  actor: Actor,
  id: number,
  refusal: { messageKey: 'projects.error.eventNeedsSigned' | 'projects.error.agentNeedsSigned'; path: string },
) {
  const project = await requireEditableProject(db, actor, id);
  if (!hasReached(project.stage, 'signed')) {
    throw new AppError('validation_failed', { messageKey: refusal.messageKey, details: [{ path: refusal.path, message: 'not signed' }] });
  }
  return project;
}

export async function updateProject(
  db: Db,
  actor: Actor,
  id: number,
  patch: UpdateProjectRequest,
  locale: Locale = 'zh-CN',
): Promise<ProjectDetail> {
  const before = await requireEditableProject(db, actor, id);
  requireVersion(before.version, patch.version);
  const { version, ...fields } = patch;
  await db.transaction(async (tx) => {
    const after = await updateProjectRow(tx, id, fields, version);
    for (const field of ['signedAmount', 'plannedInvestment'] as const) {
      if (fields[field] !== undefined && before[field] !== after[field]) {
        await insertAmountChange(tx, {
          projectId: id,
          field,
          before: before[field],
          after: after[field],
          byId: actor.system ? null : actor.id,
          byName: actor.displayName,
        });
      }
    }
    await recordAudit(tx, actor, { action: 'update', entity: 'project', entityId: String(id), before, after });
  });
  return getProject(db, actor, id, locale);
}

/**
 * Puts the project on the year's major-project list (or changes its annual plan). Only a project whose
 * 计划总投资 reaches the size threshold of the settings belongs there.
 */
export async function setMajorYear(db: Db, actor: Actor, id: number, year: number, input: SetMajorYearRequest): Promise<void> {
  const row = await requireEditableProject(db, actor, id);
  const { majorThreshold } = await readProjectSettings(db);
  if (row.plannedInvestment === null || row.plannedInvestment < majorThreshold) {
    throw new AppError('validation_failed', {
      messageKey: 'projects.error.belowMajorThreshold',
      params: { threshold: majorThreshold / 100_000_000, amount: (row.plannedInvestment ?? 0) / 100_000_000 },
      details: [{ path: 'params.id', message: 'projects.error.belowMajorThreshold' }],
    });
  }
  await db.transaction(async (tx) => {
    await upsertMajorYear(tx, id, year, input.annualPlan);
    await recordAudit(tx, actor, { action: 'set', entity: 'major_project_year', entityId: `${id}:${year}`, after: input });
  });
}

/** Records a month's completed investment and 到位资金 of a project (a later report replaces the month). */
export async function reportInvestment(db: Db, actor: Actor, id: number, period: string, input: ReportInvestmentRequest): Promise<void> {
  await requireEditableProject(db, actor, id);
  await db.transaction(async (tx) => {
    await upsertMonthlyInvestment(tx, { projectId: id, period, ...input });
    await recordAudit(tx, actor, { action: 'report', entity: 'project_investment', entityId: `${id}:${period}`, after: input });
  });
}
