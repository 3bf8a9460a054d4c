// The compiled server on a data dir for one benchmark, and a demo user's session cookie.
import { spawn } from 'node:child_process';
import path from 'node:path';
import NODE_FLAGS from './node-flags.json' with { type: 'json' };

const root = path.resolve(import.meta.dirname, '..');

export async function waitHealthy(port: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return true;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

/**
 * Runs `fn` against the server started on `dataDir` (extra environment in `env`), then stops it.
 * `healthyWithinMs`: how long its start may take (a first start that seeds the demo takes minutes).
 */
export async function withServer<T>(
  dataDir: string,
  port: number,
  env: Record<string, string>,
  fn: (base: string) => Promise<T>,
  healthyWithinMs = 120_000,
): Promise<T> {
  const child = spawn(process.execPath, [...NODE_FLAGS, 'dist/server/main.mjs'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', DATABASE_URL: '', ...env },
    stdio: 'ignore',
  });
  try {
    if (!(await waitHealthy(port, healthyWithinMs))) throw new Error('server did not become healthy');
    return await fn(`http://127.0.0.1:${port}`);
  } finally {
    const exited = new Promise((r) => child.on('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
}

/** The session cookie of a demo user (password `bench-demo-pass`, as the bench seeds it). */
export async function demoCookie(base: string, username: string): Promise<string> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'bench-demo-pass' }),
  });
  return (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
