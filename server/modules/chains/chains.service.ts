import {
  CHAIN_ADMIN_FIELDS,
  CHAIN_FIELDS,
  type ChainDetail,
  type CreateChainRequest,
  type ListChainsResponse,
  type PutTargetRequest,
  type UpdateChainRequest,
} from '../../../shared/contracts/chains.js';
import { currentYear } from '../../../shared/stats/period.js';
import type { Db } from '../../db/client.js';
import { AppError, refuseWhileReferenced } from '../../lib/errors.js';
import { requireVersion } from '../../lib/optimistic-lock.js';
import { requireAccess } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { auditedWrites, recordAudit } from '../audit/audit.service.js';
import { selectChainEdgeKeys, selectChainNodesWithCounts } from './chain-nodes.queries.js';
import { canAdministerChains, canEditChain, canViewChain, chainFirmScopeOf, chainScopeOf } from './chains.policy.js';
import {
  countChainFirms,
  deleteChainRow,
  deleteChainTargetRow,
  insertChain,
  selectChainByName,
  selectChainDetail,
  selectChainFirms,
  selectChainRow,
  selectChainsOfYear,
  selectChainTarget,
  selectChainTargets,
  selectTargetsOfYear,
  selectIndustryExists,
  selectMemberChainCodes,
  updateChainRow,
  upsertChainTarget,
  type ChainRow,
  type ChainTargetRow,
} from './chains.queries.js';
import { nodeStatusOf } from './node-status.js';
import { readGapThresholds } from './chains.settings.js';

/** Chain writes with their audit entries; the log keeps the stored fields (no counts). */
const audited = auditedWrites<ChainRow>('chain', 'code', CHAIN_FIELDS);

/** A stored yearly target as the contract shows it (the chain page and the 发展目标清单). */
export function presentTarget(row: ChainTargetRow) {
  return { year: row.year, outputTargetYuan: row.outputTargetYuan, growthTarget: row.growthTarget, version: row.version };
}

/** Whether the actor may see the chain; an enterprise account sees the chains its firm belongs to. */
export async function mayView(db: Db, actor: Actor, code: string): Promise<boolean> {
  const scope = chainScopeOf(actor);
  const memberChains = scope.kind === 'members' ? await selectMemberChainCodes(db, scope.usccs) : [];
  return canViewChain(actor, code, memberChains);
}

function chainNotFound(code: string): AppError {
  return new AppError('not_found', { messageKey: 'chains.error.notFound', params: { code } });
}

/** Loads a chain or answers 404 naming the code. */
export async function requireChain(db: Db, code: string): Promise<ChainRow> {
  const row = await selectChainRow(db, code);
  if (!row) throw chainNotFound(code);
  return row;
}

/**
 * Loads a chain the actor may edit. A chain the actor may not see answers exactly like an unknown
 * code (404), so a chain user cannot probe other chains; one it sees but may not edit answers 403.
 */
export async function requireEditableChain(db: Db, actor: Actor, code: string): Promise<ChainRow> {
  if (!(await mayView(db, actor, code))) throw chainNotFound(code);
  requireAccess(canEditChain(actor, code));
  return requireChain(db, code);
}

/** The chains on the city's list of a year (default: this year) that the caller may see. */
export async function listChains(db: Db, actor: Actor, query: { year?: number }): Promise<ListChainsResponse> {
  const year = query.year ?? currentYear();
  const rows = await selectChainsOfYear(db, { year, scope: chainScopeOf(actor) });
  return { year, total: rows.length, items: rows };
}

/**
 * One chain: governance facts, targets, its map (nodes with firm counts and status for the year,
 * edges by key) and the firms the caller may see.
 */
export async function getChain(db: Db, actor: Actor, code: string, query: { year?: number }): Promise<ChainDetail> {
  if (!(await mayView(db, actor, code))) throw chainNotFound(code);
  const year = query.year ?? currentYear();
  const row = await selectChainDetail(db, code, year);
  if (!row) throw chainNotFound(code);
  const { minFirms } = await readGapThresholds(db);
  const [targets, nodes, edges, firms] = [
    await selectChainTargets(db, code),
    await selectChainNodesWithCounts(db, code, year),
    await selectChainEdgeKeys(db, code),
    await selectChainFirms(db, { code, year, scope: chainFirmScopeOf(actor) }),
  ];
  return {
    ...row,
    year,
    supportingDepartments: row.supportingDepartments,
    hostPlaces: row.hostPlaces,
    chainMasters: row.chainMasters,
    targets: targets.map(presentTarget),
    nodes: nodes.map((n) => ({ ...n, status: nodeStatusOf(n, minFirms) })),
    edges,
    enterprises: firms,
    canEdit: canEditChain(actor, code),
    canAdminister: canAdministerChains(actor),
  };
}

async function requireIndustry(db: Db, industryCode: string): Promise<void> {
  if (await selectIndustryExists(db, industryCode)) return;
  throw new AppError('validation_failed', {
    messageKey: 'chains.error.unknownIndustry',
    params: { code: industryCode },
    details: [{ path: 'body.industryCode', message: `unknown industry ${industryCode}` }],
  });
}

function requireValidYears(from: number, to: number | null): void {
  if (to === null || to >= from) return;
  throw new AppError('validation_failed', {
    messageKey: 'chains.error.validYears',
    details: [{ path: 'body.validToYear', message: 'must not be before validFromYear' }],
  });
}

