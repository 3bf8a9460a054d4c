// Worker thread that owns the embedded PGlite database and serves it over a Unix socket with the
// Postgres wire protocol, so the main thread uses the same `pg` driver as with a real server and a
// slow query never blocks the event loop. Plain JavaScript so it runs under tsx, vitest and node alike.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const { dataDir, socketPath } = workerData;
// Postgres' shared buffer pool lives in PGlite's WebAssembly memory, allocated in full at start: the
// default 128 MB made the open demo database ~100 MB larger and the 50,000-row import peak ~120 MB
// higher than 48 MB does, with the import and the monitoring statistics no slower
// (scripts/bench-import-memory.ts, docs/BENCHMARKS.md). 32 MB halved the speed of uncached statistics.
const START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=48MB'];
let db;
let server;
try {
  db = await PGlite.create({ ...(dataDir ? { dataDir } : {}), startParams: START_PARAMS });
  // The pool keeps ONE live connection (client.ts), so transactions never interleave; the socket
  // server accepts a second so the pool can replace a connection it dropped after a failed query
  // while the old socket is still closing.
  server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 2 });
  await server.start();
  parentPort.postMessage({ type: 'ready' });
} catch (err) {
  parentPort.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
}

parentPort.on('message', async (msg) => {
  if (msg && msg.type === 'close') {
    try {
      if (server) await server.stop();
      if (db) await db.close();
    } finally {
      parentPort.postMessage({ type: 'closed' });
    }
  }
});
