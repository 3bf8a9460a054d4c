/**
 * `node --import tsx scripts/bench-import-memory.ts [--only default,shared_buffers=32MB]`: where the memory of the 50,000-row
 * monthly CSV import goes on the embedded database, and whether PGlite settings lower it.
 * For each configuration a fresh process opens a copy of one demo data directory with PGlite in a worker
 * thread (as server/db/client.ts does, but with the configuration's PGlite options), then runs the same
 * import as `npm run bench:import` (50,000 updates with revisions). Sampled every 20 ms:
 *   - the process's resident memory (/proc/self/status VmRSS, split into RssAnon and RssFile),
 *   - the main thread's V8 heap and its external / ArrayBuffer memory (process.memoryUsage()),
 *   - the PGlite worker's V8 heap and external memory, and the size of PGlite's WebAssembly memory
 *     (allocated; it grows but never shrinks).
 * Measurements, never asserted in `npm test`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

// (initialMemory below 128 MB is refused by PGlite 0.5's WebAssembly module: "memory import 0 is smaller than initial 2048".)
type Config = { name: string; startParams?: string[]; initialMemory?: number };
type Sample = { rss: number; rssAnon: number; rssFile: number; heap: number; external: number; arrayBuffers: number };
type WorkerPeak = { heap: number; external: number; arrayBuffers: number; wasm: number; wasmAtOpen: number };
type ChildReport = {
  config: string;
  seconds: number;
  counts: string;
  monitoring: { count: number; seconds: number; medianMs: number };
  settings: Record<string, string>;
  atStart: Sample;
  atOpen: Sample;
  peak: Sample;
  worker: WorkerPeak;
};

const MB = 1024 * 1024;

/** The configurations compared: the current worker (PGlite defaults) and smaller Postgres buffers. */
function configs(defaults: string[]): Config[] {
  const withParams = (...settings: string[]) => [...defaults, ...settings.flatMap((s) => ['-c', s])];
  return [
    { name: 'default (as server/db/pglite-worker.mjs)' },
    { name: 'shared_buffers=64MB', startParams: withParams('shared_buffers=64MB') },
    { name: 'shared_buffers=48MB', startParams: withParams('shared_buffers=48MB') },
    { name: 'shared_buffers=32MB', startParams: withParams('shared_buffers=32MB') },
    { name: 'shared_buffers=16MB', startParams: withParams('shared_buffers=16MB') },
    {
      name: 'shared_buffers=32MB, work_mem=2MB, maintenance_work_mem=16MB, wal_buffers=1MB, temp_buffers=2MB',
      startParams: withParams('shared_buffers=32MB', 'work_mem=2MB', 'maintenance_work_mem=16MB', 'wal_buffers=1MB', 'temp_buffers=2MB'),
    },
  ];
}

function readStatus(): { rss: number; rssAnon: number; rssFile: number } {
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), rssAnon: kb('RssAnon'), rssFile: kb('RssFile') };
}

function sample(): Sample {
  const usage = process.memoryUsage();
  return { ...readStatus(), heap: usage.heapUsed, external: usage.external, arrayBuffers: usage.arrayBuffers };
}

function maxSample(a: Sample, b: Sample): Sample {
  return {
    rss: Math.max(a.rss, b.rss),
    rssAnon: Math.max(a.rssAnon, b.rssAnon),
    rssFile: Math.max(a.rssFile, b.rssFile),
    heap: Math.max(a.heap, b.heap),
    external: Math.max(a.external, b.external),
    arrayBuffers: Math.max(a.arrayBuffers, b.arrayBuffers),
  };
}