async function requireFreeName(db: Db, name: string, exceptCode?: string): Promise<void> {
  const other = await selectChainByName(db, name);
  if (other && other.code !== exceptCode) throw new AppError('conflict', { messageKey: 'chains.error.duplicateName', params: { name } });
}

/** Adds a chain to the city's list (admin). */
export async function createChain(db: Db, actor: Actor, input: CreateChainRequest): Promise<ChainDetail> {
  requireAccess(canAdministerChains(actor));
  if (await selectChainRow(db, input.code))
    throw new AppError('conflict', { messageKey: 'chains.error.duplicateCode', params: { code: input.code } });
  await requireFreeName(db, input.name);
  await requireIndustry(db, input.industryCode);
  requireValidYears(input.validFromYear, input.validToYear);
  await audited.create(db, actor, (tx) => insertChain(tx, input));
  return getChain(db, actor, input.code, { year: input.validFromYear });
}

/**
 * Edits a chain. 链长/链办 change the governance facts of their own chain; a change of name,
 * industry, years or order (the city's list) needs the admin. Fields sent unchanged are fine.
 */
export async function updateChain(db: Db, actor: Actor, code: string, patch: UpdateChainRequest): Promise<ChainDetail> {
  const before = await requireEditableChain(db, actor, code);
  const { version, ...fields } = patch;
  requireVersion(before.version, version);
  if (!canAdministerChains(actor)) {
    const changed = CHAIN_ADMIN_FIELDS.filter((field) => fields[field] !== undefined && fields[field] !== before[field]);
    if (changed.length > 0)
      throw new AppError('forbidden', { messageKey: 'chains.error.adminOnlyFields', params: { fields: changed.join(', ') } });
  }
  if (fields.name !== undefined) await requireFreeName(db, fields.name, code);
  if (fields.industryCode !== undefined) await requireIndustry(db, fields.industryCode);
  requireValidYears(
    fields.validFromYear ?? before.validFromYear,
    fields.validToYear === undefined ? before.validToYear : fields.validToYear,
  );
  await audited.update(db, actor, before, (tx) => updateChainRow(tx, code, fields, version));
  return getChain(db, actor, code, {});
}

/** Removes a chain with its map and targets (admin); refused while firms sit in any of its nodes. */
export async function deleteChain(db: Db, actor: Actor, code: string, expectedVersion?: number): Promise<void> {
  requireAccess(canAdministerChains(actor));
  const before = await requireChain(db, code);
  requireVersion(before.version, expectedVersion);
  refuseWhileReferenced(await countChainFirms(db, code), 'chains.error.hasEnterprises');
  const [nodes, edges, targets] = [
    await selectChainNodesWithCounts(db, code, currentYear()),
    await selectChainEdgeKeys(db, code),
    await selectChainTargets(db, code),
  ];
  await db.transaction(async (tx) => {
    await deleteChainRow(tx, code, expectedVersion);
    await recordAudit(tx, actor, {
      action: 'delete',
      entity: 'chain',
      entityId: code,
      before: {
        ...audited.view(before),
        nodes: nodes.map((n) => ({ key: n.key, name: n.name, stage: n.stage, gbt4754: n.gbt4754 })),
        edges,
        targets: targets.map(presentTarget),
      },
    });
  });
}

/** Every chain's output target (元) of a year, by chain code: what the assessment's target completion reads. */
export async function chainOutputTargetsOf(db: Db, year: number): Promise<Map<string, number | null>> {
  return new Map((await selectTargetsOfYear(db, year)).map((t) => [t.chainCode, t.outputTargetYuan]));
}

/** Sets (creates or replaces) a chain's target for one year. */
export async function setChainTarget(db: Db, actor: Actor, code: string, year: number, input: PutTargetRequest) {
  await requireEditableChain(db, actor, code);
  const before = await selectChainTarget(db, code, year);
  // A form that loaded the target sends its version: gone or changed since answers 409.
  if (input.version !== undefined) requireVersion(before?.version ?? 0, input.version);
  return db.transaction(async (tx) => {
    const saved = await upsertChainTarget(
      tx,
      { chainCode: code, year, outputTargetYuan: input.outputTargetYuan, growthTarget: input.growthTarget },
      input.version,
    );
    await recordAudit(tx, actor, {
      action: before ? 'update' : 'create',
      entity: 'chain_target',
      entityId: `${code}:${year}`,
      before: before ? presentTarget(before) : null,
      after: presentTarget(saved),
    });
    return presentTarget(saved);
  });
}

export async function deleteChainTarget(db: Db, actor: Actor, code: string, year: number, expectedVersion?: number): Promise<void> {
  await requireEditableChain(db, actor, code);
  const before = await selectChainTarget(db, code, year);
  if (!before) throw new AppError('not_found', { messageKey: 'chains.error.targetNotFound', params: { code, year } });
  requireVersion(before.version, expectedVersion);
  await db.transaction(async (tx) => {
    await deleteChainTargetRow(tx, code, year, expectedVersion);
    await recordAudit(tx, actor, { action: 'delete', entity: 'chain_target', entityId: `${code}:${year}`, before: presentTarget(before) });
  });
}
