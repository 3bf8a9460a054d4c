// The authorisation matrix rows of a chain's lists (招商目标企业, 科技成果): read by the admin, the leader
// and the chain's 链长/链办; written (and converted into 招商线索) by the admin and the chain's 链办. A
// chain outside a chain user's scope answers 404; roles that see the chain but not its lists get 403.
import { createProspectRequest, createResearchRequest } from '../../shared/contracts/chain-prospects.js';
import { SYSTEM_ACTOR } from '../modules/access/actor.js';
import { prospects } from '../modules/chains/chains.prospects.js';
import { research } from '../modules/chains/chains.research.js';
import { MATRIX_PERIOD, type AuthzFixture, type Side } from './authz-fixture.js';
import { grid, multipartRequest, OUT_OF_SCOPE_STATUS as OOS, type MatrixRow } from './authz-matrix.js';

// Functions, not constants: this file is imported while authz-matrix.ts (which defines OOS) is still loading.
const read = () => grid({ admin: 200, leader: 200, chain_chief: [200, OOS], chain_office: [200, OOS] });
/** The route's policy refuses the chief and firms before any scope check: 403 on both sides. */
const write = (ok: number) => grid({ admin: ok, chain_office: [ok, OOS] });

const newProspect = (fx: AuthzFixture, side: Side) =>
  prospects.create(
    fx.db,
    SYSTEM_ACTOR,
    fx.chain[side],
    createProspectRequest.parse({ nodeKey: fx.node[side], name: `矩阵目标企业${fx.unique()}` }),
  );
const newResearch = (fx: AuthzFixture, side: Side) =>
  research.create(
    fx.db,
    SYSTEM_ACTOR,
    fx.chain[side],
    createResearchRequest.parse({
      nodeKey: fx.node[side],
      title: `矩阵成果${fx.unique()}`,
      holder: '矩阵大学',
      holderKind: 'university',
      maturity: 'lab',
    }),
  );

export function prospectMatrixRows(): MatrixRow[] {
  const lists = [
    {
      path: 'prospects',
      fresh: newProspect,
      body: (fx: AuthzFixture, side: Side) => ({ nodeKey: fx.node[side], name: `矩阵目标${fx.unique()}` }),
    },
    {
      path: 'research',
      fresh: newResearch,
      body: (fx: AuthzFixture, side: Side) => ({
        nodeKey: fx.node[side],
        title: `矩阵成果${fx.unique()}`,
        holder: '矩阵研究院',
        holderKind: 'institute',
        maturity: 'pilot',
      }),
    },
  ];
  return [
    ...lists.flatMap(({ path, fresh, body }): MatrixRow[] => [
      {
        method: 'GET',
        route: `/api/chains/:code/${path}`,
        request: (fx, side) => ({ url: `/api/chains/${fx.chain[side]}/${path}` }),
        status: read(),
      },
      {
        method: 'POST',
        route: `/api/chains/:code/${path}`,
        request: (fx, side) => ({ url: `/api/chains/${fx.chain[side]}/${path}`, payload: body(fx, side) }),
        status: write(201),
      },
      {
        method: 'PATCH',
        route: `/api/chains/:code/${path}/:id`,
        request: async (fx, side) => ({ url: `/api/chains/${fx.chain[side]}/${path}/${(await fresh(fx, side)).id}`, payload: {} }),
        status: write(200),
      },
      {
        method: 'DELETE',
        route: `/api/chains/:code/${path}/:id`,
        request: async (fx, side) => ({ url: `/api/chains/${fx.chain[side]}/${path}/${(await fresh(fx, side)).id}` }),
        status: write(200),
      },
    ]),
    // Imports of either list: the template and a dry run of one row on the side's node.
    ...lists.flatMap(({ path }): MatrixRow[] => [
      {
        method: 'GET',
        route: `/api/chains/:code/${path}/import/template`,
        request: (fx, side) => ({ url: `/api/chains/${fx.chain[side]}/${path}/import/template` }),
        status: write(200),
      },
      {
        method: 'POST',
        route: `/api/chains/:code/${path}/import`,
        request: (fx, side) =>
          multipartRequest(
            `/api/chains/${fx.chain[side]}/${path}/import?dryRun=true`,
            `${path}.csv`,
            path === 'prospects'
              ? [
                  ['环节', '企业名称'],
                  [fx.node[side], `矩阵导入目标${fx.unique()}`],
                ]
              : [
                  ['环节', '成果名称', '持有单位', '单位类型', '成熟度'],
                  [fx.node[side], `矩阵导入成果${fx.unique()}`, '矩阵大学', '高校', '中试阶段'],
                ],
          ),
        status: write(200),
        dryRun: true,
      },
    ]),
    // 五单 (the other four lists read through their modules) and the 五单一图谱 workbook: the lists' readers.
    {
      method: 'GET',
      route: '/api/chains/:code/five-lists',
      request: (fx, side) => ({ url: `/api/chains/${fx.chain[side]}/five-lists?period=${MATRIX_PERIOD}` }),
      status: read(),
    },
    {
      method: 'GET',
      route: '/api/chains/:code/five-lists.xlsx',
      request: (fx, side) => ({ url: `/api/chains/${fx.chain[side]}/five-lists.xlsx?period=${MATRIX_PERIOD}` }),
      status: read(),
    },
    {
      method: 'POST',
      route: '/api/chains/:code/prospects/:id/convert',
      request: async (fx, side) => ({
        url: `/api/chains/${fx.chain[side]}/prospects/${(await newProspect(fx, side)).id}/convert`,
        payload: { regionCode: fx.region[side] },
      }),
      status: write(201),
    },
  ];
}
