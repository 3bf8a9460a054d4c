import type { AppConfig } from './config.js';
import type { Database } from './db/client.js';
import { SYSTEM_ACTOR } from './modules/access/actor.js';
import { createDemoAccounts, type DemoAccountsReport } from './modules/demo/demo-accounts.js';
import { hasChainMasterData, seedDemo, seedReferenceData, type SeedReport } from './modules/demo/seed.js';
import { ensureExampleSchemes } from './modules/assessment/assessment.examples.js';
import { ensureAdmin } from './modules/users/users.service.js';

export type BootstrapReport = {
  adminPassword: { password: string; generated: boolean } | null;
  seed: SeedReport | null;
  demoAccounts: DemoAccountsReport | null;
};

/**
 * First-start work on an empty database: the admin account, then the master data. With
 * SEED_DEMO (the default) the deterministic Hengyang demo dataset and one demo account per role;
 * with SEED_DEMO=false the reference master data only (regions, parks, industries, chains, nodes).
 * A database that already has chains is never seeded again.
 */
export async function bootstrap(database: Database, config: AppConfig): Promise<BootstrapReport> {
  const adminPassword = await ensureAdmin(database.db, SYSTEM_ACTOR, config.ADMIN_PASSWORD);
  // The example assessment schemes, on every database that has none yet (an upgraded one included).
  await ensureExampleSchemes(database.db);
  if (await hasChainMasterData(database.db)) return { adminPassword, seed: null, demoAccounts: null };
  if (!config.SEED_DEMO) return { adminPassword, seed: await seedReferenceData(database.db), demoAccounts: null };
  const seed = await seedDemo(database.db);
  const demoAccounts = seed.seeded ? await createDemoAccounts(database.db, SYSTEM_ACTOR, config.DEMO_PASSWORD) : null;
  return { adminPassword, seed, demoAccounts };
}
