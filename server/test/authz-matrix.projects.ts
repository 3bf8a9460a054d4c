// The authorisation matrix rows of 招商引资/重大项目 (projects, investors). Each side has a project:
// "in" on CH02 in 衡阳县, in the in-side park, registered as firm A; "out" on CH05 in 常宁市.
import type { Db } from '../db/client.js';
import { SYSTEM_ACTOR } from '../modules/access/actor.js';
import { createInvestor } from '../modules/investors/investors.service.js';
import { addSigningEvent } from '../modules/projects/projects.events.js';
import { createBlocker } from '../modules/projects/projects.support.js';
import { setMajorYear } from '../modules/projects/projects.plan.js';
import type { Role } from '../../shared/roles.js';
import { buildProject } from './factories/projects.js';
import { SIDES, type AuthzFixture, type Side } from './authz-fixture.js';
import {
  fixedGet,
  grid,
  multipartRequest,
  OUT_OF_SCOPE_STATUS as OOS,
  type ListCheck,
  type MatrixRequest,
  type MatrixRow,
} from './authz-matrix.js';

const BASE_NAME = '矩阵基准项目';
const base = new WeakMap<Db, Record<Side, number>>();

/** A project on the side: chain, county and park of the side, linked to the side's firm. */
async function projectOn(fx: AuthzFixture, side: Side, name: string): Promise<number> {
  const project = await buildProject(
    fx.db,
    { name, chainCode: fx.chain[side], regionCode: fx.region[side], parkId: fx.park[side].id, plannedInvestment: 200_000_000 },
    {
      to: 'registered',
      on: '2024-01-05',
      skippedDates: { negotiating: '2024-01-03', signed: '2024-01-04' },
      enterpriseUscc: fx.firm[side].uscc,
    },
  );
  return project.id;
}

/** The two base projects, made once per fixture. */
async function baseProjects(fx: AuthzFixture): Promise<Record<Side, number>> {
  const known = base.get(fx.db);
  if (known) return known;
  const made = { in: await projectOn(fx, 'in', `${BASE_NAME}甲`), out: await projectOn(fx, 'out', `${BASE_NAME}乙`) };
  base.set(fx.db, made);
  return made;
}

const fresh = (fx: AuthzFixture, side: Side) => projectOn(fx, side, `矩阵新项目${fx.unique()}`);
/** A blocker owned by the matrix's department, on a new project of the side. */
async function freshBlocker(fx: AuthzFixture, side: Side): Promise<number> {
  const projectId = await fresh(fx, side);
  const blocker = await createBlocker(fx.db, SYSTEM_ACTOR, projectId, {
    kind: 'power',
    description: '矩阵用电指标',
    ownerDepartment: '市发展和改革委员会',
    dueOn: '2024-03-01',
  });
  return blocker.id;
}

const json = (url: string, payload: unknown): MatrixRequest => ({ url, payload });

/** Who edits a project: the admin anywhere, the scoped writers on their side (the other side is invisible). */
const projectEdit = (ok: number) =>
  grid({ admin: ok, chain_chief: [ok, OOS], chain_office: [ok, OOS], park: [ok, OOS], county: [ok, OOS] });
const READERS = grid({ admin: 200, leader: 200, chain_chief: 200, chain_office: 200, park: 200, county: 200, department: 200 });

/** Lists of projects: admin and leader see both sides, a department none, the other readers their own side. */
function projectSees(role: Role, side: Side): Side[] {
  if (role === 'admin' || role === 'leader') return side === 'in' ? ['in', 'out'] : ['out'];
  if (role === 'department') return [];
  return side === 'in' ? ['in'] : [];
}

/** The check of a list of projects: the sides whose base project is among its items' ids (`idOf`). */
function baseProjectList<Item>(idOf: (item: Item) => number): ListCheck {
  return {
    present: (body, fx) => {
      const known = base.get(fx.db);
      const ids = (body as { items: Item[] }).items.map(idOf);
      return known ? SIDES.filter((side) => ids.includes(known[side])) : [];
    },
    sees: projectSees,
  };
}

