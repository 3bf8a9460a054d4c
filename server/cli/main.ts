import 'dotenv/config';
import { runCli } from './index.js';
import { processIo } from './io.js';

// The CLI as a program (`npm run cli` runs its compiled copy; `node --import tsx server/cli/main.ts` the sources).
process.exitCode = await runCli(process.argv.slice(2), processIo());
