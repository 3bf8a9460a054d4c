// Two app instances behind nginx on one PostgreSQL primary with a streaming replica
// (docs/SCALING.md, "Several instances"). `npm run test:scale` (as root: it runs PostgreSQL as the `postgres`
// user and may install nginx from Debian). Everything runs in a temporary folder and on ports of its
// own (SCALE_BASE_PORT, default 3740: nginx, app A, app B, primary, replica), and is stopped at the end:
//
//  1. its own PostgreSQL 15 primary (initdb, wal_level=replica) and a fresh database on it;
//  2. a streaming replica made with pg_basebackup -R on another port;
//  3. nginx (round robin over the two instances; its own config, no daemon, no port 80);
//  4. the compiled app twice (`npm run build` first; SCALE_SKIP_BUILD=1 skips it) against the primary,
//     DATABASE_READ_URL on the replica; instance A runs no job workers, B does;
// then shows: a login on A works on B (sessions in the database); an import through nginx runs as a
// job (run by B) and is visible from both; a publication likewise; a plain 市领导's statistic, read on
// the replica, shows the publication once the replica has replayed it (the time measured).
// Prints PASS/FAIL per step and exits non-zero on any failure.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeUscc } from '../../shared/uscc.js';
import { ENTERPRISE_DEFAULTS } from '../../server/test/factories/enterprises.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PGBIN = process.env.PGBIN ?? '/usr/lib/postgresql/15/bin';
const BASE = Number(process.env.SCALE_BASE_PORT ?? 3740);
const PORTS = { nginx: BASE, a: BASE + 1, b: BASE + 2, primary: BASE + 3, replica: BASE + 4 };
const DB_NAME = 'i16jobs_scale';
const ADMIN_PASSWORD = 'Scale-test-admin-1';
const LEADER_PASSWORD = 'Scale-test-leader-1';
const WAIT_MS = 120_000;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chainchief-scale-'));
const children: { name: string; child: ChildProcess }[] = [];
const started = { primary: false, replica: false };
let failures = 0;

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}
function pass(step: string, detail = ''): void {
  log(`PASS  ${step}${detail ? `  (${detail})` : ''}`);
}
function fail(step: string, detail: string): void {
  failures += 1;
  log(`FAIL  ${step}  (${detail})`);
}

/** Runs a command to its end; as `postgres` when `asPostgres` (PostgreSQL refuses to run as root). */
function run(cmd: string, args: string[], options: { asPostgres?: boolean; quiet?: boolean } = {}): string {
  const [file, argv] = options.asPostgres && process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  const result = spawnSync(file, argv, { encoding: 'utf8', cwd: tmp });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`);
  if (!options.quiet && result.stderr.trim()) log(`      ${result.stderr.trim().split('\n').join('\n      ')}`);
  return result.stdout;
}

function stopAll(): void {
  for (const { child } of children.reverse()) {
    if (child.exitCode === null && child.pid) child.kill('SIGTERM');
  }
  for (const name of ['replica', 'primary'] as const) {
    if (!started[name]) continue;
    spawnSync(process.getuid?.() === 0 ? 'runuser' : `${PGBIN}/pg_ctl`, [
      ...(process.getuid?.() === 0 ? ['-u', 'postgres', '--', `${PGBIN}/pg_ctl`] : []),
      '-D',
      path.join(tmp, name),
      '-m',
      'fast',
      '-w',
      'stop',
    ]);
    started[name] = false;
  }
}

async function waitFor<T>(what: string, probe: () => Promise<T | null>, limitMs = WAIT_MS): Promise<T> {
  const until = Date.now() + limitMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

type Session = { cookie: string; csrf: string };

async function api<T = unknown>(
  port: number,
  method: string,
  url: string,
  session?: Session,
  body?: unknown,
): Promise<{ status: number; body: T; headers: Headers }> {
  const headers: Record<string, string> = {};
  if (session) {
    headers.cookie = session.cookie;
    headers['x-csrf-token'] = session.csrf;
  }
  let payload: FormData | string | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(`http://127.0.0.1:${port}${url}`, { method, headers, body: payload });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  // The caller names the answer's shape; the checks below read what they need of it.
  return { status: res.status, body: parsed as T, headers: res.headers };
}

