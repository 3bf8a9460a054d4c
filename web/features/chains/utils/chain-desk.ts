import type { Role } from '../../../../shared/roles';

/** The roles that work on a chain's desk: its 招商目标 and 科技成果 lists, the 五单 and the 议题 (the server's readers of those). */
const CHAIN_DESK_ROLES: readonly Role[] = ['admin', 'leader', 'chain_chief', 'chain_office'];

/** Whether a user of `role` reads a chain's lists and agenda; the page shows them to no one else (the server refuses the others). */
export function readsChainDesk(role: Role | undefined): boolean {
  return role !== undefined && CHAIN_DESK_ROLES.includes(role);
}
