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
import { canAdminister, requireAccess } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { auditedSetting } from '../audit/audit.service.js';
import { isProjectReader } from './projects.policy.js';

const setting = auditedSetting('projects', settingOrDefault(projectSettings, DEFAULT_PROJECT_SETTINGS));

async function readRow(db: Db): Promise<ProjectSettingsResponse> {
  const { value, ...changed } = await setting.state(db);
  return { settings: value, ...changed };
}

/** The settings in force, for services (no access check: callers have done theirs). */
export const readProjectSettings: (db: Db) => Promise<ProjectSettings> = setting.read;

/** `GET /api/projects/settings`: whoever reads projects (the forms show the threshold). */
export async function getProjectSettings(db: Db, actor: Actor): Promise<ProjectSettingsResponse> {
  requireAccess(isProjectReader(actor));
  return readRow(db);
}

/** `PUT /api/projects/settings`: the admin replaces the settings; audited with before and after. */
export async function updateProjectSettings(db: Db, actor: Actor, input: ProjectSettings): Promise<ProjectSettingsResponse> {
  requireAccess(canAdminister(actor));
  await setting.write(db, actor, input);
  return readRow(db);
}

/** Whether a change from `before` to `after` raises the amount by more than the ratio (from nothing: never). */
export function isFlaggedIncrease(before: number | null, after: number | null, ratio: number): boolean {
  if (before === null || after === null || before <= 0) return false;
  return after > before * (1 + ratio);
}
