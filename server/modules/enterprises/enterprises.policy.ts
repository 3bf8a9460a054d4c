// Who may see and change enterprises.
//
// Reading: admin, leader and 后盾单位 departments see every firm (departments resolve problems of any
// firm); 链长/链办 see firms with a membership in one of their chains; 园区 firms in their parks;
// 县市区 firms registered in their regions; an enterprise account only itself.
//
// Writing: only the admin creates and deletes firms and imports files (the USCC is unique city-wide,
// so a scoped user creating a firm could learn of one outside its scope from the conflict). Edits:
// the admin anywhere; 链长/链办, 园区 and 县市区 users for firms in their scope, as long as the firm
// stays in their scope afterwards, and 链长/链办 only change memberships in their own chains. The
// leader reads only; departments and enterprise accounts do not edit master data (规上 status and
// the flags are official designations, not self-declared).
import type { MembershipInput } from '../../../shared/contracts/enterprises.js';
import { canAdminister, dataScopeOf, isFirmInScope, type FirmScopeFacts } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';

/**
 * The enterprises an actor may see. Park scope refs name a park by its id as text ("1"), its short
 * name (衡阳高新区) or its full name, so accounts created with any of the three work.
 */
export type EnterpriseScope = { all: true } | { all: false; kind: 'chain' | 'park' | 'region' | 'enterprise'; refs: string[] };

export function enterpriseScopeOf(actor: Actor): EnterpriseScope {
  const scope = dataScopeOf(actor);
  if (scope.all || scope.kind === 'department') return { all: true };
  return { all: false, kind: scope.kind, refs: scope.refs };
}

/** What a scope check needs to know about a firm. */
export type EnterpriseScopeFacts = FirmScopeFacts;

export function canViewEnterprise(actor: Actor, firm: EnterpriseScopeFacts): boolean {
  return isFirmInScope(actor, firm);
}

/** Only the admin adds or removes firms and imports enterprise files. */
export function canCreateEnterprise(actor: Actor): boolean {
  return canAdminister(actor);
}

export function canDeleteEnterprise(actor: Actor): boolean {
  return canAdminister(actor);
}

const EDITING_ROLES = new Set(['chain_chief', 'chain_office', 'park', 'county']);

/** Whether the actor's role edits enterprise master data at all (inside its scope). */
export function canEditEnterprises(actor: Actor): boolean {
  return canAdminister(actor) || EDITING_ROLES.has(actor.role);
}

type MembershipFact = MembershipInput;

/**
 * Whether a scoped editor may turn `before` into `after`: the firm is in scope before and after,
 * and a chain user leaves the memberships of other chains exactly as they were (primary flag too).
 */
export function canEditEnterprise(
  actor: Actor,
  before: EnterpriseScopeFacts & { memberships: readonly MembershipFact[] },
  after: EnterpriseScopeFacts & { memberships: readonly MembershipFact[] },
): boolean {
  if (canAdminister(actor)) return true;
  if (!EDITING_ROLES.has(actor.role)) return false;
  if (!canViewEnterprise(actor, before) || !canViewEnterprise(actor, after)) return false;
  const scope = enterpriseScopeOf(actor);
  if (scope.all || scope.kind !== 'chain') return true;
  const own = new Set(scope.refs);
  const outside = (list: readonly MembershipFact[]) =>
    list
      .filter((m) => !own.has(m.chainCode))
      .map((m) => `${m.chainCode}:${m.nodeKey}:${m.isPrimary ? 1 : 0}`)
      .sort()
      .join(';');
  return outside(before.memberships) === outside(after.memberships);
}
