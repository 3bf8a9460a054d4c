import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const tmpDirs: string[] = [];

type Run = { code: number | null; stdout: string; stderr: string };

/** Runs the real server entry point and collects its output until it exits (or `until` matches). */
function runServer(env: Record<string, string>, until?: RegExp): Promise<Run & { kill: () => Promise<Run> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', SEED_DEMO: 'false', DATABASE_URL: '', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<Run>((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
  const kill = async () => {
    child.kill('SIGTERM');
    return exited;
  };
  return new Promise((resolve) => {
    const check = () => {
      if (until && until.test(stdout)) resolve({ code: null, stdout, stderr, kill });
    };
    child.stdout.on('data', check);
    void exited.then((r) => resolve({ ...r, kill }));
  });
}

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-main-'));
  tmpDirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('server process', () => {
  it('exits with one readable line when DATABASE_URL is invalid', async () => {
    const r = await runServer({ DATABASE_URL: 'mysql://localhost/x' });
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('DATABASE_URL: must start with postgres://');
  });

  it('exits with one readable line when the database is unreachable', async () => {
    const r = await runServer({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/无法连接数据库 \(cannot connect to the database\).*ECONNREFUSED/);
  });

  it('prints the generated admin password once, and a second server on the same DATA_DIR refuses', async () => {
    const dataDir = tempDir();
    const first = await runServer({ DATA_DIR: dataDir, PORT: '3291', ADMIN_PASSWORD: '' }, /已启动/);
    expect(first.stdout).toMatch(/generated admin password, shown once\): \S{12,}/);
    const second = await runServer({ DATA_DIR: dataDir, PORT: '3292' });
    expect(second.code).toBe(1);
    expect(second.stderr.trim().split('\n')).toHaveLength(1);
    expect(second.stderr).toContain(`正被进程`);
    const res = await fetch('http://127.0.0.1:3291/api/health');
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'pglite' });
    const done = await first.kill();
    expect(done.code).toBe(0);
    // A restart on the existing directory does not create the admin again (the calendar's warning may name the admin page).
    const again = await runServer({ DATA_DIR: dataDir, PORT: '3293' }, /已启动/);
    expect(again.stdout).not.toMatch(/管理员账号 admin|admin password|ADMIN_PASSWORD/);
    await again.kill();
  });
});
