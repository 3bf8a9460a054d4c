// Builds what `npm start` and `npm run cli` run: the web app (Vite, into dist/web) and the server
// and CLI as plain JavaScript (esbuild, into dist/server). Running the compiled server instead of the
// TypeScript sources through tsx saves the process ~65 MB of memory (tsx's loader thread and its
// compiled copies of every module) and ~0.5 s at start (docs/BENCHMARKS.md).
// `node scripts/build.mjs` (= `npm run build`) builds both; start.mjs and cli.mjs build what is stale.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/**
 * V8 heap settings of the server and the CLI (scripts/node-flags.json; package.json's `cli` and
 * `bench:import` scripts repeat them, a test checks they agree): a heap that
 * grows by 30% past its live data instead of V8's default (up to 4×), and a 4 MB young generation
 * instead of 16 MB. A 50,000-row monthly import then peaks at ~410–430 MB instead of ~490–570 MB
 * (the embedded database included), at the price of more garbage collection (the import ~25–45% slower,
 * within its targets); API answers are no slower. Measured in docs/BENCHMARKS.md.
 */
export const NODE_FLAGS = JSON.parse(fs.readFileSync(path.join(ROOT, 'scripts/node-flags.json'), 'utf8'));
export const SERVER_MAIN = path.join(ROOT, 'dist/server/main.mjs');
export const SERVER_CLI = path.join(ROOT, 'dist/server/cli.mjs');
const BUILT_INDEX = path.join(ROOT, 'dist/web/index.html');
const WEB_INPUTS = ['web', 'shared', 'vite.config.ts', 'package-lock.json'];
const SERVER_INPUTS = ['server', 'shared', 'package.json', 'package-lock.json', 'scripts/build.mjs'];
const VITE_BIN = path.join(ROOT, 'node_modules/vite/bin/vite.js');

/** Newest modification time of a file or of any file below a folder (0 when absent). */
function newestMtime(target) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

function isStale(outputs, inputs) {
  if (!outputs.every((file) => fs.existsSync(file))) return true;
  const builtAt = Math.min(...outputs.map((file) => fs.statSync(file).mtimeMs));
  return inputs.some((input) => newestMtime(path.join(ROOT, input)) > builtAt);
}

function buildWeb() {
  console.error('正在构建前端 (building the web app)…');
  const build = spawnSync(process.execPath, [VITE_BIN, 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('前端构建失败 (web build failed); the messages above say why.');
}

async function buildServer() {
  console.error('正在构建服务端 (building the server)…');
  const esbuild = await import('esbuild');
  // The packages stay in node_modules (imported at run time); only the project's own modules are
  // bundled. Paths to files beside the code (migrations, the PGlite worker, package.json) are found
  // from the project root (server/paths.ts), so they hold in both the sources and the bundle.
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { main: 'server/main.ts', cli: 'server/cli/main.ts' },
    outdir: 'dist/server',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

/** Builds the parts that are missing or older than their sources. */
export async function buildIfStale({ web = true, server = true } = {}) {
  if (web && isStale([BUILT_INDEX], WEB_INPUTS)) buildWeb();
  if (server && isStale([SERVER_MAIN, SERVER_CLI], SERVER_INPUTS)) await buildServer();
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    buildWeb();
    await buildServer();
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
}
