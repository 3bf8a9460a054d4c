import type { ProjectWarningsQuery, ProjectWarningsResponse } from '../../../shared/contracts/projects.js';
import type { Db } from '../../db/client.js';
import { dataScopeOf, requireAccess } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import { clearanceOf, isProjectReader } from './projects.policy.js';
import { todayInCity } from './projects.service.js';
import { selectProjectWarnings } from './projects.warnings.queries.js';

/** The 三未 and duplicate-signing warnings of the caller's projects (a confidential lead by its code name). */
export async function listProjectWarnings(db: Db, actor: Actor, query: ProjectWarningsQuery): Promise<ProjectWarningsResponse> {
  requireAccess(isProjectReader(actor));
  const asOf = query.asOf ?? todayInCity();
  const rows = await selectProjectWarnings(db, dataScopeOf(actor), clearanceOf(actor), asOf);
  const items = rows
    .filter((row) => query.kind === undefined || row.kind === query.kind)
    .map(({ realName, codeName, cleared, ...rest }) => ({ ...rest, name: cleared ? realName : (codeName ?? '') }));
  return { asOf, items, total: items.length };
}
