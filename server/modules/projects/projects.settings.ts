// The project settings (the major-project size threshold, the amount-increase flag): one app_settings
// row, changed by the admin (audited); defaults when unset or invalid.
import {
  DEFAULT_PROJECT_SETTINGS,
  projectSettings,
  type ProjectSettings,
  type ProjectSettingsResponse,
} from '../../../shared/contracts/projects.js';
import type { Db } from '../../db/client.js';
import { settingOrDefault } from '../../db/settings.js';
import { auditedSetting, settingEndpoints } from '../audit/audit.service.js';
import { isProjectReader } from './projects.policy.js';

const setting = auditedSetting('projects', settingOrDefault(projectSettings, DEFAULT_PROJECT_SETTINGS));

/** The settings in force, for services (no access check: callers have done theirs). */
export const readProjectSettings: (db: Db) => Promise<ProjectSettings> = setting.read;

/**
 * `GET /api/projects/settings`: whoever reads projects (the forms show the threshold); `PUT`: the
 * admin replaces the settings, audited with before and after.
 */
export const { get: getProjectSettings, update: updateProjectSettings } = settingEndpoints(
  setting,
  ({ value, ...changed }): ProjectSettingsResponse => ({ settings: value, ...changed }),
  isProjectReader,
);

/** Whether a change from `before` to `after` raises the amount by more than the ratio (from nothing: never). */
export function isFlaggedIncrease(before: number | null, after: number | null, ratio: number): boolean {
  if (before === null || after === null || before <= 0) return false;
  return after > before * (1 + ratio);
}
