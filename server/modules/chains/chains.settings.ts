// The gap analysis' thresholds (chains.gaps.ts): one app_settings row, changed by the admin (audited);
// defaults when unset. The chain page's count-only node status uses the same minimum of firms.
import { DEFAULT_GAP_THRESHOLDS, gapThresholds, type GapThresholds } from '../../../shared/contracts/chain-map.js';
import type { Db } from '../../db/client.js';
import { settingOrDefault } from '../../db/settings.js';
import { canAdminister, requireAccess } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { auditedSetting } from '../audit/audit.service.js';

const setting = auditedSetting('chain_gaps', settingOrDefault(gapThresholds, DEFAULT_GAP_THRESHOLDS));

/** The thresholds in force: the stored ones when valid, else the defaults (2 firms, 2%, 30%). */
export const readGapThresholds = setting.read;

/** `GET /api/chains/gap-settings`: every logged-in user may read the thresholds (the map states them). */
export async function getGapSettings(db: Db, _actor: Actor) {
  const { value, updatedAt } = await setting.state(db);
  return { thresholds: value, updatedAt };
}

/** `PUT /api/chains/gap-settings`: the admin replaces the thresholds (ranges checked by the contract); audited. */
export async function updateGapSettings(db: Db, actor: Actor, thresholds: GapThresholds) {
  requireAccess(canAdminister(actor));
  await setting.write(db, actor, thresholds);
  return getGapSettings(db, actor);
}
