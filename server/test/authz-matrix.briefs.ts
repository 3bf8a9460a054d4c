// The authorisation matrix rows of the monthly briefs (产业链运行月报); spread into AUTHZ_MATRIX
// (server/test/authz-matrix.ts). Each side has a published brief of its chain for the fixture's
// month; writes work on fresh drafts of the side's chain (an earlier month, so the published series
// is left alone). The admin generates and reviews anything; 链长/链办 their chain's briefs; the plain
// 市领导 reads published briefs only; a brief outside a caller's scope answers 404 like an unknown one.
import type { Role } from '../../shared/roles.js';
import { SYSTEM_ACTOR } from '../modules/access/actor.js';
import { actOnBrief, generateBrief } from '../modules/briefs/briefs.service.js';
import { getBriefTemplates } from '../modules/briefs/briefs.templates.js';
import { MATRIX_PERIOD, oncePerSide, type AuthzFixture, type Side } from './authz-fixture.js';
import { fixedGet, grid, listRow, OUT_OF_SCOPE_STATUS as OOS, type MatrixRow } from './authz-matrix.js';

/** The month of the drafts the writes work on (published in the fixture, before MATRIX_PERIOD). */
const DRAFT_PERIOD = '2025-05';

/** Each side's published brief of its chain for the fixture's month. */
const published = oncePerSide(async (fx, side) => {
  let brief = await generateBrief(fx.db, SYSTEM_ACTOR, { period: MATRIX_PERIOD, kind: 'chain', chainCode: fx.chain[side] });
  for (const action of ['submit', 'review', 'publish'] as const) {
    brief = await actOnBrief(fx.db, SYSTEM_ACTOR, brief.id, { action, version: brief.version });
  }
  return brief.id;
});
const publishedBrief = published.get;

async function freshDraft(fx: AuthzFixture, side: Side): Promise<number> {
  return (await generateBrief(fx.db, SYSTEM_ACTOR, { period: DRAFT_PERIOD, kind: 'chain', chainCode: fx.chain[side] })).id;
}

const CITY: readonly Role[] = ['admin', 'leader'];

export function briefMatrixRows(): MatrixRow[] {
  // Built here, not at load: authz-matrix.ts (OOS, grid) imports this file.
  /** Readers of a published chain brief: city-wide roles both sides, the chain's roles their own. */
  const READ = grid({ admin: 200, leader: 200, chain_chief: [200, OOS], chain_office: [200, OOS], county: OOS });
  /** Writers of a chain brief's draft: the admin; 链长/链办 their chain; the plain 市领导 reads only. */
  const WRITE = grid({ admin: 200, leader: 403, chain_chief: [200, OOS], chain_office: [200, OOS], county: OOS });
  return [
    listRow(
      '/api/briefs',
      `/api/briefs?period=${MATRIX_PERIOD}`,
      published,
      grid({ admin: 200, leader: 200, chain_chief: 200, chain_office: 200, county: 200 }),
      (role) => (CITY.includes(role) ? ['in', 'out'] : role === 'county' ? [] : ['in']),
    ),
    {
      method: 'POST',
      route: '/api/briefs',
      request: (fx, side) => ({ url: '/api/briefs', payload: { period: DRAFT_PERIOD, kind: 'chain', chainCode: fx.chain[side] } }),
      status: grid({ admin: 201, chain_chief: [201, 403], chain_office: [201, 403] }),
    },
    fixedGet('/api/briefs/templates', grid({ admin: 200, leader: 200, chain_chief: 200, chain_office: 200, county: 200 })),
    {
      method: 'PUT',
      route: '/api/briefs/templates',
      request: async (fx) => ({
        url: '/api/briefs/templates',
        payload: {
          texts: { problemsIntro: `问题办理方面，${fx.unique()}：{received}。` },
          version: (await getBriefTemplates(fx.db)).version,
        },
      }),
      status: grid({ admin: 200 }),
    },
    {
      method: 'GET',
      route: '/api/briefs/:id',
      request: async (fx, side) => ({ url: `/api/briefs/${await publishedBrief(fx, side)}` }),
      status: READ,
    },
    {
      method: 'PATCH',
      route: '/api/briefs/:id',
      request: async (fx, side) => ({
        url: `/api/briefs/${await freshDraft(fx, side)}`,
        payload: { narratives: { focus: [{ kind: 'paragraph', runs: [{ text: '矩阵' }] }] }, version: 1 },
      }),
      status: WRITE,
    },
    {
      method: 'POST',
      route: '/api/briefs/:id/actions',
      request: async (fx, side) => ({
        url: `/api/briefs/${await freshDraft(fx, side)}/actions`,
        payload: { action: 'submit', version: 1 },
      }),
      status: WRITE,
    },
    {
      method: 'GET',
      route: '/api/briefs/:id/versions',
      request: async (fx, side) => ({ url: `/api/briefs/${await publishedBrief(fx, side)}/versions` }),
      status: READ,
    },
    {
      method: 'GET',
      route: '/api/briefs/:id/export/:format',
      request: async (fx, side) => ({ url: `/api/briefs/${await publishedBrief(fx, side)}/export/xlsx` }),
      status: READ,
    },
  ];
}
