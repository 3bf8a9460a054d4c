/**
 * Fails when the Drizzle schema and the committed SQL migrations disagree: runs `drizzle-kit
 * generate` into a scratch copy of drizzle/ and checks that it produced nothing new.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-migrations-'));
try {
  fs.cpSync(path.join(root, 'drizzle'), scratch, { recursive: true });
  const before = fs.readdirSync(scratch).sort().join('\n');
  execFileSync(process.execPath, [path.join(root, 'node_modules/drizzle-kit/bin.cjs'), 'generate', '--name', 'check'], {
    cwd: root,
    env: { ...process.env, DRIZZLE_OUT: scratch },
    stdio: 'pipe',
  });
  const after = fs.readdirSync(scratch).sort().join('\n');
  if (before !== after) {
    console.error(
      '迁移与数据库模式不一致 (the schema has changes with no migration): run `npm run db:generate -- --name <what-changed>` and commit drizzle/.',
    );
    process.exit(1);
  }
  console.log('migrations: schema and committed SQL agree');
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