async function login(port: number, username: string, password: string): Promise<Session> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login as ${username} on ${port}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.getSetCookie().find((c) => c.startsWith('cc_session=')) ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

type Job = {
  id: string;
  status: string;
  progress: number;
  message: string;
  runner: string | null;
  result: { status: number; body: unknown } | null;
  error: { message: string } | null;
};

async function jobEnded(port: number, session: Session, id: string): Promise<{ job: Job; seen: string[] }> {
  const seen: string[] = [];
  const job = await waitFor(`job ${id}`, async () => {
    const res = await api<Job>(port, 'GET', `/api/jobs/${id}`, session);
    if (res.status !== 200) throw new Error(`GET /api/jobs/${id}: ${res.status}`);
    const line = `${res.body.status} ${res.body.progress}% ${res.body.message}`;
    if (seen.at(-1) !== line) seen.push(line);
    return res.body.status === 'succeeded' || res.body.status === 'failed' ? res.body : null;
  });
  return { job, seen };
}

function startApp(name: 'a' | 'b', workers: boolean): ChildProcess {
  const out = fs.openSync(path.join(tmp, `app-${name}.log`), 'a');
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/server/main.mjs')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(PORTS[name]),
      HOST: '127.0.0.1',
      DATA_DIR: path.join(tmp, `data-${name}`),
      DATABASE_URL: `postgres://postgres@127.0.0.1:${PORTS.primary}/${DB_NAME}`,
      DATABASE_READ_URL: `postgres://postgres@127.0.0.1:${PORTS.replica}/${DB_NAME}`,
      JOB_WORKERS: String(workers),
      SEED_DEMO: 'false',
      ADMIN_PASSWORD,
      COOKIE_SECURE: 'false',
      LOG_LEVEL: 'warn',
      LOGIN_RATE_LIMIT: '1000',
    },
    stdio: ['ignore', out, out],
  });
  children.push({ name: `app ${name}`, child });
  return child;
}

async function health(port: number): Promise<{ status: string; replica?: { lagSeconds: number | null } } | null> {
  const res = await api<{ status: string; replica?: { lagSeconds: number | null } }>(port, 'GET', '/api/health');
  return res.status === 200 ? res.body : null;
}

function nginxConfig(): string {
  for (const dir of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) fs.mkdirSync(path.join(tmp, `nginx-${dir}`), { mode: 0o777 });
  const file = path.join(tmp, 'nginx.conf');
  fs.writeFileSync(
    file,
    `worker_processes 1;
pid ${tmp}/nginx.pid;
error_log ${tmp}/nginx-error.log warn;
events { worker_connections 256; }
http {
  log_format upstream '$upstream_addr $request_method $uri $status';
  access_log ${tmp}/nginx-access.log upstream;
  client_body_temp_path ${tmp}/nginx-body;
  proxy_temp_path ${tmp}/nginx-proxy;
  fastcgi_temp_path ${tmp}/nginx-fastcgi;
  uwsgi_temp_path ${tmp}/nginx-uwsgi;
  scgi_temp_path ${tmp}/nginx-scgi;
  # Round robin over the two instances: nothing is kept in an instance (sessions and jobs are in the database).
  upstream chainchief { server 127.0.0.1:${PORTS.a}; server 127.0.0.1:${PORTS.b}; }
  server {
    listen 127.0.0.1:${PORTS.nginx};
    client_max_body_size 25m;
    location / {
      proxy_pass http://chainchief;
      proxy_set_header Host $host:$server_port;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    }
  }
}
`,
  );
  return file;
}

