import { ASSESSMENT_MANAGER_ROLES, ASSESSMENT_READER_ROLES, type AssessmentKind } from '../../../shared/contracts/assessment.js';
import { dataScopeOf } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';

export function canManageAssessment(actor: Actor): boolean {
  return ASSESSMENT_MANAGER_ROLES.includes(actor.role);
}

export function canReadAssessment(actor: Actor): boolean {
  return ASSESSMENT_READER_ROLES.includes(actor.role);
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
