/**
 * `npm run bench:load` (or `npm run bench -- load`): the bounded load test of issue 9 — 200 logged-in
 * sessions, no think time, a mix of the main reads (the read endpoints of issue 16) and hand-entry /
 * enterprise-edit writes by scoped users, 60 s, against the compiled server as `npm start` runs it
 * (dist/server/main.mjs with scripts/node-flags.json) on the Hengyang demo data. Reports errors,
 * req/s, p50/p95/p99 per kind and the server's RSS (sampled every 250 ms), and the same server's
 * `/api/health` rate at the same concurrency for the ratio issue 16 asks for.
 *
 * Embedded database always (a fresh data dir); PostgreSQL too when a URL is given
 * (`--pg postgres://user@host:5432/postgres` or BENCH_DATABASE_URL): a database `bench_<time>` is
 * created on that server for the run and dropped afterwards.
 * Options: `--sessions 200 --duration 60 --only pglite|postgres --write-share 0.15 --port 3611`,
 * `--cpu-prof DIR` (the server runs under `node --cpu-prof`, its profile written to DIR at exit),
 * `--db-prefix bench_` (the PostgreSQL database's name prefix).
 * Measured figures go to docs/BENCHMARKS.md; nothing here is asserted by `npm test`.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { EnterpriseProfile, UpdateEnterpriseRequest } from '../shared/contracts/enterprises.js';
import { editBodyOf } from '../server/test/factories/enterprises.js';
import { percentile, requireHealthy, startServer as startBenchServer, stopServer } from './bench-server.js';

const root = path.resolve(import.meta.dirname, '..');
const ADMIN_PASSWORD = 'bench-admin-pass';
const USER_PASSWORD = 'bench-user-pass-1';

type Options = {
  sessions: number;
  durationS: number;
  writeShare: number;
  pgUrl: string | null;
  only: 'pglite' | 'postgres' | null;
  port: number;
  /** A folder for the server's V8 CPU profiles (`node --cpu-prof`), one .cpuprofile per server; null: none. */
  cpuProfDir: string | null;
  /** Prefix of the PostgreSQL database made for the run (`bench_` unless given). */
  dbPrefix: string;
};

function parseOptions(argv: readonly string[]): Options {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const only = value('--only');
  return {
    sessions: Number(value('--sessions') ?? 200),
    durationS: Number(value('--duration') ?? 60),
    writeShare: Number(value('--write-share') ?? WRITE_SHARE),
    pgUrl: value('--pg') ?? process.env.BENCH_DATABASE_URL ?? null,
    only: only === 'pglite' || only === 'postgres' ? only : null,
    port: Number(value('--port') ?? 3611),
    cpuProfDir: value('--cpu-prof') ?? null,
    dbPrefix: value('--db-prefix') ?? 'bench_',
  };
}

// ── HTTP client: keep-alive sockets, one request at a time per session (no think time) ──
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

type Reply = { status: number; body: string; setCookie: string[] };

function request(port: number, method: string, url: string, headers: Record<string, string>, body?: unknown): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: url,
        agent,
        headers: { ...headers, ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const cookies = res.headers['set-cookie'] ?? [];
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), setCookie: cookies });
        });
        res.on('error', reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error('timeout after 30 s')));
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

type Session = { username: string; role: string; cookie: string; csrf: string; firms: string[]; profiles: EnterpriseProfile[] };

async function login(port: number, username: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const res = await request(port, 'POST', '/api/auth/login', {}, { username, password });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${res.body.slice(0, 200)}`);
  const cookie = (res.setCookie.find((c) => c.startsWith('cc_session=')) ?? '').split(';')[0] ?? '';
  return { cookie, csrf: (JSON.parse(res.body) as { csrfToken: string }).csrfToken };
}

async function getJson<T>(port: number, s: { cookie: string }, url: string): Promise<T> {
  const res = await request(port, 'GET', url, { cookie: s.cookie });
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${res.body.slice(0, 200)}`);
  return JSON.parse(res.body) as T;
}

