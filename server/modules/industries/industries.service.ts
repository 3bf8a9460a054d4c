import type {
  CreateIndustryRequest,
  IndustryItem,
  ListIndustriesResponse,
  UpdateIndustryRequest,
} from '../../../shared/contracts/industries.js';
import type { Db } from '../../db/client.js';
import { AppError, foundOr404, refuseWhileReferenced } from '../../lib/errors.js';
import { requireVersion } from '../../lib/optimistic-lock.js';
import { canAdminister, requireAccess } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { auditedWrites } from '../audit/audit.service.js';
import {
  countIndustryChains,
  deleteIndustryRow,
  insertIndustry,
  selectIndustries,
  selectIndustryClash,
  selectIndustryListRow,
  selectIndustryRow,
  selectNextSortOrder,
  updateIndustryRow,
  type IndustryRecord,
} from './industries.queries.js';

const audited = auditedWrites<IndustryRecord>('industry', 'code', ['code', 'group', 'name', 'sortOrder']);

async function requireIndustry(db: Db, code: string): Promise<IndustryRecord> {
  return foundOr404(await selectIndustryRow(db, code), 'industries.error.notFound', { code });
}

/** Refuses a code or name another industry uses: chains and imports resolve industries by either. */
async function requireFreeKeys(db: Db, keys: { code?: string; name?: string }, exceptCode?: string): Promise<void> {
  const clash = await selectIndustryClash(db, keys, exceptCode);
  if (clash) throw new AppError('conflict', { messageKey: 'industries.error.duplicate', params: { value: clash.value } });
}

async function getIndustry(db: Db, code: string): Promise<IndustryItem> {
  return foundOr404(await selectIndustryListRow(db, code), 'industries.error.notFound', { code });
}

/**
 * The ten leading industries of 一核两电三色四新 in the city's order. Every logged-in user reads them
 * (they are the published strategy); only the admin edits them.
 */
export async function listIndustries(db: Db, _actor: Actor): Promise<ListIndustriesResponse> {
  const items = await selectIndustries(db);
  return { items, total: items.length };
}

export async function createIndustry(db: Db, actor: Actor, input: CreateIndustryRequest): Promise<IndustryItem> {
  requireAccess(canAdminister(actor));
  await requireFreeKeys(db, input);
  const sortOrder = input.sortOrder ?? (await selectNextSortOrder(db));
  await audited.create(db, actor, (tx) => insertIndustry(tx, { ...input, sortOrder }));
  return getIndustry(db, input.code);
}

export async function updateIndustry(db: Db, actor: Actor, code: string, patch: UpdateIndustryRequest): Promise<IndustryItem> {
  requireAccess(canAdminister(actor));
  const before = await requireIndustry(db, code);
  const { version, ...fields } = patch;
  requireVersion(before.version, version);
  await requireFreeKeys(db, { name: fields.name }, code);
  await audited.update(db, actor, before, (tx) => updateIndustryRow(tx, code, fields, version));
  return getIndustry(db, code);
}

/** Removes an industry no chain belongs to; refused with the count otherwise. */
export async function deleteIndustry(db: Db, actor: Actor, code: string, expectedVersion?: number): Promise<void> {
  requireAccess(canAdminister(actor));
  const before = await requireIndustry(db, code);
  requireVersion(before.version, expectedVersion);
  refuseWhileReferenced(await countIndustryChains(db, code), 'industries.error.hasChains');
  await audited.remove(db, actor, before, (tx) => deleteIndustryRow(tx, code, expectedVersion));
}
