// Test helper: holds the embedded database in the data directory given as argument, like a running
// server, until it receives SIGTERM. Prints "ready" once the lock is taken.
import { openDatabase } from '../../db/client.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: hold-database.ts <data-dir>');
const database = await openDatabase({ kind: 'pglite', dataDir });
process.once('SIGTERM', () => {
  void database.close().finally(() => process.exit(0));
});
process.stdout.write('ready\n');
