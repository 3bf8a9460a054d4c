// `npm test`: every check, in the order that fails fastest. The API suite runs on the embedded
// database, and again on PostgreSQL when TEST_DATABASE_URL is set; browser tests drive the system Chromium.
import { spawnSync } from 'node:child_process';

const steps = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['format (Prettier)', 'npm', ['run', '--silent', 'format:check']],
  ['migrations', 'npm', ['run', '--silent', 'db:check']],
  ['unit + API tests (embedded PGlite)', 'npx', ['vitest', 'run'], { TEST_DATABASE_URL: '' }],
];
if (process.env.TEST_DATABASE_URL) {
  steps.push(['API tests (PostgreSQL)', 'npx', ['vitest', 'run', 'server'], { TEST_DATABASE_URL: process.env.TEST_DATABASE_URL }]);
} else {
  console.log('TEST_DATABASE_URL is not set: the PostgreSQL run of the API suite is skipped (CI sets it).');
}
steps.push(['build (web app and server)', 'npm', ['run', '--silent', 'build']]);
steps.push(['browser tests (Chromium)', 'npm', ['run', '--silent', 'test:e2e']]);

const results = [];
for (const [name, cmd, args, env] of steps) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const childEnv = { ...process.env, TZ: 'UTC', ...(env ?? {}) };
  if (env && env.TEST_DATABASE_URL === '') delete childEnv.TEST_DATABASE_URL;
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: childEnv });
  const ok = r.status === 0;
  results.push([name, ok, Date.now() - started]);
  if (!ok) break;
}
console.log('\n=== summary ===');
for (const [name, ok, ms] of results) console.log(`${ok ? 'ok  ' : 'FAIL'} ${name} (${(ms / 1000).toFixed(1)} s)`);
const failed = results.filter(([, ok]) => !ok).length;
const passed = results.length - failed;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && results.length === steps.length ? 0 : 1);
