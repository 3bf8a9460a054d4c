// The compiled server for one benchmark (started, awaited, stopped), a demo user's session cookie,
// and the percentiles the benchmarks report.
import { spawn, type ChildProcess } from 'node:child_process';
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

/** Waits until the server on `port` answers its health check; throws after `timeoutMs`. */
export async function requireHealthy(port: number, timeoutMs: number): Promise<void> {
  if (!(await waitHealthy(port, timeoutMs))) throw new Error('server did not become healthy');
}

/**
 * Starts the compiled server (`npm start`'s node flags, then `nodeArgs`) on `port`, logging warnings
 * only, with `env` over this process's environment. Its standard error shows unless `quiet`.
 */
export function startServer(
  port: number,
  env: Record<string, string>,
  options: { nodeArgs?: string[]; quiet?: boolean } = {},
): ChildProcess {
  return spawn(process.execPath, [...NODE_FLAGS, ...(options.nodeArgs ?? []), 'dist/server/main.mjs'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', options.quiet ? 'ignore' : 'inherit'],
  });
}

/** Stops the server (SIGTERM) and waits until it has exited; nothing when it already has. */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.on('exit', r));
  child.kill('SIGTERM');
  await exited;
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
  const child = startServer(port, { DATA_DIR: dataDir, DATABASE_URL: '', ...env }, { quiet: true });
  try {
    await requireHealthy(port, healthyWithinMs);
    return await fn(`http://127.0.0.1:${port}`);
  } finally {
    await stopServer(child);
  }
}

/** Logs `username` in: the session cookie and the CSRF token of its writes. Throws when the login fails. */
export async function login(base: string, username: string, password: string): Promise<{ cookie: string; csrfToken: string }> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login of ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.getSetCookie().find((c) => c.startsWith('cc_session=')) ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

/** The session cookie of a demo user (password `bench-demo-pass`, as the bench seeds it). */
export async function demoCookie(base: string, username: string): Promise<string> {
  return (await login(base, username, 'bench-demo-pass')).cookie;
}

/** The p-th percentile (nearest rank) of ascending `sorted`; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}
