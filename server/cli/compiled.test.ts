import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../paths.js';

// `npm run cli` runs the compiled CLI (scripts/cli.mjs builds dist/server when stale, then runs it):
// the bundle must find what lies beside the sources (migrations, the PGlite worker, package.json).
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-cli-compiled-'));
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

function npmRunCli(args: string[]) {
  const run = spawnSync(process.execPath, ['scripts/cli.mjs', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: path.join(temp, 'data'), DATABASE_URL: '' },
    encoding: 'utf8',
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the compiled CLI (npm run cli)', () => {
  it('migrates a new embedded database with every committed migration, then has nothing to apply', () => {
    const migrations = fs.readdirSync(path.join(ROOT, 'drizzle')).filter((f) => f.endsWith('.sql'));
    const first = npmRunCli(['migrate']);
    expect(first.stderr).not.toMatch(/error|错误/i);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`共应用 ${migrations.length} 个迁移 (${migrations.length} applied)`);
    expect(fs.existsSync(path.join(ROOT, 'dist/server/cli.mjs'))).toBe(true);

    const again = npmRunCli(['migrate']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('无需迁移，数据库已是最新');
  });

  it('answers a wrong command with exit code 2 and the usage', () => {
    const run = npmRunCli(['no-such-command']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('未知命令 no-such-command');
    expect(run.stderr).toContain('import-monthly <file>');
  });
});

describe('the heap settings', () => {
  it('are passed by npm start (scripts/build.mjs reads them), npm run cli and bench:import alike', () => {
    const flags = JSON.parse(fs.readFileSync(path.join(ROOT, 'scripts/node-flags.json'), 'utf8')) as string[];
    const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(flags).toContain('--max-semi-space-size=4');
    expect(scripts.cli).toBe(`node ${flags.join(' ')} scripts/cli.mjs`);
    expect(scripts['bench:import']).toBe(`node ${flags.join(' ')} --import tsx scripts/bench-import.ts`);
    expect(fs.readFileSync(path.join(ROOT, 'scripts/build.mjs'), 'utf8')).toContain("'scripts/node-flags.json'");
  });
});
