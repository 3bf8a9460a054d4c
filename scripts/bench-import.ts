/**
 * `npm run bench:import [-- --postgres] [-- --rows 100000] [-- --csv-only]` (node with the heap settings of scripts/node-flags.json, as the server runs): times the monthly-figures import of a
 * 50,000-row CSV and a 50,000-row xlsx built from the demo firms' stored months (every value changed
 * by a few 元, so every row is an update with a revision: the heaviest case). Reports wall time, rows/s and
 * peak memory, and ends with a summary ready to paste into docs/BENCHMARKS.md. Measurements, never asserted in `npm test`.
 * `--rows N`: the demo holds ~80,000 stored months (~1,500 firms × up to 58 months); for more rows the bench
 * first copies the demo firms (same region, park, memberships and stored months, new valid USCCs, "(副本n)" names)
 * until there are enough stored months, so every row is still an update of a stored month with a year of
 * history behind it (the unit-slip median and the 上年同期 checks have work to do), as at province scale.
 * `--csv-only` skips the xlsx imports (quicker runs while profiling). `--port N`: the HTTP server's port (default 3397).
 * What the memory figures are: the in-process lines sample this process's RSS every 20 ms; that is the
 * whole process, the PGlite worker thread (its WebAssembly memory) included, and this process also seeded
 * the demo data and wrote the files first, so RSS starts high ("before") and never falls back between
 * the three imports. "peak JS heap" is the main thread's V8 heap only. The CLI lines are the meaningful
 * ones for an operator: a fresh process per import, its peak RSS by GNU time.
 * Where the memory of the embedded database goes, and the PGlite settings compared: scripts/bench-import-memory.ts.
 * Targets (issue 4): CSV ≤ 10 s, xlsx ≤ 20 s, peak memory ≤ 500 MB.
 * Embedded database (PGlite, on disk) by default; `--postgres` uses a fresh database on TEST_DATABASE_URL.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../server/db/client.js';
import { runMigrations } from '../server/db/migrate.js';
import { SYSTEM_ACTOR } from '../server/modules/access/actor.js';
import { seedDemo } from '../server/modules/demo/seed.js';
import { importFigures } from '../server/modules/figures/import/import.service.js';
import { createTestDatabase } from '../server/test/database.js';
import NODE_FLAGS from './node-flags.json' with { type: 'json' };
import { copyDemoFirms, selectBenchMonths, writeBenchCsv, writeBenchXlsx } from './bench-files.js';
import { login, requireHealthy, startServer, stopServer } from './bench-server.js';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
}
const ROWS = Number(option('--rows') ?? 50_000);
if (!Number.isInteger(ROWS) || ROWS < 1) throw new Error(`--rows: a whole number of rows, got ${option('--rows')}`);
const CSV_ONLY = process.argv.includes('--csv-only');
const N = ROWS.toLocaleString('en-US');

/** The lines of the summary printed at the end (a table ready for docs/BENCHMARKS.md). */
const summary: { what: string; value: string }[] = [];
const rate = (seconds: number) => `${Math.round(ROWS / seconds).toLocaleString('en-US')} rows/s`;
async function measure(
  label: string,
  work: () => Promise<{ created: number; updated: number; unchanged: number; errors: unknown[]; warnings: unknown[] }>,
): Promise<void> {
  // CPU beside wall time: with other work on the machine it says more about what the import costs.
  // PGlite runs in a worker thread of this process: its CPU is counted here; PostgreSQL's is not.
  const cpuBefore = process.cpuUsage();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  }, 20);
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const cpu = process.cpuUsage(cpuBefore);
  const cpuText = `CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s in this process`;
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  summary.push({ what: `${label} (in the bench process)`, value: `${seconds.toFixed(2)} s, ${rate(seconds)}; ${cpuText}` });
  console.log(
    `${label}: ${seconds.toFixed(2)} s, ${rate(seconds)}; ${cpuText}; created ${result.created}, updated ${result.updated}, unchanged ${result.unchanged}, errors ${result.errors.length}, warnings ${result.warnings.length}; ` +
      `peak RSS ${mb(peakRss)} (before ${mb(before.rss)}), peak JS heap ${mb(peakHeap)}`,
  );
}

/**
 * The same import as an operator runs it (`npm run cli -- import-monthly`: scripts/cli.mjs, the compiled CLI), in a fresh process on the
 * data directory: wall time and the process's peak resident memory (GNU time), the embedded database included.
 */
