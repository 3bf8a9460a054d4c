// `npm start`: builds the web app and the server when their sources are newer than the last build
// (scripts/build.mjs), then runs the compiled server (which serves the app and the API on one port) until it stops.
// `node scripts/start.mjs --build-only`: only the build step (the browser tests use it).
import { spawn } from 'node:child_process';
import { buildIfStale, NODE_FLAGS, ROOT, SERVER_MAIN } from './build.mjs';

try {
  await buildIfStale();
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}
if (process.argv.includes('--build-only')) process.exit(0);

// Own process group (and no terminal input): a Ctrl-C in the terminal reaches only this script, which passes it on once,
// so the server shuts its database down cleanly instead of being hit twice.
const server = spawn(process.execPath, [...NODE_FLAGS, SERVER_MAIN], {
  cwd: ROOT,
  stdio: ['ignore', 'inherit', 'inherit'],
  detached: true,
});

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (server.exitCode === null && server.signalCode === null) server.kill(signal);
  });
}
// Should this script die unexpectedly, do not leave the server running without a parent.
process.on('exit', () => {
  if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
});

server.on('exit', (code, signal) => {
  if (code !== null) process.exit(code);
  process.exit(signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1);
});
