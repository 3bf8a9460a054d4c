import { SYSTEM_ACTOR } from '../../modules/access/actor.js';
import { createDemoAccounts } from '../../modules/demo/demo-accounts.js';
import { seedDemo } from '../../modules/demo/seed.js';
import { defineCommand } from '../command.js';

export const seedDemoCommand = defineCommand({
  name: 'seed-demo',
  usage: 'seed-demo',
  summary: '写入衡阳示例数据和示例账号；已有企业时不写入 (write the Hengyang demo data and demo accounts; refuses when enterprises exist)',
  run: async ({ io, config, database }) => {
    await database(
      async ({ db }) => {
        const report = await seedDemo(db);
        io.out(report.seeded ? `${report.message} (${(report.elapsedMs / 1000).toFixed(1)} s)` : report.message);
        if (!report.seeded) return;
        const accounts = await createDemoAccounts(db, SYSTEM_ACTOR, config().DEMO_PASSWORD);
        if (accounts.usernames.length === 0) return;
        io.out(`示例账号 (demo accounts): ${accounts.usernames.join(', ')}`);
        io.out(
          accounts.generated
            ? `示例账号密码 (generated demo password, shown once): ${accounts.password}`
            : '示例账号密码为 DEMO_PASSWORD (demo accounts use DEMO_PASSWORD)',
        );
      },
      { announce: true },
    );
  },
});
