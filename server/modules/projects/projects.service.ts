import {
  PROJECT_STAGES,
  SUSPECT_SMALL_AMOUNT_YUAN,
  type CreateProjectRequest,
  type ListProjectsQuery,
  type ListProjectsResponse,
  type MoveProjectRequest,
  type ProjectDetail,
  type ProjectListItem,
  type ProjectStage,
} from '../../../shared/contracts/projects.js';
import { hasReached, moveProject, isStage } from '../../../shared/project-lifecycle.js';
import { translate, type Locale, type MessageKey } from '../../../shared/i18n/index.js';
import type { Db } from '../../db/client.js';
import { pageWindow } from '../../db/sql.js';
import { AppError } from '../../lib/errors.js';
import { requireVersion } from '../../lib/optimistic-lock.js';
import { dataScopeOf, requireAccess } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { createStatisticCache } from '../monitoring/monitoring.cache.js';
import { isFlaggedIncrease, readProjectSettings } from './projects.settings.js';
import { canEditProject, canViewProject, clearanceOf, hasClearance, isProjectWriter, type ProjectScopeFacts } from './projects.policy.js';
import {
  hasChain,
  hasInvestor,
  hasRegion,
  insertProject,
  insertStageEvents,
  selectAmountChanges,
  selectEnterpriseName,
  selectLinkedEnterpriseName,
  selectNodeId,
  selectParkRefs,
  selectProjectListRow,
  selectProjectRow,
  selectProjectsPage,
  selectTimeline,
  updateProjectRow,
  type ProjectInsert,
  type ProjectListRow,
  type ProjectRow,
} from './projects.queries.js';

