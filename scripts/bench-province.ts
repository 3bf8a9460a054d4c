/**
 * `npm run bench -- province --pg postgres://postgres@127.0.0.1:5432/postgres [--db NAME] [--enterprises 60000]
 *  [--months 60] [--keep] [--port 3720] [--requests 40]`
 *
 * Province scale on PostgreSQL: makes (or reuses, when it already holds the generated firms) the
 * database NAME (default `bench_province`) with `npm run cli -- generate-province`, starts the
 * compiled server on it and measures, at 1 and 20 connections, the statistics a province's staff
 * open; compares in the same run with a hand-written SQL query of chain YTD (comparable basis) and
 * with DuckDB scanning the same monthly rows exported to Parquet. Prints a markdown table ready to
 * paste into docs/BENCHMARKS.md; drops the database at the end unless `--keep`.
 * Timings are never asserted (they depend on the machine and its load).
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { login, percentile, requireHealthy, startServer as startBenchServer, stopServer } from './bench-server.js';

const root = path.resolve(import.meta.dirname, '..');
const ADMIN_PASSWORD = 'bench-admin-pass';

type Options = { pg: string; db: string; enterprises: number; months: number; keep: boolean; port: number; requests: number; end: string };

function parseOptions(argv: readonly string[]): Options {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const pgUrl = value('--pg') ?? process.env.BENCH_DATABASE_URL;
  if (!pgUrl) throw new Error('bench province needs PostgreSQL: --pg postgres://user@host:5432/postgres (or BENCH_DATABASE_URL)');
  return {
    pg: pgUrl,
    db: value('--db') ?? 'bench_province',
    enterprises: Number(value('--enterprises') ?? 60_000),
    months: Number(value('--months') ?? 60),
    end: value('--end') ?? '2026-10',
    keep: argv.includes('--keep'),
    port: Number(value('--port') ?? 3720),
    requests: Number(value('--requests') ?? 40),
  };
}

function urlOf(base: string, db: string): string {
  const url = new URL(base);
  url.pathname = `/${db}`;
  return url.toString();
}

/** Sorted timings (ms) of `n` runs of `fn` by `concurrency` workers. */
async function timed(concurrency: number, n: number, fn: () => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  let left = n;
  const worker = async () => {
    while (left > 0) {
      left -= 1;
      const t0 = performance.now();
      await fn();
      times.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return times.sort((a, b) => a - b);
}

type Row = { name: string; p1: number[]; p20: number[]; note: string; ratio?: number };

/** Requests that failed (status or network), per endpoint: reported in the table, never retried. */
const failures = new Map<string, number>();

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);
const cell = (t: number[]) => (t.length === 0 ? '–' : `${fmt(percentile(t, 50))} / ${fmt(percentile(t, 95))}`);

function startServer(port: number, databaseUrl: string): ChildProcess {
  return startBenchServer(port, {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    ADMIN_PASSWORD,
    SEED_DEMO: 'false',
    LOGIN_RATE_LIMIT: '100000',
  });
}

/** The hand-written chain YTD on the comparable basis (gross output only): the yardstick of the API. */
export function rawChainYtdSql(year: number, to: string): string {
  return `
    WITH members AS (
      SELECT DISTINCT m.uscc, n.chain_code
        FROM enterprise_memberships m
        JOIN chain_nodes n ON n.id = m.node_id
        JOIN chains c ON c.code = n.chain_code
       WHERE c.valid_from_year <= ${year} AND coalesce(c.valid_to_year, 9999) >= ${year}
         AND coalesce(m.valid_from_year, 0) <= ${year} AND coalesce(m.valid_to_year, 9999) >= ${year}
         AND EXISTS (SELECT 1 FROM enterprise_scale_years s WHERE s.uscc = m.uscc AND s.year = ${year})
    ),
    firm AS (
      SELECT f.uscc, sum(f.gross_output) AS output,
             sum(coalesce(f.prev_year_gross_output, l.gross_output)) AS base,
             bool_and(coalesce(f.prev_year_gross_output, l.gross_output) IS NOT NULL) AS has_base
        FROM monthly_figures f
        LEFT JOIN monthly_figures l ON l.uscc = f.uscc AND l.period = '${year - 1}' || substr(f.period, 5)
       WHERE f.period BETWEEN '${year}-01' AND '${to}' AND f.gross_output IS NOT NULL
       GROUP BY f.uscc
    )
    SELECT chain_code, count(*) AS firms, sum(output) AS output,
           sum(output) FILTER (WHERE has_base) AS comparable, sum(base) FILTER (WHERE has_base) AS base
      FROM members JOIN firm USING (uscc)
     GROUP BY chain_code ORDER BY chain_code`;
}

/** The same question for DuckDB over Parquet files of the four tables it needs. */
function duckChainYtdSql(dir: string, year: number, to: string): string {
  const f = (t: string) => `read_parquet('${path.join(dir, `${t}.parquet`)}')`;
  return rawChainYtdSql(year, to)
    .replaceAll('enterprise_memberships m', `${f('enterprise_memberships')} m`)
    .replaceAll('chain_nodes n', `${f('chain_nodes')} n`)
    .replaceAll('chains c', `${f('chains')} c`)
    .replaceAll('enterprise_scale_years s', `${f('enterprise_scale_years')} s`)
    .replaceAll('monthly_figures f', `${f('monthly_figures')} f`)
    .replaceAll('monthly_figures l', `${f('monthly_figures')} l`);
}

/** DuckDB over the monthly rows exported to Parquet (COPY … TO CSV from PostgreSQL, then DuckDB COPY … TO Parquet). */
async function benchDuckDb(
  client: pg.Client,
  dbUrl: string,
  year: number,
  to: string,
): Promise<{ exportMs: number; times: number[] } | string> {
  let duck: typeof import('@duckdb/node-api');
  try {
    duck = await import('@duckdb/node-api');
  } catch {
    return '@duckdb/node-api not installed (npm ci)';
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-province-duck-'));
  try {
    const t0 = performance.now();
    const instance = await duck.DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const tables: Record<string, string> = {
      chains: 'code, valid_from_year, valid_to_year',
      chain_nodes: 'id, chain_code',
      enterprise_memberships: 'uscc, node_id, valid_from_year, valid_to_year',
      enterprise_scale_years: 'uscc, year',
      monthly_figures: 'uscc, period, gross_output, prev_year_gross_output',
    };
    for (const [table, columns] of Object.entries(tables)) {
      const csv = path.join(dir, `${table}.csv`);
      // psql's \copy streams the rows to a client-side file (no superuser needed).
      const out = spawnSync('psql', [dbUrl, '-q', '-c', `\\copy (SELECT ${columns} FROM ${table}) TO '${csv}' WITH (FORMAT csv, HEADER)`]);
      if (out.status !== 0) throw new Error(`psql \\copy ${table}: ${out.stderr.toString()}`);
      await connection.run(
        `COPY (SELECT * FROM read_csv_auto('${csv}', header = true, all_varchar = false)) TO '${path.join(dir, `${table}.parquet`)}' (FORMAT parquet)`,
      );
      fs.rmSync(csv);
    }
    const exportMs = performance.now() - t0;
    void client;
    const sqlText = duckChainYtdSql(dir, year, to);
    await connection.run(sqlText);
    const times = await timed(1, 5, async () => {
      await connection.runAndReadAll(sqlText);
    });
    connection.closeSync();
    return { exportMs, times };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchProvince(argv: readonly string[]): Promise<void> {
  const options = parseOptions(argv);
  const admin = new pg.Client({ connectionString: options.pg });
  await admin.connect();
  const dbUrl = urlOf(options.pg, options.db);
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.db])).rowCount === 1;
  const build = spawnSync(process.execPath, ['scripts/start.mjs', '--build-only'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');
  let generatedMs: number | null = null;
  if (!exists) {
    await admin.query(`CREATE DATABASE "${options.db}"`);
    const t0 = performance.now();
    const gen = spawnSync(
      process.execPath,
      [
        'scripts/cli.mjs',
        'generate-province',
        '--enterprises',
        String(options.enterprises),
        '--months',
        String(options.months),
        '--end',
        options.end,
        '--database-url',
        dbUrl,
      ],
      { cwd: root, stdio: 'inherit' },
    );
    if (gen.status !== 0) throw new Error('generate-province failed');
    generatedMs = performance.now() - t0;
  }
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  const server = startServer(options.port, dbUrl);
  try {
    const counts = (
      await client.query<{ firms: string; rows: string; size: string }>(
        `SELECT (SELECT count(*) FROM enterprises) AS firms, (SELECT count(*) FROM monthly_figures) AS rows,
                pg_size_pretty(pg_database_size(current_database())) AS size`,
      )
    ).rows[0];
    const latest =
      (await client.query<{ period: string }>('SELECT max(period) AS period FROM monthly_figures')).rows[0]?.period ?? options.end;
    const published = (
      await client.query<{ period: string | null }>(`SELECT max(period) AS period FROM period_snapshots WHERE period < $1`, [latest])
    ).rows[0]?.period;
    const period = published ?? latest;
    await requireHealthy(options.port, 300_000);
    const base = `http://127.0.0.1:${options.port}`;
    const session = await login(base, 'admin', ADMIN_PASSWORD);
    const post = async (url: string, body?: unknown) => {
      const res = await fetch(`${base}${url}`, {
        method: 'POST',
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`POST ${url}: ${res.status} ${text.slice(0, 300)}`);
    };
    const statusOf = async () =>
      (await client.query<{ status: string }>('SELECT status FROM period_statuses WHERE period = $1', [latest])).rows[0]?.status;
    // A reused database whose latest month an earlier run published: reopened, so staff read it live again.
    if ((await statusOf()) === 'published')
      await post(`/api/periods/${latest}/reopen`, { reason: '基准测试重新发布 (benchmark republication)' });
    const get = (url: string) => async () => {
      try {
        const res = await fetch(`${base}${url}`, { headers: { cookie: session.cookie } });
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
      } catch (err) {
        failures.set(url, (failures.get(url) ?? 0) + 1);
        if (failures.get(url) === 1) console.error(err instanceof Error ? err.message : String(err));
      }
    };
    const rows: Row[] = [];
    const n = options.requests;
    const measure = async (name: string, fn: () => Promise<void>, note = '') => {
      const failedBefore = [...failures.values()].reduce((a, b) => a + b, 0);
      const first = performance.now();
      await fn();
      const cold = performance.now() - first;
      const p1 = await timed(1, Math.max(5, n / 4), fn);
      const p20 = await timed(20, n, fn);
      const failed = [...failures.values()].reduce((a, b) => a + b, 0) - failedBefore;
      const notes = [note, `first ${fmt(cold)}`, failed > 0 ? `**${failed} failed**` : ''].filter((x) => x !== '');
      rows.push({ name, p1, p20, note: notes.join('; ') });
      console.log(`${name}: 1 conn ${cell(p1)}, 20 conn ${cell(p20)} (${rows.at(-1)?.note})`);
    };
    // Published month: the answers stored with the snapshot (city-wide caller).
    await measure(
      `/api/monitoring/chains ytd ${period} (published)`,
      get(`/api/monitoring/chains?period=${period}&range=ytd`),
      'stored answer',
    );
    await measure(`/api/monitoring/breakdown by=region ytd`, get(`/api/monitoring/breakdown?period=${period}&range=ytd&by=region`));
    await measure(`/api/monitoring/breakdown by=park ytd`, get(`/api/monitoring/breakdown?period=${period}&range=ytd&by=park`));
    await measure(`/api/monitoring/trend 24 months`, get(`/api/monitoring/trend?period=${period}&months=24`));
    await measure(`/api/monitoring/enterprises page 1`, get(`/api/monitoring/enterprises?period=${period}&range=ytd&page=1&pageSize=20`));
    await measure(`/api/enterprises?q=华鑫`, get(`/api/enterprises?q=${encodeURIComponent('华鑫')}&page=1&pageSize=20`));
    // The engine itself: the latest month, not published, read live by data staff (computed, then cached by data token).
    await measure(
      `/api/monitoring/chains ytd ${latest} (live, computed)`,
      get(`/api/monitoring/chains?period=${latest}&range=ytd`),
      'data-token cache after first',
    );
    // Every request recomputed: a figure write between requests changes the data token.
    const uncachedOf = async (url: string) =>
      timed(1, 3, async () => {
        await client.query(`UPDATE stats_version SET token = gen_random_uuid() WHERE id = 1`);
        await get(url)();
      });
    // The yardstick: hand-written SQL of chain YTD on the comparable basis (a pool of 20 connections).
    const pool = new pg.Pool({ connectionString: dbUrl, max: 20 });
    const rawOf = (p: string) => rawChainYtdSql(Number(p.slice(0, 4)), p);
    const raw1 = await timed(1, 3, async () => {
      await pool.query(rawOf(latest));
    });
    const raw20 = await timed(20, 20, async () => {
      await pool.query(rawOf(latest));
    });
    const rawPublished1 = await timed(1, 3, async () => {
      await pool.query(rawOf(period));
    });
    await pool.end();
    const live = await uncachedOf(`/api/monitoring/chains?period=${latest}&range=ytd`);
    rows.push({
      name: `/api/monitoring/chains ytd ${latest} (live, engine over the live per-firm YTD rollup, uncached)`,
      p1: live,
      p20: [],
      note: 'data token changed before each',
      ratio: percentile(live, 50) / percentile(raw1, 50),
    });
    // by=chain is not among the answers stored at publication: the engine over the per-firm rollup.
    const rolled = await uncachedOf(`/api/monitoring/breakdown?period=${period}&range=ytd&by=chain`);
    rows.push({
      name: `/api/monitoring/breakdown by=chain ytd ${period} (published, engine over the per-firm rollup, uncached)`,
      p1: rolled,
      p20: [],
      note: 'data token changed before each',
      ratio: percentile(rolled, 50) / percentile(rawPublished1, 50),
    });
    rows.push({ name: `raw SQL chain YTD ${latest} (hand-written, gross output only)`, p1: raw1, p20: raw20, note: '' });
    rows.push({ name: `raw SQL chain YTD ${period}`, p1: rawPublished1, p20: [], note: '' });
    console.log(
      `uncached live ${cell(live)}, rollup ${cell(rolled)}; raw SQL ${cell(raw1)} / ${cell(raw20)}, published month ${cell(rawPublished1)}`,
    );
    const duck = await benchDuckDb(client, dbUrl, Number(latest.slice(0, 4)), latest);
    // Publishing the latest month (review, then publish: review items, snapshot, stored answers).
    let publishMs: number | null = null;
    const status = await statusOf();
    if (status !== 'review') await post(`/api/periods/${latest}/review`);
    const t0 = performance.now();
    await post(`/api/periods/${latest}/publish`);
    publishMs = performance.now() - t0;
    const published1 = await timed(1, 5, get(`/api/monitoring/chains?period=${latest}&range=ytd`));

    const load = os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ');
    const lines = [
      '',
      `## Province scale (${new Date().toISOString().slice(0, 10)})`,
      '',
      `\`npm run bench -- province --pg …\`: PostgreSQL ${(await client.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version}, ` +
        `${Number(counts?.firms).toLocaleString('en-US')} firms, ${Number(counts?.rows).toLocaleString('en-US')} monthly rows, database ${counts?.size}` +
        `${generatedMs === null ? ' (reused)' : `, generated in ${(generatedMs / 1000).toFixed(0)} s`}; ${os.cpus().length} cores, load average ${load} (1/5/15 min) at the end. ` +
        `p50 / p95; ${n} requests at 20 connections, ${Math.max(5, n / 4)} at 1. Ratio: an uncached answer's p50 over the hand-written SQL's for the same month, both at 1 connection (cached and stored answers do not compute).`,
      '',
      '| endpoint | 1 connection p50 / p95 | 20 connections p50 / p95 | API / raw SQL | notes |',
      '|---|---|---|---|---|',
      ...rows.map(
        (r) => `| ${r.name} | ${cell(r.p1)} | ${cell(r.p20)} | ${r.ratio === undefined ? '–' : r.ratio.toFixed(2)} | ${r.note} |`,
      ),
      `| DuckDB (\`@duckdb/node-api\`), same chain YTD over Parquet | ${typeof duck === 'string' ? duck : cell(duck.times)} | – | – | ${typeof duck === 'string' ? '' : `export PostgreSQL → CSV → Parquet ${fmt(duck.exportMs)}`} |`,
      `| publish ${latest} (POST …/publish: review check, snapshot, stored answers) | ${publishMs === null ? '–' : fmt(publishMs)} | – | – | then chains ytd ${cell(published1)} |`,
      '',
    ];
    console.log(lines.join('\n'));
  } finally {
    await stopServer(server);
    await client.end();
    if (!options.keep) {
      await admin.query(`DROP DATABASE IF EXISTS "${options.db}" WITH (FORCE)`);
      console.log(`database ${options.db} dropped (--keep keeps it)`);
    }
    await admin.end();
  }
}
