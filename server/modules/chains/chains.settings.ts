// The gap analysis' thresholds (chains.gaps.ts): one app_settings row, changed by the admin (audited);
// defaults when unset. The chain page's count-only node status uses the same minimum of firms.
import { DEFAULT_GAP_THRESHOLDS, gapThresholds, type GapThresholds } from '../../../shared/contracts/chain-map.js';
import type { Db } from '../../db/client.js';
import { canAdminister, requireAccess } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { selectGapSettingsRow, upsertGapSettings } from './chains.gaps.queries.js';

/** The thresholds in force: the stored ones when valid, else the defaults (2 firms, 2%, 30%). */
export async function readGapThresholds(db: Db): Promise<GapThresholds> {
  const parsed = gapThresholds.safeParse((await selectGapSettingsRow(db))?.value);
  return parsed.success ? parsed.data : DEFAULT_GAP_THRESHOLDS;
}

/** `GET /api/chains/gap-settings`: every logged-in user may read the thresholds (the map states them). */
export async function getGapSettings(db: Db, _actor: Actor) {
  const row = await selectGapSettingsRow(db);
  return { thresholds: await readGapThresholds(db), updatedAt: row?.updatedAt ?? null };
}

/** `PUT /api/chains/gap-settings`: the admin replaces the thresholds (ranges checked by the contract); audited. */
export async function updateGapSettings(db: Db, actor: Actor, thresholds: GapThresholds) {
  requireAccess(canAdminister(actor));
  await db.transaction(async (tx) => {
    const before = await readGapThresholds(tx);
    await upsertGapSettings(tx, thresholds, actor.system ? null : actor.id);
    await recordAudit(tx, actor, { action: 'update', entity: 'app_settings', entityId: 'chain_gaps', before, after: thresholds });
  });
  return getGapSettings(db, actor);
}
