/**
 * `npm run bench:upload`: issue 9's "done when" for uploads. Starts the compiled server as `npm start`
 * runs it (dist/server/main.mjs with scripts/node-flags.json) on a fresh data dir with the reference
 * data only, logs in as admin, then fires bomb uploads at POST /api/figures/import?dryRun=true two at
 * a time while GET /api/health is polled every 100 ms and the server's RSS (/proc/<pid>/status) is
 * sampled every 100 ms. Reports the slowest health answer, failed polls, peak and final RSS and each
 * upload's status. Measurements for docs/BENCHMARKS.md, never asserted in `npm test`.
 * `-- --rounds N` repeats the pair N times (default 3); `-- --demo` seeds the demo data at the first
 * start as `npm start` does by default (else the reference data only). Port 3395 (`BENCH_UPLOAD_PORT` to move it).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bombPart, SHEET_HEAD, SHEET_TAIL, sheetRowsXml, SST_HEAD, workbookOf } from '../server/test/hostile-files.js';
import { login, requireHealthy, startServer, stopServer } from './bench-server.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const port = Number(process.env.BENCH_UPLOAD_PORT ?? 3395);
const base = `http://127.0.0.1:${port}`;
const roundsArg = process.argv.indexOf('--rounds');
const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 3;
const demo = process.argv.includes('--demo');
const MiB = 1024 * 1024;

function rssMb(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** The bombs: the 1 GiB shared strings (honest header), and a lying header that makes the server inflate as much as the ratio allows. */
const BOMBS: { name: string; file: () => Buffer }[] = [
  {
    name: 'sharedStrings.xml → 1 GiB (header says so)',
    file: () =>
      workbookOf(
        `${SHEET_HEAD}${sheetRowsXml([['统一社会信用代码', '期别', '工业总产值']])}${SHEET_TAIL}`,
        bombPart('xl/sharedStrings.xml', 1024, { prefix: `${SST_HEAD}<si><t>` }),
      ),
  },
  {
    name: 'whitespace sheet → 1 GiB, header claims 100 MiB (inflated until it lies)',
    file: () => {
      const bomb = bombPart('xl/worksheets/sheet1.xml', 1024, { prefix: SHEET_HEAD });
      return workbookOf({ ...bomb, size: Math.min(100 * bomb.deflated.length, 250 * MiB) });
    },
  },
  {
    name: 'one cell → 1 GiB of digits',
    file: () => workbookOf(bombPart('xl/worksheets/sheet1.xml', 1024, { prefix: `${SHEET_HEAD}<row r="1"><c><v>`, fill: '9' })),
  },
];

async function main(): Promise<void> {
  const build = spawnSync(process.execPath, ['scripts/start.mjs', '--build-only'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-bench-upload-'));
  const server = startServer(
    port,
    {
      DATA_DIR: dataDir,
      // BENCH_DATABASE_URL: an empty PostgreSQL database instead of the embedded one.
      DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '',
      SEED_DEMO: String(demo),
      ADMIN_PASSWORD: 'bench-admin-pass',
      DEMO_PASSWORD: 'bench-demo-pass-1',
    },
    { quiet: true },
  );
  const pid = server.pid ?? 0;
  try {
    await requireHealthy(port, 180_000);
    const { cookie, csrfToken } = await login(base, 'admin', 'bench-admin-pass');
    console.log(
      `server pid ${pid}${demo ? ' (demo data seeded at start)' : ''}, RSS after start ${rssMb(pid).toFixed(0)} MB (peak while starting ${rssMb(pid, 'VmHWM').toFixed(0)} MB)`,
    );

    for (const bomb of BOMBS) {
      const data = bomb.file();
      for (let round = 1; round <= rounds; round += 1) {
        const before = rssMb(pid);
        let peak = before;
        const latencies: number[] = [];
        let failures = 0;
        let running = true;
        const poll = (async () => {
          while (running) {
            const started = performance.now();
            try {
              const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5_000) });
              if (!res.ok) failures += 1;
            } catch {
              failures += 1;
            }
            latencies.push(performance.now() - started);
            peak = Math.max(peak, rssMb(pid));
            await new Promise((r) => setTimeout(r, 100));
          }
        })();
        const started = performance.now();
        const upload = async () => {
          const form = new FormData();
          form.append('file', new Blob([data]), 'bomb.xlsx');
          const res = await fetch(`${base}/api/figures/import?dryRun=true`, {
            method: 'POST',
            headers: { cookie, 'x-csrf-token': csrfToken },
            body: form,
          });
          const body = (await res.json()) as { error?: { code: string } };
          return `${res.status} ${body.error?.code ?? ''}`;
        };
        const statuses = await Promise.all([upload(), upload()]);
        const seconds = (performance.now() - started) / 1000;
        running = false;
        await poll;
        await new Promise((r) => setTimeout(r, 1_000));
        const after = rssMb(pid);
        const slowest = latencies.reduce((a, b) => Math.max(a, b), 0);
        console.log(
          `${bomb.name} (${(data.length / MiB).toFixed(2)} MB upload), round ${round}: two at once → ${statuses.join(' / ')} in ${seconds.toFixed(2)} s; ` +
            `/api/health ${latencies.length} polls, slowest ${slowest.toFixed(0)} ms, failed ${failures}; RSS ${before.toFixed(0)} → peak ${peak.toFixed(0)} → ${after.toFixed(0)} MB 1 s later`,
        );
      }
    }
  } finally {
    await stopServer(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
