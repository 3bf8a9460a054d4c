import crypto from 'node:crypto';
import type { CreateUserRequest } from '../../../shared/contracts/users.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../access/actor.js';
import { createUser, isUsernameTaken } from '../users/users.service.js';
import { selectDemoScopeTargets } from './demo-accounts.queries.js';

/** The chain, park and county the demo accounts are scoped to (issue 3's contract). */
export const DEMO_CHAIN = 'CH02';
export const DEMO_PARK_SHORT_NAME = '衡阳高新区';
export const DEMO_COUNTY = '430421';

export type DemoAccountsReport = { password: string; generated: boolean; usernames: string[] };

/**
 * One demo account per role, scoped as the demo contract says: demo-leader (all), demo-chief and
 * demo-office (CH02), demo-reviewer (a 市统计局 leader account with 统计审核员, who publishes months), demo-dept (a CH02 supporting department), demo-park (衡阳高新区, by park id),
 * demo-county (衡阳县 430421) and demo-enterprise (a CH02 firm, its chain master). Existing
 * accounts are left alone. The password is DEMO_PASSWORD or a generated one returned for printing once.
 */
export async function createDemoAccounts(db: Db, actor: Actor, password: string | undefined): Promise<DemoAccountsReport> {
  const targets = await selectDemoScopeTargets(db, { parkShortName: DEMO_PARK_SHORT_NAME, chainCode: DEMO_CHAIN });
  const finalPassword = password ?? crypto.randomBytes(9).toString('base64url');
  const accounts: (Omit<CreateUserRequest, 'password' | 'statsReviewer'> & { statsReviewer?: boolean })[] = [
    { username: 'demo-leader', displayName: '示例市领导', role: 'leader', scopes: [] },
    { username: 'demo-reviewer', displayName: '示例市统计局审核员', role: 'leader', scopes: [], statsReviewer: true },
    { username: 'demo-chief', displayName: '示例链长（输变电）', role: 'chain_chief', scopes: [{ kind: 'chain', ref: DEMO_CHAIN }] },
    { username: 'demo-office', displayName: '示例链办（输变电）', role: 'chain_office', scopes: [{ kind: 'chain', ref: DEMO_CHAIN }] },
  ];
  if (targets.department) {
    accounts.push({
      username: 'demo-dept',
      displayName: `示例${targets.department}`,
      role: 'department',
      scopes: [{ kind: 'department', ref: targets.department }],
    });
  }
  if (targets.parkId !== null) {
    accounts.push({
      username: 'demo-park',
      displayName: '示例衡阳高新区管委会',
      role: 'park',
      scopes: [{ kind: 'park', ref: String(targets.parkId) }],
    });
  }
  accounts.push({ username: 'demo-county', displayName: '示例衡阳县', role: 'county', scopes: [{ kind: 'region', ref: DEMO_COUNTY }] });
  if (targets.enterpriseUscc) {
    accounts.push({
      username: 'demo-enterprise',
      displayName: targets.enterpriseName ?? '示例企业',
      role: 'enterprise',
      scopes: [{ kind: 'enterprise', ref: targets.enterpriseUscc }],
    });
  }
  const created: string[] = [];
  for (const account of accounts) {
    if (await isUsernameTaken(db, actor, account.username)) continue;
    await createUser(db, actor, { ...account, password: finalPassword });
    created.push(account.username);
  }
  return { password: finalPassword, generated: password === undefined, usernames: created };
}