function measureCli(label: string, dataDir: string, args: string[], nodeOptions: string[], databaseUrl = ''): void {
  const root = path.resolve(import.meta.dirname, '..');
  const run = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, ...nodeOptions, 'scripts/cli.mjs', ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  const [seconds = '?', kb = '0'] = (run.stderr.trim().split('\n').pop() ?? '').split(' ');
  const counts = /新增 \(created\) \d+，更新 \(updated\) \d+，未变化 \(unchanged\) \d+/.exec(run.stdout)?.[0] ?? '';
  const peak = `${Math.round(Number(kb) / 1024)} MB`;
  summary.push({ what: label, value: `${seconds} s wall, peak RSS ${peak}${run.status === 0 ? '' : `, exit ${run.status}`}` });
  console.log(
    `${label}: ${seconds} s wall (process start, migrations check and database open included); peak RSS ${peak}; exit ${run.status}; ${counts}`,
  );
}

/** Peak resident memory so far of a process (VmHWM), in MB. */
function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN) / 1024);
}

/**
 * The import as a user makes it on the import screen: the server as `npm start` runs it (compiled,
 * with the heap settings), logged in as admin, the file uploaded to POST /api/figures/import. Reports
 * the server's peak memory (VmHWM) after start and after each upload, and the request's time.
 */
async function measureHttp(dataDir: string, files: { label: string; file: string }[]): Promise<void> {
  const port = Number(option('--port') ?? 3397);
  const env = { DATA_DIR: dataDir, DATABASE_URL: '', ADMIN_PASSWORD: 'bench-admin-pass', NODE_ENV: 'production' };
  const child = startServer(port, env, { quiet: true });
  const base = `http://127.0.0.1:${port}`;
  try {
    await requireHealthy(port, 60_000);
    // Only the first start creates admin; a bench database made by openDatabase has none yet.
    const { cookie, csrfToken } = await login(base, 'admin', 'bench-admin-pass');
    console.log(`HTTP import (server as npm start runs it): peak RSS after start and login ${peakRssMb(child.pid ?? 0)} MB`);
    for (const { label, file } of files) {
      const form = new FormData();
      form.append('file', new Blob([fs.readFileSync(file)]), path.basename(file));
      const started = performance.now();
      const res = await fetch(`${base}/api/figures/import?acceptWarnings=true`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken },
        body: form,
      });
      const body = (await res.json()) as { updated?: number; created?: number; errors?: unknown[] };
      const seconds = (performance.now() - started) / 1000;
      summary.push({
        what: `HTTP import (server as npm start runs it), ${label}`,
        value: `${seconds.toFixed(2)} s, ${rate(seconds)}, server peak RSS ${peakRssMb(child.pid ?? 0)} MB`,
      });
      console.log(
        `HTTP import, ${label}: ${seconds.toFixed(2)} s (upload included); status ${res.status}, updated ${body.updated}, created ${body.created}, errors ${body.errors?.length}; server peak RSS so far ${peakRssMb(child.pid ?? 0)} MB`,
      );
    }
  } finally {
    await stopServer(child);
  }
}

