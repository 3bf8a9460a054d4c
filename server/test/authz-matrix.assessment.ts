// The authorisation matrix rows of 督查考核 assessment; spread into AUTHZ_MATRIX (server/test/authz-matrix.ts).
import type { CreateSchemeRequest } from '../../shared/contracts/assessment.js';
import type { Role } from '../../shared/roles.js';
import { SYSTEM_ACTOR } from '../modules/access/actor.js';
import { createScheme, putEntry, runScheme } from '../modules/assessment/assessment.service.js';
import type { AuthzFixture, Side } from './authz-fixture.js';
import { fixedGet, grid, type MatrixRow } from './authz-matrix.js';

/** A chain scheme scored by one assessor's indicator (so a run reads nothing but the entries). */
const SCHEME: CreateSchemeRequest = {
  kind: 'chain',
  year: 2025,
  name: '矩阵考核方案',
  definition: {
    indicators: [{ code: 'duty', name: '履职', group: '', weight: 100, source: 'manual', rule: { kind: 'linear', floor: 0, target: 100 } }],
    bonuses: [],
    deductions: [],
    vetoes: [{ code: 'accident', name: '重大事故' }],
  },
};

const made = new WeakMap<AuthzFixture, { schemeId: number; runId: number }>();

/** A scheme with both sides' chains scored and one stored run (made once per fixture). */
async function scored(fx: AuthzFixture): Promise<{ schemeId: number; runId: number }> {
  let ids = made.get(fx);
  if (!ids) {
    const scheme = await createScheme(fx.db, SYSTEM_ACTOR, SCHEME);
    for (const side of ['in', 'out'] as const) {
      await putEntry(fx.db, SYSTEM_ACTOR, scheme.id, { objectCode: fx.chain[side], itemCode: 'duty', value: 80, evidence: '矩阵佐证' });
    }
    const run = await runScheme(fx.db, SYSTEM_ACTOR, scheme.id);
    ids = { schemeId: scheme.id, runId: run.id };
    made.set(fx, ids);
  }
  return ids;
}

/** Which sides' chains a run's results show. */
const chainsIn = (body: unknown, fx: AuthzFixture): Side[] => {
  const codes = new Set(((body as { results?: { code: string }[] }).results ?? []).map((r) => r.code));
  return (['in', 'out'] as const).filter((side) => codes.has(fx.chain[side]));
};

const MANAGERS: readonly Role[] = ['admin', 'leader', 'chain_office'];
const readers = (status: number) =>
  grid({ admin: status, leader: status, chain_office: status, chain_chief: status, park: status, county: status });
const managers = (status: number) => grid({ admin: status, leader: status, chain_office: status });

/** Rows of the assessment routes: readers read, managers write; the assessed see their own results. */
export function assessmentMatrixRows(): MatrixRow[] {
  return [
    fixedGet('/api/assessment/sources', readers(200)),
    fixedGet('/api/assessment/schemes', readers(200), '/api/assessment/schemes?year=2025'),
    {
      method: 'POST',
      route: '/api/assessment/schemes',
      request: () => ({ url: '/api/assessment/schemes', payload: SCHEME }),
      status: managers(201),
    },
    {
      method: 'GET',
      route: '/api/assessment/schemes/:id',
      request: async (fx) => ({ url: `/api/assessment/schemes/${(await scored(fx)).schemeId}` }),
      status: readers(200),
    },
    {
      // A fresh scheme without runs: the edit changes it in place.
      method: 'PUT',
      route: '/api/assessment/schemes/:id',
      request: async (fx) => ({
        url: `/api/assessment/schemes/${(await createScheme(fx.db, SYSTEM_ACTOR, SCHEME)).id}`,
        payload: { name: `矩阵考核方案${fx.unique()}` },
      }),
      status: managers(200),
    },
    {
      method: 'PUT',
      route: '/api/assessment/schemes/:id/entries',
      request: async (fx, side) => ({
        url: `/api/assessment/schemes/${(await scored(fx)).schemeId}/entries`,
        payload: { objectCode: fx.chain[side], itemCode: 'duty', value: 70, evidence: '矩阵佐证' },
      }),
      status: managers(200),
    },
    {
      method: 'POST',
      route: '/api/assessment/schemes/:id/runs',
      request: async (fx) => ({ url: `/api/assessment/schemes/${(await scored(fx)).schemeId}/runs` }),
      status: managers(201),
    },
    fixedGet('/api/assessment/runs', readers(200)),
    {
      method: 'GET',
      route: '/api/assessment/runs/:id',
      request: async (fx) => ({ url: `/api/assessment/runs/${(await scored(fx)).runId}` }),
      status: readers(200),
      list: {
        present: chainsIn,
        sees: (role) => (MANAGERS.includes(role) ? ['in', 'out'] : role === 'chain_chief' ? ['in'] : []),
      },
    },
  ];
}