/** Runs `fn` over `items` with at most `limit` at once (logins hash with argon2id: a few at a time). */
async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next;
      next += 1;
      results[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

// ── the mix ──
/** Roles of the 200 sessions, in proportion: readers first, then the scoped writers. */
const ROLE_SHARES: readonly [string, number][] = [
  ['leader', 0.25],
  ['chain_chief', 0.15],
  ['chain_office', 0.2],
  ['county', 0.15],
  ['park', 0.1],
  ['department', 0.1],
  ['enterprise', 0.05],
];
/** A writer's (链办, 县市区, 企业) share of writes among its requests; `--write-share 0` for reads only. */
const WRITE_SHARE = 0.15;
const STATS = 'period=2024-06&range=ytd';

/** The read endpoints (issue 16's mix of the main screens), for every role but 企业. */
const READS: readonly string[] = [
  '/api/auth/me',
  `/api/monitoring/chains?${STATS}`,
  `/api/monitoring/breakdown?${STATS}&by=region`,
  `/api/monitoring/breakdown?${STATS}&by=park`,
  `/api/monitoring/enterprises?${STATS}&page=1&pageSize=20`,
  '/api/monitoring/trend?period=2024-06&months=24',
  '/api/warnings?period=2024-06',
  '/api/enterprises?page=1&pageSize=20',
  '/api/chains',
  '/api/parks',
  '/api/regions',
];
/** 企业 accounts do not read the city's statistics: their own months instead. */
const ENTERPRISE_READS = (uscc: string): readonly string[] => [
  '/api/auth/me',
  '/api/enterprises?page=1&pageSize=20',
  '/api/chains',
  '/api/parks',
  '/api/regions',
  `/api/figures/${uscc}?year=2024`,
];

type Op = { kind: string; method: string; url: string; body?: unknown };

function nextOp(s: Session, counter: number, writeShare: number): Op {
  const writer = s.role === 'chain_office' || s.role === 'county' || s.role === 'enterprise';
  if (writer && s.firms.length > 0 && Math.random() < writeShare) {
    const uscc = s.firms[counter % s.firms.length] ?? '';
    if (s.role === 'county') {
      const profile = s.profiles[counter % s.profiles.length];
      if (profile)
        return {
          kind: 'write: PUT /api/enterprises/:uscc',
          method: 'PUT',
          url: `/api/enterprises/${profile.uscc}`,
          body: editBody(profile, counter),
        };
    }
    // A correction of one month: 当月 gross output in 万元 (a value that changes, so it is written).
    return {
      kind: 'write: PUT /api/figures/:uscc/:period',
      method: 'PUT',
      url: `/api/figures/${uscc}/2024-05`,
      body: { unit: '万元', values: { grossOutput: String(1000 + (counter % 97)) }, acceptWarnings: true },
    };
  }
  const reads = s.role === 'enterprise' ? ENTERPRISE_READS(s.firms[0] ?? '') : READS;
  const url = reads[Math.floor(Math.random() * reads.length)] ?? '/api/auth/me';
  const route = (url.split('?')[0] ?? url).replace(/^\/api\/figures\/[^/]+$/, '/api/figures/:uscc');
  return { kind: `read: ${route}`, method: 'GET', url };
}

/** The firm as the edit form sends it back, its name's suffix changed (a plain, non-official field). */
function editBody(p: EnterpriseProfile, counter: number): UpdateEnterpriseRequest {
  const name = p.name.replace(/（压测\d+）$/, '');
  return editBodyOf(p, { name: counter % 2 === 0 ? name : `${name}（压测${counter % 10}）` });
}

// ── the server ──
function startServer(port: number, env: Record<string, string>, cpuProfDir: string | null): ChildProcess {
  const profile = cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(cpuProfDir)}`] : [];
  const serverEnv = {
    NODE_ENV: 'production',
    ADMIN_PASSWORD,
    DEMO_PASSWORD: 'bench-demo-pass',
    SEED_DEMO: 'true',
    // 200 sessions log in from one address: the login limit is raised for this server only.
    LOGIN_RATE_LIMIT: '100000',
    ...env,
  };
  return startBenchServer(port, serverEnv, { nodeArgs: profile });
}

/** Resident memory of a process in MB (Linux /proc), null when unreadable. */
function rssMb(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

// ── setup: users and their sessions ──
async function createSessions(port: number, count: number): Promise<Session[]> {
  const admin = await login(port, 'admin', ADMIN_PASSWORD);
  const chains = (await getJson<{ items: { code: string }[] }>(port, admin, '/api/chains')).items.map((c) => c.code);
  const regions = (await getJson<{ items: { code: string; enterpriseCount: number }[] }>(port, admin, '/api/regions')).items
    .filter((r) => r.enterpriseCount > 0)
    .map((r) => r.code);
  const parks = (await getJson<{ items: { id: number }[] }>(port, admin, '/api/parks?pageSize=100')).items.map((p) => String(p.id));
  const firms = (
    await getJson<{ items: { uscc: string; chainCodes: string[]; regionCode: string }[] }>(
      port,
      admin,
      '/api/enterprises?pageSize=500&aboveScaleYear=2024',
    )
  ).items;

  const plan: { role: string; scope: { kind: string; ref: string }[]; firms: string[] }[] = [];
  for (const [role, share] of ROLE_SHARES) {
    const n = role === ROLE_SHARES.at(-1)?.[0] ? count - plan.length : Math.round(count * share);
    for (let i = 0; i < n; i++) {
      if (role === 'chain_chief' || role === 'chain_office') {
        const chain = chains[i % chains.length] ?? 'CH02';
        plan.push({
          role,
          scope: [{ kind: 'chain', ref: chain }],
          firms: firms
            .filter((f) => f.chainCodes.includes(chain))
            .slice(0, 20)
            .map((f) => f.uscc),
        });
      } else if (role === 'county') {
        const region = regions[i % regions.length] ?? '430421';
        plan.push({
          role,
          scope: [{ kind: 'region', ref: region }],
          firms: firms
            .filter((f) => f.regionCode === region)
            .slice(0, 5)
            .map((f) => f.uscc),
        });
      } else if (role === 'park') plan.push({ role, scope: [{ kind: 'park', ref: parks[i % parks.length] ?? '1' }], firms: [] });
      else if (role === 'department') plan.push({ role, scope: [{ kind: 'department', ref: `压测后盾单位${i % 5}` }], firms: [] });
      else if (role === 'enterprise') {
        const uscc = firms[(i * 37) % firms.length]?.uscc ?? '';
        plan.push({ role, scope: [{ kind: 'enterprise', ref: uscc }], firms: [uscc] });
      } else plan.push({ role, scope: [], firms: [] });
    }
  }
  const stamp = Date.now().toString(36);
  return pool(plan, 4, async (p, i) => {
    const username = `load-${stamp}-${i}`;
    const created = await request(
      port,
      'POST',
      '/api/users',
      { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      {
        username,
        displayName: `压测用户${i}`,
        role: p.role,
        password: USER_PASSWORD,
        scopes: p.scope,
      },
    );
    if (created.status !== 201) throw new Error(`create ${username}: ${created.status} ${created.body.slice(0, 200)}`);
    const s = await login(port, username, USER_PASSWORD);
    const session: Session = { username, role: p.role, ...s, firms: p.firms, profiles: [] };
    if (p.role === 'county') {
      for (const uscc of p.firms.slice(0, 3)) session.profiles.push(await getJson<EnterpriseProfile>(port, s, `/api/enterprises/${uscc}`));
    }
    return session;
  });
}

// ── the run ──
type Sample = { kind: string; ms: number; ok: boolean; status: number };

async function drive(
  port: number,
  sessions: readonly Session[],
  durationMs: number,
  pick: (s: Session, n: number) => Op,
): Promise<{ samples: Sample[]; seconds: number }> {
  const samples: Sample[] = [];
  const started = performance.now();
  const until = started + durationMs;
  let counter = 0;
  await Promise.all(
    sessions.map(async (s) => {
      while (performance.now() < until) {
        counter += 1;
        const op = pick(s, counter);
        const t0 = performance.now();
        const headers: Record<string, string> = { cookie: s.cookie };
        if (op.method !== 'GET') headers['x-csrf-token'] = s.csrf;
        // A failed connection or a timeout counts as an error with status 0.
        const status = await request(port, op.method, op.url, headers, op.body).then(
          (r) => r.status,
          () => 0,
        );
        samples.push({ kind: op.kind, ms: performance.now() - t0, ok: status >= 200 && status < 300, status });
      }
    }),
  );
  return { samples, seconds: (performance.now() - started) / 1000 };
}

type Row = { what: string; requests: number; errors: number; rps: number; p50: number; p95: number; p99: number };

function summarise(what: string, samples: readonly Sample[], seconds: number): Row {
  const times = samples.map((s) => s.ms).sort((a, b) => a - b);
  return {
    what,
    requests: samples.length,
    errors: samples.filter((s) => !s.ok).length,
    rps: samples.length / seconds,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
  };
}

const fmt = (r: Row) =>
  `| ${r.what} | ${r.requests} | ${r.errors} | ${r.rps.toFixed(1)} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.p99.toFixed(0)} |`;

/** One database's line of the closing summary. */
type Summary = {
  database: string;
  mix: Row;
  health: Row;
  ratio: number;
  rssMedian: number;
  rssMax: number;
  /** The issue 16 targets for this database (reads only, 200 sessions, 60 s). */
  target: { rps: number; p95: number };
};

async function runOne(label: string, options: Options, env: Record<string, string>, target: Summary['target']): Promise<Summary> {
  const child = startServer(options.port, env, options.cpuProfDir);
  const memory: number[] = [];
  let sampler: NodeJS.Timeout | undefined;
  try {
    const setupStart = performance.now();
    await requireHealthy(options.port, 300_000);
    const sessions = await createSessions(options.port, options.sessions);
    const pid = child.pid ?? 0;
    const rssAfterSetup = rssMb(pid);
    console.log(
      `\n## ${label}: ${sessions.length} sessions ready in ${((performance.now() - setupStart) / 1000).toFixed(1)} s (server start with demo seed, users, logins)`,
    );
    const roles = new Map<string, number>();
    for (const s of sessions) roles.set(s.role, (roles.get(s.role) ?? 0) + 1);
    console.log(`roles: ${[...roles].map(([r, n]) => `${r} ${n}`).join(', ')}`);

    // Warm-up (not counted): 5 s with every 10th session (each role), so the caches hold what the run reads.
    const pick = (s: Session, n: number) => nextOp(s, n, options.writeShare);
    await drive(
      options.port,
      sessions.filter((_s, i) => i % 10 === 0),
      5_000,
      pick,
    );
    sampler = setInterval(() => {
      const mb = rssMb(pid);
      if (mb !== null) memory.push(mb);
    }, 250);
    const { samples, seconds } = await drive(options.port, sessions, options.durationS * 1000, pick);
    clearInterval(sampler);
    const health = await drive(options.port, sessions, 10_000, () => ({ kind: 'health', method: 'GET', url: '/api/health' }));

    const kinds = [...new Set(samples.map((s) => s.kind))].sort();
    const rows = [
      summarise('**all**', samples, seconds),
      summarise(
        'reads',
        samples.filter((s) => s.kind.startsWith('read')),
        seconds,
      ),
      summarise(
        'writes',
        samples.filter((s) => s.kind.startsWith('write')),
        seconds,
      ),
      ...kinds.map((k) =>
        summarise(
          k,
          samples.filter((s) => s.kind === k),
          seconds,
        ),
      ),
      summarise('`/api/health` alone, 10 s after the run', health.samples, health.seconds),
    ];
    console.log(
      `\n${sessions.length} sessions, ${seconds.toFixed(1)} s (${options.durationS} s of new requests, then the last answers), no think time, writers' write share ${options.writeShare}; latencies in ms`,
    );
    console.log('| what | requests | errors | req/s | p50 | p95 | p99 |');
    console.log('|---|---|---|---|---|---|---|');
    for (const row of rows) console.log(fmt(row));
    const statuses = new Map<number, number>();
    for (const s of samples) if (!s.ok) statuses.set(s.status, (statuses.get(s.status) ?? 0) + 1);
    if (statuses.size > 0) console.log(`errors by status (0 = no answer): ${[...statuses].map(([st, n]) => `${st}×${n}`).join(', ')}`);
    const sorted = [...memory].sort((a, b) => a - b);
    const all = rows[0];
    const ratio = all && rows.at(-1) ? (all.rps / (rows.at(-1)?.rps ?? 1)) * 100 : NaN;
    console.log(`mix at ${ratio.toFixed(0)}% of the same server's /api/health rate`);
    console.log(
      `server RSS: after setup ${rssAfterSetup?.toFixed(0) ?? '?'} MB; during the run min ${sorted[0]?.toFixed(0) ?? '?'} / median ${percentile(sorted, 50).toFixed(0)} / max ${sorted.at(-1)?.toFixed(0) ?? '?'} MB (${sorted.length} samples), after the run ${rssMb(pid)?.toFixed(0) ?? '?'} MB`,
    );
    const healthRow = rows.at(-1);
    if (!all || !healthRow) throw new Error('no samples');
    return {
      database: label.replace(/ \(Debian[^)]*\)| \(database [^)]*\)/g, '').split(',')[0] ?? label,
      mix: all,
      health: healthRow,
      ratio,
      rssMedian: percentile(sorted, 50),
      rssMax: sorted.at(-1) ?? NaN,
      target,
    };
  } finally {
    if (sampler) clearInterval(sampler);
    await stopServer(child);
  }
}

