// The authorisation matrix rows of the chain workspace: a chain's map with its gap analysis, the
// health ranking (the chains the caller may see) and the gap thresholds (read by all, set by the admin).
import { DEFAULT_GAP_THRESHOLDS } from '../../shared/contracts/chain-map.js';
import type { Role } from '../../shared/roles.js';
import { MATRIX_PERIOD, SIDES, type Side } from './authz-fixture.js';
import { fixedGet, grid, OUT_OF_SCOPE_STATUS as OOS, type MatrixRow } from './authz-matrix.js';

/** City-wide readers of chains: every role but 链长/链办 and 企业 (chains.policy.ts). */
const CITY: readonly Role[] = ['admin', 'leader', 'department', 'park', 'county'];

export function chainMapMatrixRows(): MatrixRow[] {
  return [
    {
      method: 'GET',
      route: '/api/chains/:code/map',
      request: (fx, side) => ({ url: `/api/chains/${fx.chain[side]}/map?period=${MATRIX_PERIOD}` }),
      status: grid({ chain_chief: [200, OOS], chain_office: [200, OOS], enterprise: [200, OOS] }, 200),
    },
    {
      method: 'GET',
      route: '/api/chains/health',
      request: () => ({ url: `/api/chains/health?period=${MATRIX_PERIOD}` }),
      status: grid({}, 200),
      // The ranking lists only the chains the caller may see.
      list: {
        present: (body, fx) => SIDES.filter((side) => (body as { items: { code: string }[] }).items.some((c) => c.code === fx.chain[side])),
        sees: (role: Role): Side[] => (CITY.includes(role) ? ['in', 'out'] : ['in']),
      },
    },
    fixedGet('/api/chains/gap-settings', grid({}, 200)),
    {
      method: 'PUT',
      route: '/api/chains/gap-settings',
      request: () => ({ url: '/api/chains/gap-settings', payload: DEFAULT_GAP_THRESHOLDS }),
      status: grid({ admin: 200 }),
    },
  ];
}
