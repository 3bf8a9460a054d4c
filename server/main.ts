import 'dotenv/config';
import path from 'node:path';
import { buildApp } from './app.js';
import { bootstrap } from './bootstrap.js';
import { loadConfig } from './config.js';
import { freshEmbeddedWorker, openConfiguredDatabase } from './db/open.js';
import { ROOT } from './paths.js';
import { calendarWarning, todayInShanghai } from './lib/calendar.js';
import { sweepTaskDeadlines } from './modules/supervision/supervision.notify.js';
import { sweepTicketDeadlines } from './modules/tickets/tickets.notify.js';
import { loadEnteredCalendar } from './modules/calendar/calendar.service.js';

/** Starts the server: config → database (+ migrations) → first-start setup → HTTP on PORT. */
async function main(): Promise<void> {
  const startedAt = Date.now();
  const config = loadConfig();
  const opened = await openConfiguredDatabase(config);
  const firstStart = await bootstrap(opened.database, config);
  // A first start (seeding) or an upgrade (migrations) leaves the embedded database's memory at its
  // high-water mark: start its worker afresh before serving.
  const heavyStart = opened.migrationsApplied > 0 || firstStart.seed !== null;
  const database = heavyStart ? await freshEmbeddedWorker(opened.database, config) : opened.database;
  const app = await buildApp({ config, database, webDir: path.join(ROOT, 'dist/web') });

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.PORT, host: config.HOST });
  // 督办: deadline warnings and overdue escalation of tickets and supervision tasks, at start and
  // hourly, one after the other on the one connection (each notice is sent once). The calendar's
  // entered years are reloaded first, so a year another instance entered counts within the hour.
  const sweep = () =>
    void (async () => {
      await loadEnteredCalendar(database.db);
      await sweepTicketDeadlines(database.db, todayInShanghai());
      await sweepTaskDeadlines(database.db, todayInShanghai());
    })().catch((err: unknown) => app.log.error({ err }, 'deadline sweep failed'));
  sweep();
  setInterval(sweep, 3_600_000).unref();
  const url = `http://localhost:${config.PORT}`;
  const lines = ['', `链长通 ChainChief 已启动 / is running: ${url}   (${database.kind}, ${Date.now() - startedAt} ms)`];
  if (firstStart.seed?.seeded) lines.push(`${firstStart.seed.message} (${(firstStart.seed.elapsedMs / 1000).toFixed(1)} s)`);
  if (firstStart.adminPassword) {
    lines.push(
      firstStart.adminPassword.generated
        ? `管理员账号 admin 的初始密码 (generated admin password, shown once): ${firstStart.adminPassword.password}`
        : '管理员账号 admin 已创建，密码为 ADMIN_PASSWORD (admin created with ADMIN_PASSWORD)',
    );
  }
  const calendar = calendarWarning();
  if (calendar) lines.push(calendar);
  const demo = firstStart.demoAccounts;
  if (demo && demo.usernames.length > 0) {
    lines.push(
      `示例账号 (demo accounts): ${demo.usernames.join(', ')}`,
      demo.generated
        ? `示例账号密码 (generated demo password, shown once): ${demo.password}`
        : '示例账号密码为 DEMO_PASSWORD (demo accounts use DEMO_PASSWORD)',
    );
  }
  console.log(lines.join('\n') + '\n');
}

main().catch((err: unknown) => {
  console.error(`启动失败 (start failed): ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
