import crypto from 'node:crypto';
import type { CreateUserRequest, UserItem } from '../../../shared/contracts/users.js';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { parseRows } from '../../db/sql.js';
import { SYSTEM_ACTOR } from '../../modules/access/actor.js';
import { publishHistoryMonths } from '../../modules/periods/periods.service.js';
import { createUser } from '../../modules/users/users.service.js';

export const TEST_PASSWORD = 'test-password-1';

/** Creates a user through the service (so it is audited like any other); unique username by default. */
export async function buildUser(db: Db, overrides: Partial<CreateUserRequest> = {}): Promise<UserItem> {
  const role = overrides.role ?? 'admin';
  return createUser(db, SYSTEM_ACTOR, {
    username: `u-${crypto.randomBytes(4).toString('hex')}`,
    displayName: '测试用户',
    password: TEST_PASSWORD,
    scopes: [],
    ...overrides,
    role,
  });
}

/**
 * Publishes months as already-published history (no review check; the snapshot's answers are made
 * on first read), as the demo does for its past: tests of other rules read published months.
 */
export async function publishHistory(db: Db, periods: readonly string[]): Promise<void> {
  await publishHistoryMonths(db, SYSTEM_ACTOR, periods);
}

/** The rows of a table, for "nothing was written" checks. */
export async function countRows(db: Db, table: string): Promise<number> {
  const result = await db.execute(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`);
  return parseRows(result, z.object({ n: z.number() }))[0]?.n ?? -1;
}
