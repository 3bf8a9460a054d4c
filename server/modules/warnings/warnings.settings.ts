// The warning thresholds: stored under one app_settings key, read by the warnings lists and by the
// figures import's unit-slip check, changed only by the admin (audited).
import {
  DEFAULT_WARNING_SETTINGS,
  warningSettings,
  type WarningSettings,
  type WarningSettingsResponse,
} from '../../../shared/contracts/warnings.js';
import type { Db } from '../../db/client.js';
import { auditedSetting, settingEndpoints } from '../audit/audit.service.js';
import { canViewMonitoring } from '../monitoring/monitoring.policy.js';

export const WARNING_SETTINGS_KEY = 'warnings';

/**
 * The stored thresholds, each missing or invalid one replaced by its default (a row written by an
 * older version keeps working; the API never stores an invalid one).
 */
function settingsOf(value: unknown): WarningSettings {
  const stored = typeof value === 'object' && value !== null ? value : {};
  const merged = { ...DEFAULT_WARNING_SETTINGS };
  // Object.keys of the defaults are exactly WarningSettings' keys.
  for (const key of Object.keys(DEFAULT_WARNING_SETTINGS) as (keyof WarningSettings)[]) {
    // `stored` is any non-null object; each key read from it is checked by safeParse below.
    const candidate = { ...merged, [key]: (stored as Record<string, unknown>)[key] };
    if (warningSettings.safeParse(candidate).success) Object.assign(merged, candidate);
  }
  return merged;
}

const setting = auditedSetting(WARNING_SETTINGS_KEY, settingsOf);

/** The thresholds in force, for services (no access check: callers have done theirs). */
export const readWarningSettings: (db: Db) => Promise<WarningSettings> = setting.read;

/**
 * `GET /api/warnings/settings`: the thresholds and who changed them last, for the monitoring roles;
 * `PUT`: replaces them (validated by the contract), admin only, audited with before and after.
 */
export const { get: getWarningSettings, update: updateWarningSettings } = settingEndpoints(
  setting,
  ({ value, ...changed }): WarningSettingsResponse => ({ settings: value, ...changed }),
  canViewMonitoring,
);
