import type {
  CreateRegionRequest,
  ListRegionsQuery,
  ListRegionsResponse,
  RegionItem,
  UpdateRegionRequest,
} from '../../../shared/contracts/regions.js';
import type { Db } from '../../db/client.js';
import { AppError, foundOr404 } from '../../lib/errors.js';
import { requireVersion } from '../../lib/optimistic-lock.js';
import { canAdminister, requireAccess } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { auditedWrites } from '../audit/audit.service.js';
import {
  countRegionReferences,
  deleteRegionRow,
  insertRegion,
  selectRegionNamed,
  selectRegionRow,
  selectRegions,
  updateRegionRow,
  type RegionRow,
} from './regions.queries.js';

const audited = auditedWrites<RegionRow>('region', 'code', ['code', 'name', 'shortName', 'kind']);

async function requireRegion(db: Db, code: string): Promise<RegionRow> {
  return foundOr404(await selectRegionRow(db, code), 'regions.error.notFound', { code });
}

/** Refuses a name or short name another region uses: import files resolve regions by either. */
async function requireFreeNames(db: Db, names: { name?: string; shortName?: string }, exceptCode?: string): Promise<void> {
  const clash = await selectRegionNamed(db, names, exceptCode);
  if (clash)
    throw new AppError('conflict', { messageKey: 'regions.error.duplicateName', params: { name: clash.value, code: clash.row.code } });
}

/**
 * Every region with its parks and firms. Any logged-in user reads the list (geography is public
 * and the counts are aggregates); only the admin edits it.
 */
export async function listRegions(db: Db, _actor: Actor, query: ListRegionsQuery): Promise<ListRegionsResponse> {
  const items = await selectRegions(db, query);
  return { items, total: items.length };
}

async function presentOne(db: Db, code: string): Promise<RegionItem> {
  const [item] = (await selectRegions(db, {})).filter((r) => r.code === code);
  return foundOr404(item, 'regions.error.notFound', { code });
}

export async function createRegion(db: Db, actor: Actor, input: CreateRegionRequest): Promise<RegionItem> {
  requireAccess(canAdminister(actor));
  if (await selectRegionRow(db, input.code))
    throw new AppError('conflict', { messageKey: 'regions.error.duplicateCode', params: { code: input.code } });
  await requireFreeNames(db, input);
  await audited.create(db, actor, (tx) => insertRegion(tx, input));
  return presentOne(db, input.code);
}

/** Renames a region or changes its kind; the code stays (parks, firms and user scopes refer to it). */
export async function updateRegion(db: Db, actor: Actor, code: string, patch: UpdateRegionRequest): Promise<RegionItem> {
  requireAccess(canAdminister(actor));
  const before = await requireRegion(db, code);
  const { version, ...fields } = patch;
  requireVersion(before.version, version);
  await requireFreeNames(db, fields, code);
  await audited.update(db, actor, before, (tx) => updateRegionRow(tx, code, fields, version));
  return presentOne(db, code);
}

/** Removes a region nothing refers to; refused with the counts of its parks and firms otherwise. */
export async function deleteRegion(db: Db, actor: Actor, code: string, expectedVersion?: number): Promise<void> {
  requireAccess(canAdminister(actor));
  const before = await requireRegion(db, code);
  requireVersion(before.version, expectedVersion);
  const refs = await countRegionReferences(db, code);
  if (refs.parks > 0 || refs.enterprises > 0) {
    throw new AppError('conflict', {
      messageKey: 'regions.error.referenced',
      params: { parks: refs.parks, enterprises: refs.enterprises },
    });
  }
  await audited.remove(db, actor, before, (tx) => deleteRegionRow(tx, code, expectedVersion));
}