async function main(): Promise<void> {
  // The CLI as `npm run cli` runs it: compiled (built here when stale).
  const build = spawnSync(process.execPath, ['scripts/start.mjs', '--build-only'], {
    cwd: path.resolve(import.meta.dirname, '..'),
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('build failed');
  const postgres = process.argv.includes('--postgres');
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-bench-import-'));
  let database: Database & { drop?: () => Promise<void> };
  let closed = false;
  if (postgres) {
    if (!process.env.TEST_DATABASE_URL) throw new Error('--postgres needs TEST_DATABASE_URL');
    database = await createTestDatabase();
  } else {
    database = await openDatabase({ kind: 'pglite', dataDir: path.join(temp, 'data') });
    await runMigrations(database);
  }
  try {
    const seeded = await seedDemo(database.db);
    console.log(`${postgres ? 'PostgreSQL' : 'embedded PGlite'}: ${seeded.message} (${(seeded.elapsedMs / 1000).toFixed(1)} s)`);
    const copied = await copyDemoFirms(database.db, ROWS);
    if (copied.firms > 0)
      console.log(
        `copied the demo firms ${copied.copies}×: ${copied.firms} more firms, ${copied.months} more stored months (${(copied.ms / 1000).toFixed(1)} s)`,
      );
    const rows = await selectBenchMonths(database.db, ROWS);
    if (rows.length < ROWS) throw new Error(`only ${rows.length} stored months for ${ROWS} rows`);
    const firmCount = new Set(rows.map((r) => r.uscc)).size;
    const csv = path.join(temp, `monthly-${ROWS}.csv`);
    const xlsx = path.join(temp, `monthly-${ROWS}.xlsx`);
    writeBenchCsv(csv, rows, 1);
    if (!CSV_ONLY) await writeBenchXlsx(xlsx, rows, 2);
    const sizes = `CSV ${(fs.statSync(csv).size / 1e6).toFixed(1)} MB${CSV_ONLY ? '' : `, xlsx ${(fs.statSync(xlsx).size / 1e6).toFixed(1)} MB`}`;
    console.log(`files: ${rows.length} rows of ${firmCount} firms (${rows.at(-1)?.period} … ${rows[0]?.period}); ${sizes}`);
    const run = (file: string) => () =>
      importFigures(database.db, SYSTEM_ACTOR, {
        source: { path: file },
        fileName: path.basename(file),
        dryRun: false,
        acceptWarnings: true,
        unit: '元',
      });
    await measure(`CSV import, ${N} updates`, run(csv));
    if (!CSV_ONLY) {
      await measure(`xlsx import, ${N} updates`, run(xlsx));
      await measure(`xlsx re-import, ${N} unchanged`, run(xlsx));
    } else {
      await measure(`CSV re-import, ${N} unchanged`, run(csv));
    }
    // The same imports through the CLI in fresh processes: on PGlite the database is inside the process
    // (closed here first: one process at a time), on PostgreSQL only the application is.
    let dataDir = path.join(temp, 'data');
    let databaseUrl = '';
    if (postgres) {
      const name = (await database.db.execute<{ name: string }>(sql`SELECT current_database() AS name`)).rows[0]?.name ?? '';
      const url = new URL(process.env.TEST_DATABASE_URL ?? '');
      url.pathname = `/${name}`;
      databaseUrl = url.toString();
      dataDir = path.join(temp, 'unused-data');
    } else {
      await database.close();
      closed = true;
    }
    const where = postgres ? 'PostgreSQL outside the process' : 'embedded database inside the process';
    writeBenchCsv(csv, rows, 3);
    if (!CSV_ONLY) await writeBenchXlsx(xlsx, rows, 4);
    // As `npm run cli` runs them: with the heap settings of scripts/node-flags.json.
    measureCli(
      `CLI migrate (baseline: Node, the compiled CLI and the database opened, no import; ${where})`,
      dataDir,
      ['migrate'],
      NODE_FLAGS,
      databaseUrl,
    );
    measureCli(`CLI import-monthly, CSV, ${N} updates`, dataDir, ['import-monthly', csv, '--accept-warnings'], NODE_FLAGS, databaseUrl);
    if (!CSV_ONLY)
      measureCli(`CLI import-monthly, xlsx, ${N} updates`, dataDir, ['import-monthly', xlsx, '--accept-warnings'], NODE_FLAGS, databaseUrl);
    if (!CSV_ONLY) {
      // The same with V8's default heap settings, for comparison.
      writeBenchCsv(csv, rows, 5);
      await writeBenchXlsx(xlsx, rows, 6);
      measureCli(
        'CLI import-monthly, CSV, V8 default heap settings',
        dataDir,
        ['import-monthly', csv, '--accept-warnings'],
        [],
        databaseUrl,
      );
      measureCli(
        'CLI import-monthly, xlsx, V8 default heap settings',
        dataDir,
        ['import-monthly', xlsx, '--accept-warnings'],
        [],
        databaseUrl,
      );
    }
    if (!postgres && !CSV_ONLY) {
      writeBenchCsv(csv, rows, 7);
      await writeBenchXlsx(xlsx, rows, 8);
      await measureHttp(dataDir, [
        { label: `CSV, ${N} updates`, file: csv },
        { label: `xlsx, ${N} updates`, file: xlsx },
      ]);
    }
    const load = os.loadavg().map((l) => l.toFixed(2));
    console.log(
      [
        '',
        `Summary (paste into docs/BENCHMARKS.md): ${postgres ? 'PostgreSQL' : 'embedded PGlite'}, ${N} rows of ${firmCount} firms, ` +
          `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, load average ${load.join(' / ')} (1/5/15 min) on ${os.cpus().length} cores`,
        '',
        '| | result |',
        '|---|---|',
        ...summary.map((s) => `| ${s.what} | ${s.value} |`),
      ].join('\n'),
    );
  } finally {
    if (database.drop) await database.drop();
    else if (!closed) await database.close();
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

await main();
