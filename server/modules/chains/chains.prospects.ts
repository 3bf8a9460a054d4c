// 招商目标企业清单: companies outside the city that could fill a node of the chain, and "转为招商线索",
// which records a lead (线索) of the investment pipeline through the projects service and keeps its id
// on the target, once.
import type {
  ConvertProspectRequest,
  ConvertProspectResponse,
  CreateProspectRequest,
  ProspectItem,
  UpdateProspectRequest,
} from '../../../shared/contracts/chain-prospects.js';
import { createProjectRequest } from '../../../shared/contracts/projects.js';
import type { Locale } from '../../../shared/i18n/index.js';
import { validateUscc } from '../../../shared/uscc.js';
import type { Db } from '../../db/client.js';
import { chainProspects } from '../../db/schema.js';
import { AppError } from '../../lib/errors.js';
import { requireVersion } from '../../lib/optimistic-lock.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { createProject } from '../projects/projects.service.js';
import { chainList, presentListRow, requireListAccess } from './chains.lists.js';
import { markProspectConverted } from './chains.lists.queries.js';

/** Refuses a USCC whose check characters are wrong (GB 32100); a target without one is fine. */
function checkUscc(input: { uscc?: string | null }): void {
  if (input.uscc === undefined || input.uscc === null) return;
  const result = validateUscc(input.uscc);
  if (!result.ok) {
    throw new AppError('validation_failed', {
      messageKey: 'chains.error.invalidUscc',
      params: { reasonZh: result.messageZh },
      details: [{ path: 'body.uscc', message: result.message }],
    });
  }
}

export const prospects = chainList<typeof chainProspects, ProspectItem, CreateProspectRequest, UpdateProspectRequest>({
  table: chainProspects,
  entity: 'chain_prospect',
  notFound: 'chains.error.prospectNotFound',
  present: presentListRow,
  check: checkUscc,
});

/** "转为招商线索": a lead named after the target on the chain and node, in the given county; refused when already converted. */
export async function convertProspect(
  db: Db,
  actor: Actor,
  code: string,
  id: number,
  input: ConvertProspectRequest,
  locale: Locale = 'zh-CN',
): Promise<ConvertProspectResponse> {
  await requireListAccess(db, actor, code, true);
  const row = await prospects.requireRow(db, code, id);
  const converted = () =>
    new AppError('conflict', { messageKey: 'chains.error.prospectConverted', params: { name: row.name, project: row.projectId ?? '' } });
  if (row.projectId !== null) throw converted();
  requireVersion(row.version, input.version);
  const notes = [
    row.products && `产品：${row.products}`,
    row.location && `所在地：${row.location}`,
    row.source && `来源：${row.source}`,
    row.note,
  ]
    .filter(Boolean)
    .join('；');
  const projectId = await db.transaction(async (tx) => {
    const lead = createProjectRequest.parse({
      name: row.name,
      channel: input.channel,
      chainCode: code,
      nodeKey: row.nodeKey,
      regionCode: input.regionCode,
      notes: notes || null,
    });
    const project = await createProject(tx, actor, lead, locale);
    // Only a target not yet converted is marked: a second conversion racing this one rolls back here.
    if (!(await markProspectConverted(tx, id, project.id))) throw converted();
    await recordAudit(tx, actor, { action: 'convert', entity: 'chain_prospect', entityId: String(id), after: { projectId: project.id } });
    return project.id;
  });
  return { projectId, prospect: await prospects.get(db, code, id) };
}
