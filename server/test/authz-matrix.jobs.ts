// The authorisation matrix rows of the long jobs (server/modules/jobs); spread into AUTHZ_MATRIX
// (server/test/authz-matrix.ts). A job is seen by its starter and the admin only: the "in" side is a
// job the role's own user started, the "out" side one another user started (404 as an unknown job).
// Starting the enterprise import is the admin's (as its synchronous route). Starting a publication is for who may publish (the admin; a 市领导 only with 统计审核员); starting a
// brief for who may generate it, in their scope (the sync route's rules, checked before the job is written).
// The 招商项目 import job is for project writers (a row outside the writer's scope fails the job, as it is a row
// error of the synchronous route's answer); a chain list's import job for the admin and the chain's 链办 (404 outside).
import { ROLES, type Role } from '../../shared/roles.js';
import { SYSTEM_ACTOR } from '../modules/access/actor.js';
import { createJob } from '../modules/jobs/jobs.service.js';
import type { AuthzFixture, Side } from './authz-fixture.js';
import { grid, multipartRequest, OUT_OF_SCOPE_STATUS as OOS, type MatrixRow } from './authz-matrix.js';
import { nextUscc } from './factories/enterprises.js';
import { projectImportRequest } from './authz-matrix.projects.js';
import { IMPORT_COLUMNS } from '../../shared/contracts/enterprises.js';

/** A month published in the fixture with no brief series of its own (the brief rows use 2025-05 and 2025-06). */
const JOB_BRIEF_PERIOD = '2025-04';

async function jobOf(fx: AuthzFixture, side: Side, role: Role | null): Promise<string> {
  const user = role === null || side === 'out' ? null : fx.users[role];
  const actor = user
    ? {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        scopes: [],
        statsReviewer: user.statsReviewer,
      }
    : SYSTEM_ACTOR;
  const job = await createJob(fx.db, actor, { kind: 'period_publish', input: { period: '2023-06' }, locale: 'zh-CN' });
  return job.id;
}

export function jobMatrixRows(): MatrixRow[] {
  return [
    {
      method: 'GET',
      route: '/api/jobs/:id',
      request: async (fx, side, role) => ({ url: `/api/jobs/${await jobOf(fx, side, role)}` }),
      status: grid({ admin: 200, ...Object.fromEntries(ROLES.filter((r) => r !== 'admin').map((r) => [r, [200, OOS]])) }),
    },
    {
      method: 'POST',
      route: '/api/jobs/publish/:period',
      request: () => ({ url: '/api/jobs/publish/2023-06' }),
      status: grid({ admin: 202 }),
    },
    {
      method: 'POST',
      route: '/api/jobs/enterprises-import',
      request: (fx, side) => {
        const row: Record<string, string> = {
          统一社会信用代码: nextUscc(fx.region[side]),
          企业名称: `矩阵作业导入企业${fx.unique()}有限公司`,
          所属区县: fx.region[side],
          所属园区: '',
          行业代码: '3821',
          规上年度: '2025',
          产业链环节: `${fx.chain[side]}:${fx.node[side]}`,
        };
        return multipartRequest('/api/jobs/enterprises-import?dryRun=true', 'firms.csv', [
          IMPORT_COLUMNS,
          IMPORT_COLUMNS.map((c) => row[c] ?? ''),
        ]);
      },
      status: grid({ admin: 202 }),
    },
    {
      method: 'POST',
      route: '/api/jobs/projects-import',
      request: (fx, side) => projectImportRequest('/api/jobs/projects-import?dryRun=true', fx, side),
      status: grid({ admin: 202, chain_chief: 202, chain_office: 202, park: 202, county: 202 }),
    },
    {
      method: 'POST',
      route: '/api/jobs/chain-list-import/:code/:list',
      request: (fx, side) =>
        multipartRequest(`/api/jobs/chain-list-import/${fx.chain[side]}/prospects?dryRun=true`, 'prospects.csv', [
          ['环节', '企业名称'],
          [fx.node[side], `矩阵作业导入目标${fx.unique()}`],
        ]),
      status: grid({ admin: 202, chain_office: [202, OOS] }),
    },
    {
      method: 'POST',
      route: '/api/jobs/briefs',
      request: (fx, side) => ({ url: '/api/jobs/briefs', payload: { period: JOB_BRIEF_PERIOD, kind: 'chain', chainCode: fx.chain[side] } }),
      status: grid({ admin: 202, chain_chief: [202, 403], chain_office: [202, 403] }),
    },
  ];
}
