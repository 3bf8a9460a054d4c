// The gap analysis' thresholds (chains.gaps.ts): one app_settings row, changed by the admin (audited);
// defaults when unset. The chain page's count-only node status uses the same minimum of firms.
import { DEFAULT_GAP_THRESHOLDS, gapThresholds } from '../../../shared/contracts/chain-map.js';
import { settingOrDefault } from '../../db/settings.js';
import { auditedSetting, settingEndpoints } from '../audit/audit.service.js';

const setting = auditedSetting('chain_gaps', settingOrDefault(gapThresholds, DEFAULT_GAP_THRESHOLDS));

/** The thresholds in force: the stored ones when valid, else the defaults (2 firms, 2%, 30%). */
export const readGapThresholds = setting.read;

/**
 * `GET /api/chains/gap-settings`: every logged-in user may read the thresholds (the map states them);
 * `PUT`: the admin replaces them (ranges checked by the contract), audited.
 */
export const { get: getGapSettings, update: updateGapSettings } = settingEndpoints(setting, ({ value, updatedAt }) => ({
  thresholds: value,
  updatedAt,
}));
