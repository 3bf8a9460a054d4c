import type { TicketParty } from '../../../shared/tickets/workflow.js';
import { dataScopeOf, isFirmInScope, type FirmScopeFacts } from '../access/access.policy.js';
import type { Actor } from '../access/actor.js';

/** What the scope and party checks need to know about one ticket. */
export type TicketScopeFacts = FirmScopeFacts & { leadUnit: string | null; coUnits: readonly string[] };

/** The departments named on a ticket (the lead and the 协办 units). */
function unitsOf(ticket: TicketScopeFacts): string[] {
  return ticket.leadUnit === null ? [...ticket.coUnits] : [ticket.leadUnit, ...ticket.coUnits];
}

/**
 * Who sees a ticket: admin and leaders every one; an enterprise its own; a department those
 * assigned to it (lead or 协办); 链长/链办 those of their chains; 园区 and 县市区 those of firms in
 * their parks and counties (the chains, park and region copied onto the ticket when filed).
 */
export function canViewTicket(actor: Actor, ticket: TicketScopeFacts): boolean {
  const scope = dataScopeOf(actor);
  if (scope.all) return true;
  if (scope.kind === 'department') return unitsOf(ticket).some((u) => scope.refs.includes(u));
  return isFirmInScope(actor, ticket);
}

/**
 * The caller's parties on a ticket (see shared/tickets/workflow.ts): the enterprise itself; the
 * chain office of one of its chains, or the admin; the lead unit's and the 协办 units' departments;
 * leaders (市领导, and the 链长 of one of its chains).
 */
export function ticketPartiesOf(actor: Actor, ticket: TicketScopeFacts): TicketParty[] {
  const scope = dataScopeOf(actor);
  const refs = scope.all ? [] : scope.refs;
  const inChain = ticket.chainCodes.some((c) => refs.includes(c));
  switch (actor.role) {
    case 'admin':
      return ['office'];
    case 'leader':
      return ['leader'];
    case 'chain_office':
      return inChain ? ['office'] : [];
    case 'chain_chief':
      return inChain ? ['leader'] : [];
    case 'enterprise':
      return refs.includes(ticket.uscc) ? ['enterprise'] : [];
    case 'department': {
      const parties: TicketParty[] = [];
      if (ticket.leadUnit !== null && refs.includes(ticket.leadUnit)) parties.push('lead_unit');
      if (ticket.coUnits.some((u) => refs.includes(u))) parties.push('co_unit');
      return parties;
    }
    default:
      return [];
  }
}

/**
 * Who may file a problem for a firm: the enterprise for itself; the admin, 链办, 园区 and 县市区
 * staff for a firm in their scope (on its behalf, or after a 走访). Leaders and departments do not
 * file: they instruct and resolve.
 */
export function canFileTicket(actor: Actor, firm: FirmScopeFacts): boolean {
  if (!['admin', 'enterprise', 'chain_office', 'park', 'county'].includes(actor.role)) return false;
  return isFirmInScope(actor, firm);
}