async function main(): Promise<void> {
  log(
    `Scale test in ${tmp}: nginx :${PORTS.nginx}, app A :${PORTS.a} (no job workers), app B :${PORTS.b} (job workers), primary :${PORTS.primary}, replica :${PORTS.replica}`,
  );
  if (process.env.SCALE_SKIP_BUILD !== '1') {
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`npm run build failed: ${build.stderr}`);
    pass('build', 'npm run build');
  }
  if (process.getuid?.() === 0)
    fs.chownSync(tmp, Number(run('id', ['-u', 'postgres']).trim()), Number(run('id', ['-g', 'postgres']).trim()));

  // 1. The primary: a cluster of its own, so the shared server's settings are never touched.
  const primaryDir = path.join(tmp, 'primary');
  run(`${PGBIN}/initdb`, ['-D', primaryDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8'], {
    asPostgres: true,
    quiet: true,
  });
  fs.appendFileSync(
    path.join(primaryDir, 'postgresql.conf'),
    `\nport = ${PORTS.primary}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${tmp}'\nwal_level = replica\nmax_wal_senders = 4\nhot_standby = on\nmax_connections = 60\nshared_buffers = 64MB\n`,
  );
  run(`${PGBIN}/pg_ctl`, ['-D', primaryDir, '-l', path.join(tmp, 'primary.log'), '-w', 'start'], { asPostgres: true, quiet: true });
  started.primary = true;
  run(
    `${PGBIN}/psql`,
    [
      '-h',
      '127.0.0.1',
      '-p',
      String(PORTS.primary),
      '-U',
      'postgres',
      '-c',
      `CREATE DATABASE ${DB_NAME} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
    ],
    { quiet: true },
  );
  pass('primary', `PostgreSQL 15 initdb on :${PORTS.primary}, fresh database ${DB_NAME}`);

  // 2. The replica: a base backup streaming from the primary (-R writes standby.signal and primary_conninfo).
  const replicaDir = path.join(tmp, 'replica');
  run(
    `${PGBIN}/pg_basebackup`,
    ['-h', '127.0.0.1', '-p', String(PORTS.primary), '-U', 'postgres', '-D', replicaDir, '-R', '-X', 'stream', '-c', 'fast'],
    { asPostgres: true, quiet: true },
  );
  fs.appendFileSync(path.join(replicaDir, 'postgresql.auto.conf'), `port = ${PORTS.replica}\n`);
  run(`${PGBIN}/pg_ctl`, ['-D', replicaDir, '-l', path.join(tmp, 'replica.log'), '-w', 'start'], { asPostgres: true, quiet: true });
  started.replica = true;
  const recovery = run(
    `${PGBIN}/psql`,
    ['-h', '127.0.0.1', '-p', String(PORTS.replica), '-U', 'postgres', '-d', DB_NAME, '-Atc', 'select pg_is_in_recovery()'],
    { quiet: true },
  ).trim();
  const streaming = await waitFor('the replica to stream', async () => {
    const out = run(
      `${PGBIN}/psql`,
      ['-h', '127.0.0.1', '-p', String(PORTS.primary), '-U', 'postgres', '-Atc', 'select state from pg_stat_replication'],
      { quiet: true },
    ).trim();
    return out === 'streaming' ? out : null;
  });
  if (recovery === 't' && streaming === 'streaming') pass('replica', `pg_basebackup -R on :${PORTS.replica}, in recovery, ${streaming}`);
  else fail('replica', `in recovery: ${recovery}, state: ${streaming}`);

  // 3. nginx from Debian when missing (not started as a service: policy-rc.d keeps it off port 80).
  if (spawnSync('sh', ['-c', 'command -v nginx']).status !== 0) {
    const policy = '/usr/sbin/policy-rc.d';
    const hadPolicy = fs.existsSync(policy);
    if (!hadPolicy) fs.writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
    try {
      run('apt-get', ['update', '-qq'], { quiet: true });
      run('apt-get', ['install', '-y', '-qq', 'nginx'], { quiet: true });
    } finally {
      if (!hadPolicy) fs.rmSync(policy);
    }
  }
  const nginx = spawn('nginx', ['-c', nginxConfig(), '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  children.push({ name: 'nginx', child: nginx });

  // 4. Two instances: A migrates and seeds the reference data first, then B.
  const a = startApp('a', false);
  await waitFor('app A', () => health(PORTS.a));
  const b = startApp('b', true);
  await waitFor('app B', () => health(PORTS.b));
  await waitFor('nginx', () => health(PORTS.nginx));
  pass('instances', `app A pid ${a.pid}, app B pid ${b.pid}, nginx pid ${nginx.pid} round robin`);

  // Login on A, the session used on B and through nginx.
  const onA = await login(PORTS.a, 'admin', ADMIN_PASSWORD);
  const meOnB = await api<{ user: { username: string } }>(PORTS.b, 'GET', '/api/auth/me', onA);
  const throughNginx = await Promise.all([1, 2, 3, 4].map(() => api(PORTS.nginx, 'GET', '/api/auth/me', onA)));
  if (meOnB.status === 200 && meOnB.body.user.username === 'admin' && throughNginx.every((r) => r.status === 200))
    pass('login across instances', 'logged in on A; /api/auth/me on B and 4× through nginx answer 200 as admin');
  else fail('login across instances', `B: ${meOnB.status}, nginx: ${throughNginx.map((r) => r.status).join(',')}`);

  // A firm, then its figures imported through nginx as a job.
  const uscc = makeUscc(`91430421${String(Date.now()).slice(-8)}`);
  // A firm like the tests' factory-made one (衡阳县, CH02 xfmr primary, 规上 2024).
  const firm = await api(PORTS.nginx, 'POST', '/api/enterprises', onA, { uscc, name: '扩展测试变压器有限公司', ...ENTERPRISE_DEFAULTS });
  if (firm.status !== 201 && firm.status !== 200) throw new Error(`creating the firm: ${firm.status} ${JSON.stringify(firm.body)}`);
  const months = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'];
  const csv = [
    '统一社会信用代码,企业名称,期别,"工业总产值(当月,元)"',
    ...months.map((m, i) => `${uscc},扩展测试变压器有限公司,${m},${1_000_000 + i * 10_000}`),
  ].join('\r\n');
  const form = new FormData();
  form.set('file', new Blob([csv], { type: 'text/csv' }), 'scale.csv');
  const startImport = await api<Job>(PORTS.nginx, 'POST', '/api/figures/import?job=true&acceptWarnings=true', onA, form);
  if (startImport.status !== 202) throw new Error(`import: ${startImport.status} ${JSON.stringify(startImport.body)}`);
  const imported = await jobEnded(PORTS.nginx, onA, startImport.body.id);
  const bPid = `:${b.pid}:`;
  const visible = await Promise.all(
    [PORTS.a, PORTS.b].map((port) => api<{ items: unknown[] }>(port, 'GET', `/api/figures/${uscc}?year=2024`, onA)),
  );
  const counts = visible.map((r) => (Array.isArray(r.body.items) ? r.body.items.length : -1));
  if (imported.job.status === 'succeeded' && imported.job.runner?.includes(bPid) && counts.every((n) => n === months.length))
    pass(
      'import as a job',
      `202 through nginx, run by instance B (${imported.job.runner}); progress seen: ${imported.seen.join(' → ')}; months on A/B: ${counts.join('/')}`,
    );
  else fail('import as a job', `${JSON.stringify(imported.job).slice(0, 300)}; A/B: ${visible.map((r) => r.status).join('/')}`);

  // A plain 市领导 (reads published statistics on the replica): nothing published yet.
  const leader = await api(PORTS.nginx, 'POST', '/api/users', onA, {
    username: 'scale-leader',
    displayName: '扩展测试市领导',
    role: 'leader',
    password: LEADER_PASSWORD,
    scopes: [],
  });
  if (leader.status !== 201 && leader.status !== 200)
    throw new Error(`creating the leader: ${leader.status} ${JSON.stringify(leader.body)}`);
  const leaderSession = await login(PORTS.nginx, 'scale-leader', LEADER_PASSWORD);
  type Chains = { period: string; total: { output: number } };
  const before = await api<Chains>(PORTS.nginx, 'GET', '/api/monitoring/chains?range=month', leaderSession);

  // Publication of June as a job through nginx.
  const review = await api(PORTS.nginx, 'POST', '/api/periods/2024-06/review', onA);
  if (review.status !== 200) throw new Error(`review: ${review.status} ${JSON.stringify(review.body)}`);
  const startPublish = await api<Job>(PORTS.nginx, 'POST', '/api/jobs/publish/2024-06', onA);
  if (startPublish.status !== 202) throw new Error(`publish: ${startPublish.status} ${JSON.stringify(startPublish.body)}`);
  const published = await jobEnded(PORTS.nginx, onA, startPublish.body.id);
  const publishedAt = Date.now();
  const statuses = await Promise.all(
    [PORTS.a, PORTS.b].map(async (port) => {
      const res = await api<{ items: { period: string; status: string }[] }>(port, 'GET', '/api/periods?year=2024', onA);
      return res.body.items?.find((i) => i.period === '2024-06')?.status;
    }),
  );
  if (published.job.status === 'succeeded' && published.job.runner?.includes(bPid) && statuses.every((s) => s === 'published'))
    pass('publication as a job', `run by instance B; June on A/B: ${statuses.join('/')}`);
  else fail('publication as a job', `${JSON.stringify(published.job).slice(0, 300)}; A/B: ${statuses.join('/')}`);

  // The leader's statistic, read on the replica, once it has replayed the publication.
  const expected = 1_050_000;
  const after = await waitFor('the statistic on the replica', async () => {
    const res = await api<Chains>(PORTS.nginx, 'GET', '/api/monitoring/chains?range=month', leaderSession);
    return res.status === 200 && res.body.period === '2024-06' && res.body.total.output === expected ? res.body : null;
  });
  const visibleAfterMs = Date.now() - publishedAt;
  const lag = await health(PORTS.nginx);
  if (before.body.period !== '2024-06' && after.total.output === expected)
    pass(
      'statistic via the replica',
      `before publication ${before.body.period} output ${before.body.total?.output}; after: 2024-06 output ${after.total.output} 元, seen ${visibleAfterMs} ms after the job ended; /api/health replica lag ${lag?.replica?.lagSeconds} s`,
    );
  else
    fail('statistic via the replica', `before ${JSON.stringify(before.body).slice(0, 200)}, after ${JSON.stringify(after).slice(0, 200)}`);

  // Which instance answered: nginx's access log names the upstream of every request.
  const perUpstream = new Map<string, number>();
  for (const line of fs.readFileSync(path.join(tmp, 'nginx-access.log'), 'utf8').split('\n')) {
    const upstream = line.split(' ')[0];
    if (upstream) perUpstream.set(upstream, (perUpstream.get(upstream) ?? 0) + 1);
  }
  const shares = [...perUpstream].map(([u, n]) => `${u}: ${n}`).join(', ');
  if (perUpstream.has(`127.0.0.1:${PORTS.a}`) && perUpstream.has(`127.0.0.1:${PORTS.b}`))
    pass('round robin', `requests through nginx per instance: ${shares}`);
  else fail('round robin', shares || 'no requests logged');
}

process.on('SIGINT', () => {
  stopAll();
  process.exit(130);
});
process.on('SIGTERM', () => {
  stopAll();
  process.exit(143);
});

main()
  .catch((err: unknown) => fail('run', err instanceof Error ? err.message : String(err)))
  .finally(() => {
    stopAll();
    if (failures > 0) log(`Logs kept in ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
    log(failures === 0 ? 'ALL PASS' : `${failures} step(s) FAILED`);
    process.exitCode = failures === 0 ? 0 : 1;
  });