export async function benchLoad(argv: readonly string[]): Promise<void> {
  const options = parseOptions(argv);
  const build = spawnSync(process.execPath, ['scripts/start.mjs', '--build-only'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');
  console.log(
    `# load test, ${new Date().toISOString()}, ${os.cpus().length} cores, Node ${process.version}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );

  const summaries: Summary[] = [];
  if (options.only !== 'postgres') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-bench-load-'));
    try {
      summaries.push(
        await runOne('embedded database (PGlite), demo data', options, { DATA_DIR: dataDir, DATABASE_URL: '' }, { rps: 300, p95: 1000 }),
      );
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  if (options.only !== 'pglite') {
    if (!options.pgUrl) {
      console.log('\nPostgreSQL: skipped (give --pg postgres://user@host:5432/postgres or BENCH_DATABASE_URL)');
      printSummary(summaries, options);
      return;
    }
    const name = `${options.dbPrefix}${Date.now()}`;
    const adminClient = new pg.Client({ connectionString: options.pgUrl });
    await adminClient.connect();
    await adminClient.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
    await adminClient.end();
    const target = new URL(options.pgUrl);
    target.pathname = `/${name}`;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-bench-load-'));
    try {
      const version = new pg.Client({ connectionString: target.toString() });
      await version.connect();
      const v = (await version.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? '?';
      await version.end();
      summaries.push(
        await runOne(
          `PostgreSQL ${v} (database ${name}), demo data`,
          options,
          { DATA_DIR: dataDir, DATABASE_URL: target.toString() },
          { rps: 800, p95: 400 },
        ),
      );
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
      const dropClient = new pg.Client({ connectionString: options.pgUrl });
      await dropClient.connect();
      await dropClient.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropClient.end();
    }
  }
  printSummary(summaries, options);
}

/**
 * The table to paste into docs/BENCHMARKS.md: one line per database with the mix, the same server's
 * /api/health rate and the ratio (the figure that holds on a busy machine), memory, and the targets of
 * issue 16 (reads only, 200 sessions, 60 s: PostgreSQL ≥ 800 req/s and p95 ≤ 400 ms, embedded ≥ 300
 * req/s and p95 ≤ 1 s, no errors, mix ≥ 20% of /api/health).
 */
function printSummary(summaries: readonly Summary[], options: Options): void {
  if (summaries.length === 0) return;
  console.log(
    `\n## Summary: ${options.sessions} sessions, ${options.durationS} s, write share ${options.writeShare}, ${os.availableParallelism()} cores, load average at the end ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    '| database | req/s | p50 ms | p95 ms | p99 ms | errors | /api/health req/s | mix / health | RSS median / max MB | target (req/s, p95, ratio) |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const s of summaries) {
    const met = [s.mix.rps >= s.target.rps, s.mix.p95 <= s.target.p95, s.ratio >= 20, s.mix.errors === 0];
    const verdict = met.every(Boolean) ? 'met' : 'not met';
    console.log(
      `| ${s.database} | ${s.mix.rps.toFixed(0)} | ${s.mix.p50.toFixed(0)} | ${s.mix.p95.toFixed(0)} | ${s.mix.p99.toFixed(0)} | ${s.mix.errors} | ${s.health.rps.toFixed(0)} | ${s.ratio.toFixed(0)}% | ${s.rssMedian.toFixed(0)} / ${s.rssMax.toFixed(0)} | ≥ ${s.target.rps}, ≤ ${s.target.p95} ms, ≥ 20%: ${verdict} |`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchLoad(process.argv.slice(2));