/**
 * The worker: PGlite with the configuration's options behind the socket server, as
 * server/db/pglite-worker.mjs, reporting its own memory peaks. Plain JavaScript evaluated as the worker
 * (a worker thread does not get tsx's loader on Node 20); the packages come as resolved URLs.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { PGlite } = await import(workerData.pgliteUrl);
  const { PGLiteSocketServer } = await import(workerData.socketUrl);
  const { dataDir, socketPath, config } = workerData;
  const db = await PGlite.create({ dataDir, ...(config.startParams ? { startParams: config.startParams } : {}), ...(config.initialMemory ? { initialMemory: config.initialMemory } : {}) });
  const wasmBytes = () => (db.mod && db.mod.HEAPU8 ? db.mod.HEAPU8.buffer.byteLength : NaN);
  const peak = { heap: 0, external: 0, arrayBuffers: 0, wasm: 0, wasmAtOpen: wasmBytes() };
  const timer = setInterval(() => {
    const usage = process.memoryUsage();
    peak.heap = Math.max(peak.heap, usage.heapUsed);
    peak.external = Math.max(peak.external, usage.external);
    peak.arrayBuffers = Math.max(peak.arrayBuffers, usage.arrayBuffers);
    peak.wasm = Math.max(peak.wasm, wasmBytes());
  }, 20);
  const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 2 });
  await server.start();
  parentPort.postMessage({ type: 'ready' });
  parentPort.on('message', async (msg) => {
    if (msg.type === 'peak') parentPort.postMessage({ type: 'peak', peak });
    if (msg.type === 'close') {
      clearInterval(timer);
      await server.stop();
      await db.close();
      parentPort.postMessage({ type: 'closed' });
    }
  });
})();
`;

/** Child role: one configuration, one import, one JSON line on stdout. */
async function child(config: Config, dataDir: string, csv: string): Promise<void> {
  const pg = (await import('pg')).default;
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { sql } = await import('drizzle-orm');
  const schema = await import('../server/db/schema.js');
  const { SYSTEM_ACTOR } = await import('../server/modules/access/actor.js');
  const { importFigures } = await import('../server/modules/figures/import/import.service.js');
  const { getChainStatistics } = await import('../server/modules/monitoring/monitoring.service.js');
  pg.types.setTypeParser(20, (value: string) => Number(value));
  const atStart = sample();

  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-mem-pg-'));
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      dataDir,
      socketPath: path.join(socketDir, '.s.PGSQL.5432'),
      config,
      pgliteUrl: import.meta.resolve('@electric-sql/pglite'),
      socketUrl: import.meta.resolve('@electric-sql/pglite-socket'),
    },
  });
  const next = (type: string) =>
    new Promise<{ type: string; peak?: WorkerPeak }>((resolve, reject) => {
      const onMessage = (msg: { type: string; peak?: WorkerPeak }) => {
        if (msg.type !== type) return;
        worker.off('message', onMessage);
        resolve(msg);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
  await next('ready');
  const pool = new pg.Pool({ host: socketDir, user: 'postgres', database: 'postgres', max: 1 });
  const db = drizzle(pool, { schema });
  const shown = await db.execute<{ name: string; setting: string; unit: string | null }>(
    sql`SELECT name, setting, unit FROM pg_settings WHERE name IN ('shared_buffers', 'work_mem', 'maintenance_work_mem', 'wal_buffers', 'temp_buffers')`,
  );
  const settings = Object.fromEntries(shown.rows.map((r) => [r.name, `${r.setting}${r.unit ? ` × ${r.unit}` : ''}`]));
  const atOpen = sample();

  let peak = atOpen;
  const timer = setInterval(() => (peak = maxSample(peak, sample())), 20);
  const started = performance.now();
  const result = await importFigures(db, SYSTEM_ACTOR, {
    source: { path: csv },
    fileName: path.basename(csv),
    dryRun: false,
    acceptWarnings: true,
    unit: '元',
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  peak = maxSample(peak, sample());
  // The monitoring statistics after the import, every one uncached (24 months, 当月 and 累计 each): the
  // reads a smaller buffer pool could slow down.
  const periods = Array.from({ length: 24 }, (_, i) => {
    const m = 2024 * 12 + 10 + i; // 2024-11 … 2026-10
    return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  });
  const statTimes: number[] = [];
  const statsStarted = performance.now();
  for (const range of ['month', 'ytd'] as const) {
    for (const period of periods) {
      const t0 = performance.now();
      await getChainStatistics(db, SYSTEM_ACTOR, { period, range });
      statTimes.push(performance.now() - t0);
    }
  }
  const statsSeconds = (performance.now() - statsStarted) / 1000;
  statTimes.sort((a, b) => a - b);
  peak = maxSample(peak, sample());
  const workerPeak = (await (async () => {
    const reply = next('peak');
    worker.postMessage({ type: 'peak' });
    return (await reply).peak;
  })()) as WorkerPeak;
  await pool.end();
  const closed = next('closed');
  worker.postMessage({ type: 'close' });
  await closed;
  await worker.terminate();
  fs.rmSync(socketDir, { recursive: true, force: true });
  const report: ChildReport = {
    config: config.name,
    seconds,
    monitoring: { count: statTimes.length, seconds: statsSeconds, medianMs: statTimes[Math.floor(statTimes.length / 2)] ?? NaN },
    counts: `updated ${result.updated}, created ${result.created}, unchanged ${result.unchanged}, errors ${result.errors.length}`,
    settings,
    atStart,
    atOpen,
    peak,
    worker: workerPeak,
  };
  console.log(JSON.stringify(report));
}

/** Writes the 50,000-row CSV (every value +delta 元) from the demo data, as scripts/bench-import.ts does. */
async function prepare(temp: string): Promise<{ template: string; csv: string; defaults: string[] }> {
  const { selectBenchMonths, writeBenchCsv } = await import('./bench-files.js');
  const { openDatabase } = await import('../server/db/client.js');
  const { runMigrations } = await import('../server/db/migrate.js');
  const { seedDemo } = await import('../server/modules/demo/seed.js');
  const { PGlite } = await import('@electric-sql/pglite');
  const template = path.join(temp, 'template');
  const csv = path.join(temp, 'monthly-50k.csv');
  const database = await openDatabase({ kind: 'pglite', dataDir: template });
  try {
    await runMigrations(database);
    const seeded = await seedDemo(database.db);
    console.log(`template: ${seeded.message}`);
    writeBenchCsv(csv, await selectBenchMonths(database.db, 50_000), 1);
  } finally {
    await database.close();
  }
  return { template, csv, defaults: [...PGlite.defaultStartParams] };
}

async function main(): Promise<void> {
  // --only default,shared_buffers=32MB: just those configurations (names up to the first space).
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1]?.split(',') : undefined;
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-bench-mem-'));
  try {
    const { template, csv, defaults } = await prepare(temp);
    const mb = (n: number) => `${Math.round(n / MB)}`;
    for (const config of configs(defaults).filter((c) => only === undefined || only.includes(c.name.split(' ')[0] ?? ''))) {
      const dataDir = path.join(temp, 'run');
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.cpSync(template, dataDir, { recursive: true });
      const run = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', JSON.stringify(config), dataDir, csv], {
        cwd: path.resolve(import.meta.dirname, '..'),
        encoding: 'utf8',
        maxBuffer: 16 * MB,
      });
      const line = run.stdout.trim().split('\n').pop() ?? '';
      if (run.status !== 0 || !line.startsWith('{')) {
        console.log(`${config.name}: failed (exit ${run.status}) ${run.stderr.slice(-2000)}`);
        continue;
      }
      const r = JSON.parse(line) as ChildReport;
      console.log(
        `${r.config}: CSV import ${r.seconds.toFixed(2)} s (${r.counts}); settings ${Object.entries(r.settings)
          .map(([k, v]) => `${k}=${v}`)
          .join(', ')}\n` +
          `  process RSS MB: modules loaded ${mb(r.atStart.rss)}, database open ${mb(r.atOpen.rss)} (anon ${mb(r.atOpen.rssAnon)}, file ${mb(r.atOpen.rssFile)}), peak ${mb(r.peak.rss)} (anon ${mb(r.peak.rssAnon)}, file ${mb(r.peak.rssFile)})\n` +
          `  main thread MB: JS heap ${mb(r.atOpen.heap)} → peak ${mb(r.peak.heap)}, external peak ${mb(r.peak.external)} (ArrayBuffers ${mb(r.peak.arrayBuffers)})\n` +
          `  then ${r.monitoring.count} uncached chain statistics (24 months × 当月/累计): ${r.monitoring.seconds.toFixed(2)} s, median ${r.monitoring.medianMs.toFixed(0)} ms each\n` +
          `  PGlite worker MB: WebAssembly memory ${mb(r.worker.wasmAtOpen)} at open → ${mb(r.worker.wasm)} peak; JS heap peak ${mb(r.worker.heap)}, external peak ${mb(r.worker.external)}`,
      );
    }
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  await child(JSON.parse(process.argv[3] ?? '{}') as Config, process.argv[4] ?? '', process.argv[5] ?? '');
} else {
  await main();
}
