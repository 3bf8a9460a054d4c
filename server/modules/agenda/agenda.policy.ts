import { dataScopeOf } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';

/** Who sees a chain's agenda: the admin and 市领导 every chain's; its 链长 and 链办. */
export function canViewAgenda(actor: Actor, chainCode: string): boolean {
  const scope = dataScopeOf(actor);
  if (scope.all) return true;
  return (actor.role === 'chain_chief' || actor.role === 'chain_office') && scope.refs.includes(chainCode);
}

/** Who puts items on the agenda and marks them: the admin, and the chain's own office. */
export function canEditAgenda(actor: Actor, chainCode: string): boolean {
  if (actor.role === 'admin') return true;
  const scope = dataScopeOf(actor);
  return actor.role === 'chain_office' && !scope.all && scope.refs.includes(chainCode);
}
