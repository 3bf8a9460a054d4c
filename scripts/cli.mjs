// `npm run cli -- <command>`: the operator commands (server/cli), run from the compiled server
// (built first when missing or older than the sources; see scripts/build.mjs, whose NODE_FLAGS the
// `cli` script in package.json passes to node).
import { buildIfStale, SERVER_CLI } from './build.mjs';
import { pathToFileURL } from 'node:url';

try {
  await buildIfStale({ web: false, server: true });
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}
await import(pathToFileURL(SERVER_CLI).href);
