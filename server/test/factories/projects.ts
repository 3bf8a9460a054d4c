// Factories of the project tests: a project made through the service, moved along if asked.
import type { CreateProjectRequest, MoveProjectRequest, ProjectDetail } from '../../../shared/contracts/projects.js';
import type { Db } from '../../db/client.js';
import { SYSTEM_ACTOR } from '../../modules/access/actor.js';
import { createProject, moveProjectStage } from '../../modules/projects/projects.service.js';

let counter = 0;

/** Creates a lead (CH02 xfmr in 衡阳县 by default), then applies `move` if given; returns the project as the admin sees it. */
export async function buildProject(
  db: Db,
  overrides: Partial<CreateProjectRequest> = {},
  move?: Partial<MoveProjectRequest>,
): Promise<ProjectDetail> {
  counter += 1;
  const project = await createProject(db, SYSTEM_ACTOR, {
    name: `测试项目${counter}`,
    confidential: false,
    codeName: null,
    investorId: null,
    channel: 'chain_chief',
    referringMasterUscc: null,
    chainCode: 'CH02',
    nodeKey: null,
    parkId: null,
    regionCode: '430421',
    unit: null,
    person: null,
    signedAmount: null,
    plannedInvestment: null,
    category: 'industry',
    plannedDates: {},
    notes: null,
    leadDate: '2024-01-02',
    ...overrides,
  });
  if (!move) return project;
  return moveProjectStage(db, SYSTEM_ACTOR, project.id, { to: 'negotiating', on: '2024-01-03', skippedDates: {}, reason: null, ...move });
}