/** Today in the city (Asia/Shanghai) as YYYY-MM-DD: stage dates never lie after it. */
export function todayInCity(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A refusal of bad input: 400 with the message and the field it is about. */
function invalid(messageKey: MessageKey, path: string, params: Record<string, string | number> = {}): AppError {
  return new AppError('validation_failed', { messageKey, params, details: [{ path, message: messageKey }] });
}

async function factsOf(db: Db, row: ProjectRow): Promise<ProjectScopeFacts> {
  return {
    chainCode: row.chainCode,
    regionCode: row.regionCode,
    park: row.parkId === null ? null : ((await selectParkRefs(db, row.parkId)) ?? null),
    enterpriseUscc: row.enterpriseUscc,
    createdBy: row.createdBy,
  };
}

/** The project if the actor may see it; a project outside the scope answers exactly like an unknown one. */
async function requireVisibleProject(db: Db, actor: Actor, id: number): Promise<{ row: ProjectRow; facts: ProjectScopeFacts }> {
  const row = await selectProjectRow(db, id);
  const facts = row ? await factsOf(db, row) : null;
  if (!row || !facts || !canViewProject(actor, facts))
    throw new AppError('not_found', { messageKey: 'projects.error.notFound', params: { id } });
  return { row, facts };
}

function present(row: ProjectListRow): ProjectListItem {
  const { realName, codeName, cleared, ...rest } = row;
  const hidden = row.confidential && !cleared;
  return { ...rest, name: hidden ? (codeName ?? '') : realName, investorName: hidden ? null : row.investorName };
}

/** Warnings of amounts that look typed in 万元 where 元 is asked for. */
function amountWarnings(row: Pick<ProjectRow, 'signedAmount' | 'plannedInvestment'>, locale: Locale): string[] {
  const warnings: string[] = [];
  for (const field of ['signedAmount', 'plannedInvestment'] as const) {
    const amount = row[field];
    if (amount !== null && amount > 0 && amount < SUSPECT_SMALL_AMOUNT_YUAN) {
      warnings.push(translate(locale, 'projects.warning.smallAmount', { field: translate(locale, `projects.field.${field}`), amount }));
    }
  }
  return warnings;
}

/** List pages cached by scope, clearance and query under the stats token (any write to what they show changes it). */
const listCache = createStatisticCache<ListProjectsResponse>();

/** Projects in the caller's scope with stage, chain (and node), channel, year (signed) and name filters. */
export async function listProjects(db: Db, actor: Actor, query: ListProjectsQuery): Promise<ListProjectsResponse> {
  const scope = dataScopeOf(actor);
  const clearance = clearanceOf(actor);
  return listCache(db, JSON.stringify([scope, clearance, query]), async () => {
    const { rows, total } = await selectProjectsPage(db, {
      scope,
      clearance,
      filter: query,
      ...pageWindow(query),
    });
    return { items: rows.map(present), total };
  });
}

export async function getProject(db: Db, actor: Actor, id: number, locale: Locale = 'zh-CN'): Promise<ProjectDetail> {
  const { row } = await requireVisibleProject(db, actor, id);
  const listRow = await selectProjectListRow(db, id, clearanceOf(actor));
  if (!listRow) throw new AppError('not_found', { messageKey: 'projects.error.notFound', params: { id } });
  const cleared = !row.confidential || hasClearance(actor, row);
  const [timeline, amountChanges, enterpriseName, settings] = await Promise.all([
    selectTimeline(db, id),
    selectAmountChanges(db, id),
    selectLinkedEnterpriseName(db, id),
    readProjectSettings(db),
  ]);
  const changes = amountChanges.map((c) => ({
    ...c,
    field: c.field === 'plannedInvestment' ? ('plannedInvestment' as const) : ('signedAmount' as const),
    flagged: isFlaggedIncrease(c.before, c.after, settings.amountIncreaseRatio),
  }));
  const increases = changes
    .filter((c) => c.flagged)
    .map((c) =>
      translate(locale, 'projects.warning.amountIncrease', {
        field: translate(locale, `projects.field.${c.field}`),
        percent: Math.round(settings.amountIncreaseRatio * 100),
      }),
    );
  return {
    ...present(listRow),
    codeName: row.codeName,
    investorId: cleared ? row.investorId : null,
    referringMasterUscc: row.referringMasterUscc,
    unit: row.unit,
    person: row.person,
    plannedDates: row.plannedDates,
    stageDates: row.stageDates,
    terminatedReason: row.terminatedReason,
    enterpriseName,
    notes: cleared ? row.notes : null,
    timeline: timeline.map((e) => ({ ...e, fromStage: e.fromStage === null ? null : stateOf(e.fromStage), toStage: stateOf(e.toStage) })),
    amountChanges: changes,
    warnings: [...amountWarnings(row, locale), ...increases],
  };
}

function stateOf(value: string): ProjectDetail['stage'] {
  const found = [...PROJECT_STAGES, 'terminated' as const].find((s) => s === value);
  if (!found) throw new Error(`unknown stage ${value} in the timeline`);
  return found;
}

/** Checks the chain, node, park, region, investor and the code name of a new project; returns the node's id. */
async function checkProjectInput(db: Db, input: CreateProjectRequest): Promise<number | null> {
  if (input.confidential && !input.codeName) throw invalid('projects.error.codeNameRequired', 'body.codeName');
  if (!(await hasChain(db, input.chainCode))) throw invalid('projects.error.unknownChain', 'body.chainCode', { code: input.chainCode });
  let nodeId: number | null = null;
  if (input.nodeKey !== null) {
    nodeId = await selectNodeId(db, input.chainCode, input.nodeKey);
    if (nodeId === null) throw invalid('projects.error.unknownNode', 'body.nodeKey', { chain: input.chainCode, node: input.nodeKey });
  }
  if (input.parkId !== null && !(await selectParkRefs(db, input.parkId)))
    throw invalid('projects.error.unknownPark', 'body.parkId', { id: input.parkId });
  if (!(await hasRegion(db, input.regionCode)))
    throw invalid('projects.error.unknownRegion', 'body.regionCode', { code: input.regionCode });
  if (input.investorId !== null && !(await hasInvestor(db, input.investorId))) {
    throw invalid('projects.error.unknownInvestor', 'body.investorId', { id: input.investorId });
  }
  if (input.referringMasterUscc !== null && (await selectEnterpriseName(db, input.referringMasterUscc)) === null) {
    throw invalid('projects.error.unknownEnterprise', 'body.referringMasterUscc', { uscc: input.referringMasterUscc });
  }
  return nodeId;
}

/** Records a new lead (线索), dated, in the caller's scope; a confidential one needs its code name. */
export async function createProject(db: Db, actor: Actor, input: CreateProjectRequest, locale: Locale = 'zh-CN'): Promise<ProjectDetail> {
  requireAccess(isProjectWriter(actor));
  const nodeId = await checkProjectInput(db, input);
  const park = input.parkId === null ? null : ((await selectParkRefs(db, input.parkId)) ?? null);
  const facts: ProjectScopeFacts = {
    chainCode: input.chainCode,
    regionCode: input.regionCode,
    park,
    enterpriseUscc: null,
    createdBy: actor.id,
  };
  if (!canEditProject(actor, facts)) throw new AppError('forbidden', { messageKey: 'projects.error.outOfScope' });
  const leadDate = input.leadDate ?? todayInCity();
  const today = todayInCity();
  if (leadDate > today) throw invalid('projects.error.futureDate', 'body.leadDate', { date: leadDate });
  const { nodeKey: _nodeKey, leadDate: _leadDate, ...fields } = input;
  const id = await db.transaction(async (tx) => (await insertLeadProject(tx, actor, { ...fields, nodeId }, leadDate, 'create')).id);
  return getProject(db, actor, id, locale);
}

/**
 * Writes a new project at 线索 dated `leadDate`: its row, the first event of its timeline and the
 * audit row (`create` by hand, `import` from a file).
 */
export async function insertLeadProject(
  tx: Db,
  actor: Actor,
  fields: Omit<ProjectInsert, 'stage' | 'stageDates' | 'createdBy'>,
  leadDate: string,
  action: 'create' | 'import',
): Promise<ProjectRow> {
  const row = await insertProject(tx, {
    ...fields,
    stage: 'lead',
    stageDates: { lead: leadDate },
    createdBy: actor.system ? null : actor.id,
  });
  await insertStageEvents(tx, row.id, byOf(actor), [{ fromStage: null, toStage: 'lead', on: leadDate, reason: null }]);
  await recordAudit(tx, actor, { action, entity: 'project', entityId: String(row.id), after: row });
  return row;
}

function byOf(actor: Actor): { id: string | null; name: string } {
  return { id: actor.system ? null : actor.id, name: actor.displayName };
}

/** A stage's name in the caller's language (a refusal names the stage it is about). */
function stageLabel(stage: string, locale: Locale): string {
  const found = PROJECT_STAGES.find((s) => s === stage);
  return found ? translate(locale, `projects.stage.${found}`) : stage;
}

/**
 * Moves a project along its lifecycle (shared/project-lifecycle.ts says what is allowed); every
 * step is one dated event of the timeline. The registered enterprise may be linked from 注册 on.
 */
export async function moveProjectStage(
  db: Db,
  actor: Actor,
  id: number,
  input: MoveProjectRequest,
  locale: Locale = 'zh-CN',
): Promise<ProjectDetail> {
  const { row, facts } = await requireVisibleProject(db, actor, id);
  requireAccess(canEditProject(actor, facts));
  requireVersion(row.version, input.version);
  const result = moveProject({
    from: row.stage,
    to: input.to,
    on: input.on,
    skippedDates: input.skippedDates,
    reason: input.reason,
    stageDates: row.stageDates,
    today: todayInCity(),
  });
  if (!result.ok) {
    const params = { ...result.params, ...(result.params.stage ? { stage: stageLabel(result.params.stage, locale) } : {}) };
    throw invalid(result.messageKey, 'body.to', params);
  }
  let enterpriseUscc = row.enterpriseUscc;
  if (input.enterpriseUscc !== undefined) enterpriseUscc = input.enterpriseUscc;
  const finalStage = isStage(input.to) ? input.to : row.stage;
  if (enterpriseUscc !== null) {
    if (!isStage(finalStage) || !hasReached(finalStage, 'registered'))
      throw invalid('projects.error.enterpriseTooEarly', 'body.enterpriseUscc');
    if ((await selectEnterpriseName(db, enterpriseUscc)) === null) {
      throw invalid('projects.error.unknownEnterprise', 'body.enterpriseUscc', { uscc: enterpriseUscc });
    }
  }
  const signed: ProjectStage = 'signed';
  await db.transaction(async (tx) => {
    const after = await updateProjectRow(
      tx,
      id,
      {
        stage: input.to,
        stageDates: result.stageDates,
        signedOn: result.stageDates[signed] ?? null,
        terminatedReason: result.kind === 'terminate' ? input.reason : null,
        enterpriseUscc,
      },
      input.version,
    );
    await insertStageEvents(tx, id, byOf(actor), result.events);
    await recordAudit(tx, actor, {
      action: 'move',
      entity: 'project',
      entityId: String(id),
      before: { stage: row.stage, stageDates: row.stageDates, enterpriseUscc: row.enterpriseUscc },
      after: { stage: after.stage, stageDates: after.stageDates, enterpriseUscc: after.enterpriseUscc, reason: input.reason },
    });
  });
  return getProject(db, actor, id, locale);
}

/** For files attached to a project (modules/attachments): 404 unless the caller sees it; `canEdit` for its editors. */
export async function projectAccessFor(db: Db, actor: Actor, id: number): Promise<{ canEdit: boolean }> {
  const { facts } = await requireVisibleProject(db, actor, id);
  return { canEdit: canEditProject(actor, facts) };
}
