// Who may see and change enterprises.
//
// Reading: admin, leader and 后盾单位 departments see every firm (departments resolve problems of any
// firm); 链长/链办 see firms with a membership in one of their chains; 园区 firms in their parks;
// 县市区 firms registered in their regions; an enterprise account only itself.
//
// Writing: only the admin creates and deletes firms and imports files (the USCC is unique city-wide,
// so a scoped user creating a firm could learn of one outside its scope from the conflict). Edits:
// the admin anywhere; 链长/链办, 园区 and 县市区 users for firms in their scope, as long as the firm
// stays in their scope afterwards. The leader reads only; departments and enterprise accounts do
// not edit master data.
//
// Field-level rules (official designations; see docs/SECURITY.md). A scoped editor may change a
// firm's name, industry code (GB/T 4754) and park; the official facts below only by their owners:
//
// | field                          | who may change it                                         |
// |--------------------------------|-----------------------------------------------------------|
// | 规上年度 aboveScaleYears        | admin only (the statistics bureau's 规上 名录)              |
// | 所属区县 regionCode             | admin only (the registered address of the business licence) |
// | 链主 isChainMaster              | admin only (named by the city's 链长制 office)              |
// | 专精特新 isSpecialized          | admin only (a provincial/national designation)              |
// | 高新技术企业 isHighTech         | admin only (a certificate of the science authorities)       |
// | 上市 isListed                   | admin only (a stock-exchange fact)                          |
// | 产业链环节 memberships          | admin; 链长/链办 inside their own chains only               |
//
// A refused change answers 403 naming every refused field, and nothing is written.
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
 * Whether a scoped editor may turn `before` into `after` as far as scope goes: the firm is in the
 * actor's scope before and after (official fields are checked by refusedEnterpriseFields).
 */
export function canEditEnterprise(actor: Actor, before: EnterpriseScopeFacts, after: EnterpriseScopeFacts): boolean {
  if (canAdminister(actor)) return true;
  if (!EDITING_ROLES.has(actor.role)) return false;
  return canViewEnterprise(actor, before) && canViewEnterprise(actor, after);
}

/** Official facts of a firm that only their owners may change (see the table at the top). */
export const OFFICIAL_ENTERPRISE_FIELDS = [
  'aboveScaleYears',
  'regionCode',
  'isChainMaster',
  'isSpecialized',
  'isHighTech',
  'isListed',
  'memberships',
] as const;
export type OfficialEnterpriseField = (typeof OFFICIAL_ENTERPRISE_FIELDS)[number];

/** The official facts of a firm before or after an edit. */
export type OfficialEnterpriseFacts = {
  regionCode: string;
  aboveScaleYears: readonly number[];
  isChainMaster: boolean;
  isSpecialized: boolean;
  isHighTech: boolean;
  isListed: boolean;
  memberships: readonly MembershipFact[];
};

function membershipKeys(list: readonly MembershipFact[], keep: (chainCode: string) => boolean): string {
  return list
    .filter((m) => keep(m.chainCode))
    .map((m) => `${m.chainCode}:${m.nodeKey}:${m.isPrimary ? 1 : 0}`)
    .sort()
    .join(';');
}

/**
 * The official fields an edit changes that the actor does not own, in the order of
 * OFFICIAL_ENTERPRISE_FIELDS (empty: the edit may go ahead as far as official facts go). The admin
 * owns all of them; 链长/链办 own the memberships of their own chains; nobody else owns any.
 */
export function refusedEnterpriseFields(
  actor: Actor,
  before: OfficialEnterpriseFacts,
  after: OfficialEnterpriseFacts,
): OfficialEnterpriseField[] {
  if (canAdminister(actor)) return [];
  const scope = enterpriseScopeOf(actor);
  const ownChains = new Set(!scope.all && scope.kind === 'chain' ? scope.refs : []);
  const sameYears = [...new Set(before.aboveScaleYears)].sort().join(',') === [...new Set(after.aboveScaleYears)].sort().join(',');
  const outsideOwn = (code: string) => !ownChains.has(code);
  const changed: Record<OfficialEnterpriseField, boolean> = {
    aboveScaleYears: !sameYears,
    regionCode: before.regionCode !== after.regionCode,
    isChainMaster: before.isChainMaster !== after.isChainMaster,
    isSpecialized: before.isSpecialized !== after.isSpecialized,
    isHighTech: before.isHighTech !== after.isHighTech,
    isListed: before.isListed !== after.isListed,
    memberships: membershipKeys(before.memberships, outsideOwn) !== membershipKeys(after.memberships, outsideOwn),
  };
  return OFFICIAL_ENTERPRISE_FIELDS.filter((field) => changed[field]);
}
