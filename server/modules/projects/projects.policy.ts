// Who sees and changes which projects. Scopes: 链长/链办 their chains' projects, 园区 theirs, 县市区
// theirs, an enterprise only the project linked to it, a 后盾单位 department the blockers assigned to
// it (none of the project lists). Confidential leads show their real name only to callers with
// clearance: admin, leader, the chain chief of the project's chain and whoever recorded it.
import { PROJECT_READER_ROLES, PROJECT_WRITER_ROLES } from '../../../shared/contracts/projects.js';
import type { Actor } from '../access/actor.js';
import { dataScopeOf } from '../access/access.policy.js';

/** What a scope check needs to know about one project. */
export type ProjectScopeFacts = {
  chainCode: string;
  regionCode: string;
  park: { id: number; shortName: string; name: string } | null;
  enterpriseUscc: string | null;
  createdBy: string | null;
};

/** Roles that record and move projects (the leader reads only; departments and enterprises neither). */
export const PROJECT_WRITERS = PROJECT_WRITER_ROLES;
/** Roles that read project lists and the summary. */
export const PROJECT_READERS = PROJECT_READER_ROLES;

/** Whether the role records and moves projects (inside its scope). */
export function isProjectWriter(actor: Actor): boolean {
  return PROJECT_WRITERS.some((role) => role === actor.role);
}

/** Whether the role reads project lists, the summary and the investors. */
export function isProjectReader(actor: Actor): boolean {
  return PROJECT_READERS.some((role) => role === actor.role);
}

export function canViewProject(actor: Actor, project: ProjectScopeFacts): boolean {
  const scope = dataScopeOf(actor);
  if (scope.all) return true;
  const refs = new Set(scope.refs);
  switch (scope.kind) {
    case 'chain':
      return refs.has(project.chainCode);
    case 'park':
      return (
        project.park !== null && (refs.has(String(project.park.id)) || refs.has(project.park.shortName) || refs.has(project.park.name))
      );
    case 'region':
      return refs.has(project.regionCode);
    case 'enterprise':
      return project.enterpriseUscc !== null && refs.has(project.enterpriseUscc);
    case 'department':
      return false;
  }
}

export function canEditProject(actor: Actor, project: ProjectScopeFacts): boolean {
  if (actor.role === 'admin') return true;
  if (!isProjectWriter(actor)) return false;
  return canViewProject(actor, project);
}

/** Clearance for a confidential lead's real name and investor. */
export function hasClearance(actor: Actor, project: Pick<ProjectScopeFacts, 'chainCode' | 'createdBy'>): boolean {
  if (actor.role === 'admin' || actor.role === 'leader') return true;
  if (project.createdBy === actor.id) return true;
  return actor.role === 'chain_chief' && actor.scopes.some((s) => s.kind === 'chain' && s.ref === project.chainCode);
}

/** The chains whose confidential leads the actor may read in full (null = all). */
export function clearanceOf(actor: Actor): { all: true } | { all: false; chains: string[]; userId: string } {
  if (actor.role === 'admin' || actor.role === 'leader') return { all: true };
  const chains = actor.role === 'chain_chief' ? actor.scopes.filter((s) => s.kind === 'chain').map((s) => s.ref) : [];
  return { all: false, chains, userId: actor.id };
}

/** An investor's contacts are shown to the admin and the user who registered it; everyone else sees them masked. */
export function ownsInvestor(actor: Actor, investor: { ownerId: string | null }): boolean {
  return actor.role === 'admin' || (investor.ownerId !== null && investor.ownerId === actor.id);
}

/** 张三丰 → 张**; a phone keeps its first 3 and last 4 digits. */
export function maskName(name: string | null): string | null {
  if (name === null || name.length === 0) return name;
  return name.slice(0, 1) + '*'.repeat(Math.max(1, name.length - 1));
}

export function maskPhone(phone: string | null): string | null {
  if (phone === null) return null;
  if (phone.length <= 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}