/** A dry run of one lead on the side (the synchronous import and its job). */
export function projectImportRequest(url: string, fx: AuthzFixture, side: Side) {
  return multipartRequest(url, 'projects.csv', [
    ['项目名称', '产业链', '县市区', '园区'],
    ['矩阵导入项目', fx.chain[side], fx.region[side], String(fx.park[side].id)],
  ]);
}

export function projectMatrixRows(): MatrixRow[] {
  return [
    {
      method: 'GET',
      route: '/api/projects',
      request: async (fx, side) => {
        await baseProjects(fx);
        return { url: `/api/projects?pageSize=100&q=${encodeURIComponent(BASE_NAME)}${side === 'out' ? `&chain=${fx.chain.out}` : ''}` };
      },
      status: READERS,
      list: baseProjectList((p: { id: number }) => p.id),
    },
    fixedGet('/api/projects/warnings', READERS, '/api/projects/warnings?asOf=2026-01-01'),
    {
      method: 'GET',
      route: '/api/projects/major',
      request: async (fx, side) => {
        const ids = await baseProjects(fx);
        await setMajorYear(fx.db, SYSTEM_ACTOR, ids.in, 2023, { annualPlan: 1 });
        await setMajorYear(fx.db, SYSTEM_ACTOR, ids.out, 2023, { annualPlan: 1 });
        return { url: `/api/projects/major?year=2023${side === 'out' ? `&chain=${fx.chain.out}` : ''}` };
      },
      status: READERS,
      list: baseProjectList((p: { projectId: number }) => p.projectId),
    },
    fixedGet('/api/projects/summary', READERS, '/api/projects/summary?year=2024'),
    {
      method: 'POST',
      route: '/api/projects',
      request: (fx, side) =>
        json('/api/projects', {
          name: `矩阵新线索${fx.unique()}`,
          channel: 'chain_master',
          chainCode: fx.chain[side],
          regionCode: fx.region[side],
          parkId: fx.park[side].id,
        }),
      status: grid({ admin: 201, chain_chief: [201, 403], chain_office: [201, 403], park: [201, 403], county: [201, 403] }),
    },
    {
      method: 'GET',
      route: '/api/projects/:id',
      request: async (fx, side) => ({ url: `/api/projects/${(await baseProjects(fx))[side]}` }),
      status: grid({ admin: 200, leader: 200, department: OOS }, [200, OOS]),
    },
    {
      method: 'POST',
      route: '/api/projects/:id/stage',
      request: async (fx, side) => json(`/api/projects/${await fresh(fx, side)}/stage`, { to: 'land', on: '2024-01-06' }),
      status: projectEdit(200),
    },
    {
      method: 'PATCH',
      route: '/api/projects/:id',
      request: async (fx, side) => json(`/api/projects/${await fresh(fx, side)}`, { signedAmount: 300_000_000 }),
      status: projectEdit(200),
    },
    {
      method: 'PUT',
      route: '/api/projects/:id/major/:year',
      request: async (fx, side) => json(`/api/projects/${await fresh(fx, side)}/major/2024`, { annualPlan: 100_000_000 }),
      status: projectEdit(200),
    },
    {
      method: 'PUT',
      route: '/api/projects/:id/investment/:period',
      request: async (fx, side) =>
        json(`/api/projects/${await fresh(fx, side)}/investment/2024-03`, { completed: 1_000_000, fundsArrived: 900_000 }),
      status: projectEdit(200),
    },
    fixedGet('/api/projects/import/template', grid({ admin: 200, chain_chief: 200, chain_office: 200, park: 200, county: 200 })),
    {
      method: 'POST',
      route: '/api/projects/import',
      // A dry run of one lead on the side; a writer's row outside its scope is a row error in the 200 answer.
      request: (fx, side) => projectImportRequest('/api/projects/import?dryRun=true', fx, side),
      status: grid({ admin: 200, chain_chief: 200, chain_office: 200, park: 200, county: 200 }),
      dryRun: true,
    },
    fixedGet('/api/projects/settings', READERS),
    {
      method: 'PUT',
      route: '/api/projects/settings',
      request: () => json('/api/projects/settings', { majorThreshold: 100_000_000, amountIncreaseRatio: 0.3 }),
      status: grid({ admin: 200 }),
    },
    fixedGet('/api/investors', READERS),
    {
      method: 'POST',
      route: '/api/investors',
      request: (fx) => json('/api/investors', { kind: 'company', name: `矩阵客商${fx.unique()}` }),
      status: grid({ admin: 201, chain_chief: 201, chain_office: 201, park: 201, county: 201 }),
    },
    {
      method: 'PUT',
      route: '/api/investors/:id',
      // Registered by the system: only the admin owns it; the writers are refused by the service.
      request: async (fx) => {
        const investor = await createInvestor(fx.db, SYSTEM_ACTOR, {
          kind: 'company',
          name: `矩阵改客商${fx.unique()}`,
          uscc: null,
          origin: null,
          nativePlace: null,
          contactName: '李四',
          contactPhone: null,
        });
        return { url: `/api/investors/${investor.id}`, payload: { kind: 'company', name: `矩阵已改客商${fx.unique()}` } };
      },
      status: grid({ admin: 200 }),
    },
    fixedGet('/api/projects/blockers', READERS, '/api/projects/blockers?overdue=true'),
    {
      method: 'POST',
      route: '/api/projects/blockers/:blockerId/resolve',
      request: async (fx, side) => json(`/api/projects/blockers/${await freshBlocker(fx, side)}/resolve`, { resolvedOn: '2024-02-20' }),
      // The department owns the blockers of both sides (its name is on them).
      status: grid({
        admin: 200,
        department: 200,
        chain_chief: [200, OOS],
        chain_office: [200, OOS],
        park: [200, OOS],
        county: [200, OOS],
      }),
    },
    {
      method: 'GET',
      route: '/api/projects/:id/support',
      request: async (fx, side) => ({ url: `/api/projects/${(await baseProjects(fx))[side]}/support` }),
      status: grid({ admin: 200, leader: 200, department: OOS }, [200, OOS]),
    },
    {
      method: 'PUT',
      route: '/api/projects/:id/agent',
      request: async (fx, side) => json(`/api/projects/${await fresh(fx, side)}/agent`, { agentName: '矩阵代办员' }),
      status: projectEdit(200),
    },
    {
      method: 'PUT',
      route: '/api/projects/:id/approvals/:item',
      request: async (fx, side) => json(`/api/projects/${await fresh(fx, side)}/approvals/eia`, { status: 'done', doneOn: '2024-01-20' }),
      status: projectEdit(200),
    },
    {
      method: 'POST',
      route: '/api/projects/:id/blockers',
      request: async (fx, side) =>
        json(`/api/projects/${await fresh(fx, side)}/blockers`, {
          kind: 'land',
          description: '矩阵用地',
          ownerDepartment: '市自然资源和规划局',
          dueOn: '2024-04-01',
        }),
      status: projectEdit(201),
    },
    {
      method: 'POST',
      route: '/api/projects/:id/signing-events',
      request: async (fx, side) =>
        json(`/api/projects/${await fresh(fx, side)}/signing-events`, { eventName: `矩阵签约活动${fx.unique()}`, heldOn: '2024-01-04' }),
      status: projectEdit(201),
    },
    {
      method: 'DELETE',
      route: '/api/projects/:id/signing-events/:eventId',
      request: async (fx, side) => {
        const projectId = await fresh(fx, side);
        const event = await addSigningEvent(fx.db, SYSTEM_ACTOR, projectId, { eventName: '矩阵删除的签约活动', heldOn: '2024-01-04' });
        return { url: `/api/projects/${projectId}/signing-events/${event.id}` };
      },
      status: projectEdit(200),
    },
  ];
}
