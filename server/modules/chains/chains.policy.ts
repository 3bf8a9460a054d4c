// Who may see and change chains (产业链) and their maps.
//
// Reading: 链长/链办 see the chains of their scope only; an enterprise account sees the chains it
// has a membership in; everybody else (admin, leader, departments, parks, counties) sees every chain
// (the chain list and maps are the city's published plan). Counts and node statuses cover all firms;
// the firm table of a chain page shows only the firms the caller may see (see chainFirmScopeOf).
//
// Writing: the admin anywhere; 链长/链办 edit their own chains (governance facts, targets, nodes,
// edges) but not the fields that define the city's list (name, industry, years, order); only the
// admin creates and deletes chains. The leader reads only.
import { canAdminister, canWriteInScope, dataScopeOf } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';
import type { Role } from '../../../shared/roles.js';

/** The chains an actor may see: all, a list of codes, or the chains the listed firms belong to. */
export type ChainScope = { kind: 'all' } | { kind: 'chains'; codes: string[] } | { kind: 'members'; usccs: string[] };

export function chainScopeOf(actor: Actor): ChainScope {
  const scope = dataScopeOf(actor);
  if (scope.all) return { kind: 'all' };
  if (scope.kind === 'chain') return { kind: 'chains', codes: scope.refs };
  if (scope.kind === 'enterprise') return { kind: 'members', usccs: scope.refs };
  return { kind: 'all' };
}

/**
 * The firms an actor may see on a chain page, as the enterprise module scopes them: everything for
 * admin, leader, departments and the chain's own 链长/链办; the parks' firms for a park account
 * (refs name a park by id, short name or full name); the regions' firms for a county; itself for a firm.
 */
export type ChainFirmScope = { kind: 'all' } | { kind: 'parks' | 'regions' | 'firms'; refs: string[] };

export function chainFirmScopeOf(actor: Actor): ChainFirmScope {
  const scope = dataScopeOf(actor);
  if (scope.all) return { kind: 'all' };
  switch (scope.kind) {
    case 'park':
      return { kind: 'parks', refs: scope.refs };
    case 'region':
      return { kind: 'regions', refs: scope.refs };
    case 'enterprise':
      return { kind: 'firms', refs: scope.refs };
    default:
      // A chain user only reaches pages of its own chains; departments see every firm.
      return { kind: 'all' };
  }
}

/** Whether the actor may see a chain, knowing which chains the actor's firm belongs to (for enterprise accounts). */
export function canViewChain(actor: Actor, code: string, memberChainCodes: readonly string[] = []): boolean {
  const scope = chainScopeOf(actor);
  if (scope.kind === 'all') return true;
  if (scope.kind === 'chains') return scope.codes.includes(code);
  return memberChainCodes.includes(code);
}

/** Edits of a chain's governance facts, targets, nodes and edges. */
export function canEditChain(actor: Actor, code: string): boolean {
  return canWriteInScope(actor, 'chain', code);
}

/** Creating and deleting chains, and changing name, industry, years and order: the city's list. */
export function canAdministerChains(actor: Actor): boolean {
  return canAdminister(actor);
}

/** Reading a chain's lists (目标企业, 科技成果): the admin and the leader, and the chain's own 链长/链办. */
export function canReadChainLists(actor: Actor, code: string): boolean {
  if (actor.role === 'admin' || actor.role === 'leader') return true;
  return (actor.role === 'chain_chief' || actor.role === 'chain_office') && canWriteInScope(actor, 'chain', code);
}

/** The roles that may write a chain's lists (the routes' policy; the chain itself is checked by canWriteChainLists). */
export const CHAIN_LIST_WRITERS: Role[] = ['admin', 'chain_office'];

/** Writing them (and "转为招商线索"): the admin and the chain's own 链办. */
export function canWriteChainLists(actor: Actor, code: string): boolean {
  if (actor.role === 'admin') return true;
  return actor.role === 'chain_office' && canWriteInScope(actor, 'chain', code);
}
