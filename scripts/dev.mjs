// `npm run dev`: the server (restarting on change) and the Vite dev server (hot reload, /api passed
// to the server) together. Stops both when either stops or on Ctrl-C.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VITE_BIN = path.join(ROOT, 'node_modules/vite/bin/vite.js');

const children = [
  spawn(process.execPath, ['--import', 'tsx', '--watch', 'server/main.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  }),
  spawn(process.execPath, [VITE_BIN], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], detached: true }),
];

let stopping = false;
function stopAll(signal) {
  stopping = true;
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  }
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stopAll(signal));
process.on('exit', () => stopAll('SIGTERM'));

let exitCode = 0;
for (const child of children) {
  child.on('exit', (code) => {
    if (!stopping && code !== 0) exitCode = code ?? 1;
    stopAll('SIGTERM');
    if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) process.exit(exitCode);
  });
}
