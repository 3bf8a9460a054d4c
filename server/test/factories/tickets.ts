// Factories of the ticket tests (tickets, attachments of a ticket): the two firms every such test
// files for, and the users who are, or are not, parties to their problems.
import type { CreateEnterpriseRequest } from '../../../shared/contracts/enterprises.js';
import type { Db } from '../../db/client.js';
import type { TestUserSpec } from '../app.js';
import { buildEnterprise } from './enterprises.js';

export type TicketFirms = { firm: string; otherFirm: string };

/**
 * Two firms by USCC: `firm` on chain CH02 in 衡阳县 (430421, the enterprise factory's default, `overrides`
 * added) and `otherFirm` on CH05 in 耒阳市 (430482), outside every CH02 and 衡阳县 scope.
 */
export async function buildTicketFirms(db: Db, overrides: Partial<CreateEnterpriseRequest> = {}): Promise<TicketFirms> {
  const firm = (await buildEnterprise(db, overrides)).uscc;
  const other = await buildEnterprise(db, { regionCode: '430482', memberships: [{ chainCode: 'CH05', nodeKey: 'pipe', isPrimary: true }] });
  return { firm, otherFirm: other.uscc };
}

/**
 * The users of `useTestApp` every ticket test has: each firm's own account (`firms()` answers the firms
 * once `data` has built them) and the CH02 chain office (链办), which receives the first firm's problems.
 */
export function ticketPartyUsers(firms: () => TicketFirms): Record<'firm' | 'otherFirm' | 'office', TestUserSpec> {
  return {
    firm: () => ({ role: 'enterprise', scopes: [{ kind: 'enterprise', ref: firms().firm }] }),
    otherFirm: () => ({ role: 'enterprise', scopes: [{ kind: 'enterprise', ref: firms().otherFirm }] }),
    office: { role: 'chain_office', scopes: [{ kind: 'chain', ref: 'CH02' }] },
  };
}
