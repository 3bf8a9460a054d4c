import type { AssessmentKind } from '../../../shared/contracts/assessment.js';
import type { Role } from '../../../shared/roles.js';
import { dataScopeOf } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';

/** Who writes schemes, enters figures and runs them: the admin, city leaders and the chain offices (督查考核 is their work). */
export const ASSESSMENT_MANAGERS: readonly Role[] = ['admin', 'leader', 'chain_office'];
/** Who reads schemes and results: the managers, and the assessed (链长 their chains, 园区 and 县市区 their parks). */
export const ASSESSMENT_READERS: readonly Role[] = [...ASSESSMENT_MANAGERS, 'chain_chief', 'park', 'county'];

export function canManageAssessment(actor: Actor): boolean {
  return ASSESSMENT_MANAGERS.includes(actor.role);
}

export function canReadAssessment(actor: Actor): boolean {
  return ASSESSMENT_READERS.includes(actor.role);
}

/**
 * Whether the caller sees one object's result: the managers every one; a 链长 the chains of its
 * scope; a 园区 its parks (by id or short name); a 县市区 the parks in its regions.
 */
export function canSeeResult(
  actor: Actor,
  kind: AssessmentKind,
  object: { code: string; name: string; regionCode: string | null },
): boolean {
  if (canManageAssessment(actor)) return true;
  const scope = dataScopeOf(actor);
  if (scope.all) return true;
  if (kind === 'chain') return scope.kind === 'chain' && scope.refs.includes(object.code);
  if (scope.kind === 'park') return scope.refs.includes(object.code) || scope.refs.includes(object.name);
  return scope.kind === 'region' && object.regionCode !== null && scope.refs.includes(object.regionCode);
}
