import type {
  CreateParkRequest,
  ListParksQuery,
  ListParksResponse,
  ParkDetail,
  UpdateParkRequest,
} from '../../../shared/contracts/parks.js';
import type { Db } from '../../db/client.js';
import { AppError, foundOr404, refuseWhileReferenced } from '../../lib/errors.js';
import { requireVersion } from '../../lib/optimistic-lock.js';
import { canAdminister, requireAccess } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { auditedWrites } from '../audit/audit.service.js';
import {
  countParkFirms,
  deleteParkRow,
  insertPark,
  replaceParkFocusChains,
  selectExistingChainCodes,
  selectParkFocusChains,
  selectParkListRow,
  selectParkNamed,
  selectParkRow,
  selectParksPage,
  selectRegionExists,
  updateParkRow,
  type ParkRow,
} from './parks.queries.js';

/** A park as the audit log keeps it: its stored fields with the codes of its focus chains. */
type AuditedPark = ParkRow & { focusChainCodes: string[] };

const audited = auditedWrites<AuditedPark>('park', 'id', [
  'id',
  'name',
  'shortName',
  'level',
  'regionCode',
  'areaHectares',
  'establishedOn',
  'focus',
  'focusChainCodes',
]);

async function requirePark(db: Db, id: number): Promise<ParkRow> {
  return foundOr404(await selectParkRow(db, id), 'parks.error.notFound', { id });
}

async function focusCodesOf(db: Db, id: number): Promise<string[]> {
  return (await selectParkFocusChains(db, id)).map((c) => c.code);
}

/** Checks the references a park's input names; returns the focus chain codes without repeats. */
async function checkReferences(db: Db, input: { regionCode?: string; focusChainCodes?: string[] }): Promise<string[] | undefined> {
  if (input.regionCode !== undefined && !(await selectRegionExists(db, input.regionCode))) {
    throw new AppError('validation_failed', {
      messageKey: 'parks.error.unknownRegion',
      params: { code: input.regionCode },
      details: [{ path: 'body.regionCode', message: `unknown region ${input.regionCode}` }],
    });
  }
  if (input.focusChainCodes === undefined) return undefined;
  const codes = [...new Set(input.focusChainCodes)];
  const existing = new Set(await selectExistingChainCodes(db, codes));
  const unknown = codes.filter((c) => !existing.has(c));
  if (unknown.length > 0) {
    throw new AppError('validation_failed', {
      messageKey: 'parks.error.unknownChains',
      params: { codes: unknown.join(', ') },
      details: [{ path: 'body.focusChainCodes', message: `unknown chains ${unknown.join(', ')}` }],
    });
  }
  return codes;
}

/** Refuses a name or short name another park uses: import files resolve parks by either. */
async function requireFreeNames(db: Db, names: { name?: string; shortName?: string }, exceptId?: number): Promise<void> {
  const clash = await selectParkNamed(db, names, exceptId);
  if (clash) throw new AppError('conflict', { messageKey: 'parks.error.duplicateName', params: { name: clash.value } });
}

/**
 * Parks with search (name or short name), level and region filters and paging. Every logged-in
 * user reads them (the parks are public; counts are aggregates); only the admin edits them.
 */
export async function listParks(db: Db, _actor: Actor, query: ListParksQuery): Promise<ListParksResponse> {
  const { rows, total } = await selectParksPage(db, {
    q: query.q,
    level: query.level,
    region: query.region,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: rows, total };
}

export async function getPark(db: Db, _actor: Actor, id: number): Promise<ParkDetail> {
  const row = await requirePark(db, id);
  const listRow = foundOr404(await selectParkListRow(db, id), 'parks.error.notFound', { id });
  return {
    ...listRow,
    focusChains: await selectParkFocusChains(db, id),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function createPark(db: Db, actor: Actor, input: CreateParkRequest): Promise<ParkDetail> {
  requireAccess(canAdminister(actor));
  const focusChainCodes = (await checkReferences(db, input)) ?? [];
  await requireFreeNames(db, input);
  const { focusChainCodes: _codes, ...fields } = input;
  const created = await audited.create(db, actor, async (tx) => {
    const row = await insertPark(tx, fields);
    await replaceParkFocusChains(tx, row.id, focusChainCodes);
    return { ...row, focusChainCodes };
  });
  return getPark(db, actor, created.id);
}

export async function updatePark(db: Db, actor: Actor, id: number, patch: UpdateParkRequest): Promise<ParkDetail> {
  requireAccess(canAdminister(actor));
  const before = await requirePark(db, id);
  requireVersion(before.version, patch.version);
  const beforeCodes = await focusCodesOf(db, id);
  const focusChainCodes = await checkReferences(db, patch);
  await requireFreeNames(db, patch, id);
  const { focusChainCodes: _codes, version, ...fields } = patch;
  await audited.update(db, actor, { ...before, focusChainCodes: beforeCodes }, async (tx) => {
    const after = await updateParkRow(tx, id, fields, version);
    if (focusChainCodes !== undefined) await replaceParkFocusChains(tx, id, focusChainCodes);
    return { ...after, focusChainCodes: focusChainCodes ?? beforeCodes };
  });
  return getPark(db, actor, id);
}

/** Removes a park with no firms in it; refused with the count otherwise. */
export async function deletePark(db: Db, actor: Actor, id: number, expectedVersion?: number): Promise<void> {
  requireAccess(canAdminister(actor));
  const before = await requirePark(db, id);
  requireVersion(before.version, expectedVersion);
  refuseWhileReferenced(await countParkFirms(db, id), 'parks.error.hasEnterprises');
  const focusChainCodes = await focusCodesOf(db, id);
  await audited.remove(db, actor, { ...before, focusChainCodes }, (tx) => deleteParkRow(tx, id, expectedVersion));
}
