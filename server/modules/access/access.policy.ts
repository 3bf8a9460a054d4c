import { ROLE_SCOPE_KIND, type Role, type ScopeKind } from '../../../shared/roles.js';
import { AppError } from '../../lib/errors.js';
import type { Actor } from './actor.js';

/**
 * A user's data scope. `all` for admin and leader; otherwise the set of codes of the one kind the
 * role is limited by (chains for 链长/链办, parks for 园区, regions for 县市区, its own USCC for 企业,
 * its department for 后盾单位). Query functions take a DataScope and filter by it in SQL.
 */
export type DataScope = { all: true } | { all: false; kind: ScopeKind; refs: string[] };

export function dataScopeOf(actor: Actor): DataScope {
  const kind = ROLE_SCOPE_KIND[actor.role];
  if (kind === null) return { all: true };
  return { all: false, kind, refs: actor.scopes.filter((s) => s.kind === kind).map((s) => s.ref) };
}

/** True when the actor may read everything in the city (admin, leader). */
export function canReadAll(actor: Actor): boolean {
  return dataScopeOf(actor).all;
}

/** Only administrators manage users, settings and master data of the whole city. */
export function canAdminister(actor: Actor): boolean {
  return actor.role === 'admin';
}

/** Whether `ref` (a chain, park, region, enterprise or department code) is inside the actor's scope. */
export function isInScope(actor: Actor, kind: ScopeKind, ref: string): boolean {
  const scope = dataScopeOf(actor);
  if (scope.all) return true;
  return scope.kind === kind && scope.refs.includes(ref);
}

/** Whether the actor may change data of `ref`: admins anywhere; the leader reads only; scoped roles inside their scope. */
export function canWriteInScope(actor: Actor, kind: ScopeKind, ref: string): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role === 'leader') return false;
  return isInScope(actor, kind, ref);
}

/** What a scope check needs to know about one enterprise. */
export type FirmScopeFacts = {
  uscc: string;
  regionCode: string;
  /** The park's id, short name and full name (null when outside every park). */
  park: { id: number; shortName: string; name: string } | null;
  chainCodes: readonly string[];
};

/**
 * Whether a firm is in the actor's data scope: admin, leader and 后盾单位 departments every firm
 * (departments resolve problems of any firm); 链长/链办 firms with a membership in one of their
 * chains; 园区 firms in their parks (a park ref is its id as text, its short or its full name, so
 * accounts made any of the three ways work); 县市区 firms registered in their regions; an
 * enterprise account only itself.
 */
export function isFirmInScope(actor: Actor, firm: FirmScopeFacts): boolean {
  const scope = dataScopeOf(actor);
  if (scope.all || scope.kind === 'department') return true;
  const refs = new Set(scope.refs);
  switch (scope.kind) {
    case 'chain':
      return firm.chainCodes.some((code) => refs.has(code));
    case 'park':
      return firm.park !== null && (refs.has(String(firm.park.id)) || refs.has(firm.park.shortName) || refs.has(firm.park.name));
    case 'region':
      return refs.has(firm.regionCode);
    case 'enterprise':
      return refs.has(firm.uscc);
  }
}

/** Throws `forbidden` unless the check passed; services call it first thing. */
export function requireAccess(allowed: boolean): void {
  if (!allowed) throw new AppError('forbidden');
}

export function requireRole(actor: Actor, roles: readonly Role[]): void {
  requireAccess(roles.includes(actor.role));
}
